import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverMutations, exportedValues } from './discover';

describe('exportedValues', () => {
  it('finds every runtime export, however it is written, and no types', () => {
    const source = `
      'use server';
      export const a = 1, b = 2;
      export const { GET, POST } = handlers;
      export async function c() {}
      export function d() {}
      const e = 1; const f = 2;
      export { e, f as g };
      export type T = string;
      export interface I {}
      export { type H } from './h';
      export default async function () {}
    `;
    expect(exportedValues(source, 'x/actions.ts')).toEqual({ names: ['a', 'b', 'GET', 'POST', 'c', 'd', 'e', 'g', 'default'], problems: [] });
  });

  it('refuses export * in an entry-point file', () => {
    expect(exportedValues(`export * from './other';`, 'x/actions.ts').problems).toHaveLength(1);
  });
});

describe('discoverMutations', () => {
  it('finds actions files, use-server files and mutating route methods, skips delegating routes, and flags inline use server', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'discover-'));
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    };
    try {
      write('app/[locale]/a/actions.ts', `'use server';\nexport const saveAction = formAction();`);
      write('app/[locale]/shell-actions.ts', `'use server';\nexport async function signOutAction() {}`);
      write('app/api/v1/things/route.ts', `export const GET = get; export const POST = post; export async function DELETE() {}`);
      write('app/api/auth/[...nextauth]/route.ts', `export const { GET, POST } = handlers;`);
      write('app/[locale]/b/page.tsx', `async function inline() {\n  'use server';\n}`);
      write('components/x/Form.tsx', `'use server';\nexport async function sneaky() {}`);
      write('app/[locale]/a/actions.test.ts', `export const notAnAction = 1;`);
      write('app/[locale]/c/counts-action.ts', `'use server';\nexport async function readCounts() {}`);
      write('app/[locale]/c/helpers.ts', `// not 'use server'\nexport const x = 1;`);
      const { mutations, problems } = discoverMutations(root);
      expect(mutations.map((m) => m.id)).toEqual([
        'app/[locale]/a/actions.ts#saveAction',
        'app/[locale]/c/counts-action.ts#readCounts',
        'app/[locale]/shell-actions.ts#signOutAction',
        'app/api/v1/things/route.ts#DELETE',
        'app/api/v1/things/route.ts#POST',
      ]);
      expect(problems).toHaveLength(2);
      expect(problems.join('\n')).toMatch(/page\.tsx.*use server/);
      expect(problems.join('\n')).toMatch(/Form\.tsx.*use server/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
