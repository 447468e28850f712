import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface Mutation {
  /** "<file relative to the repository>#<export>", the key of its case. */
  id: string;
  file: string;
  exportName: string;
  kind: 'server action' | 'route handler';
}

/**
 * Route handlers that delegate to a library and have no audit entry of their own to prove:
 * - app/api/auth: Auth.js's own endpoints (sign-in callback, CSRF, session, sign-out). The
 *   credentials sign-in ends in lib/auth/authenticate, which audits every attempt (covered by
 *   the sign-in action's case); the rest only read or clear the session cookie.
 * - app/api/inngest: the Inngest serve handler. It runs job definitions, whose changes are
 *   audited inside the jobs (and its PUT only registers functions with Inngest).
 */
export const DELEGATING_ROUTES = ['app/api/auth/', 'app/api/inngest/'];

const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ACTIONS_FILE = /(^|\/)([\w-]+-)?actions\.tsx?$/;
const ROUTE_FILE = /(^|\/)route\.tsx?$/;
const SOURCE_FILE = /\.(ts|tsx)$/;
const TEST_FILE = /\.test\.tsx?$/;

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (SOURCE_FILE.test(entry.name) && !TEST_FILE.test(entry.name)) out.push(full);
  }
  return out;
}

const hasExportModifier = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
const hasDefaultModifier = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

function bindingNames(name: ts.BindingName, out: string[]) {
  if (ts.isIdentifier(name)) out.push(name.text);
  else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bindingNames(element.name, out);
}

/** The names of the runtime values a module exports (types and interfaces excluded). */
export function exportedValues(source: string, fileName: string): { names: string[]; problems: string[] } {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const names: string[] = [];
  const problems: string[] = [];
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement) && hasExportModifier(statement)) {
      for (const declaration of statement.declarationList.declarations) bindingNames(declaration.name, names);
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && hasExportModifier(statement)) {
      names.push(hasDefaultModifier(statement) ? 'default' : (statement.name?.text ?? 'default'));
    } else if (ts.isExportAssignment(statement)) {
      names.push('default');
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      if (!statement.exportClause) problems.push(`${fileName}: "export *" hides which actions exist; export them by name`);
      else if (ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) if (!element.isTypeOnly) names.push(element.name.text);
      } else problems.push(`${fileName}: "export * as" hides which actions exist; export them by name`);
    }
  }
  return { names, problems };
}

/** A 'use server' directive anywhere in the text (file-level or inside a function). */
const USE_SERVER = /^\s*['"]use server['"];?\s*$/m;

/** Whether the file starts with the 'use server' directive (its prologue). */
export function hasFileLevelUseServer(source: string, fileName: string): boolean {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false);
  for (const statement of file.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) return false;
    if (statement.expression.text === 'use server') return true;
  }
  return false;
}

/**
 * Every mutation entry point of the app: each export of a server actions file (actions.ts,
 * *-actions.ts, or any file that starts with 'use server'), and each POST/PUT/PATCH/DELETE
 * export of a route handler, wherever it lives under app/ (except the delegating routes above).
 * Also returns problems that would let an entry point escape this discovery: an inline
 * 'use server' (inside a function, so not an export), or export * in an entry-point file.
 */
export function discoverMutations(root: string): { mutations: Mutation[]; problems: string[] } {
  const mutations: Mutation[] = [];
  const problems: string[] = [];
  for (const full of walk(path.join(root, 'app'))) {
    const file = path.relative(root, full).split(path.sep).join('/');
    const source = readFileSync(full, 'utf8');
    if (ACTIONS_FILE.test(file) || hasFileLevelUseServer(source, file)) {
      const { names, problems: found } = exportedValues(source, file);
      problems.push(...found);
      for (const name of names) mutations.push({ id: `${file}#${name}`, file, exportName: name, kind: 'server action' });
    } else if (ROUTE_FILE.test(file)) {
      if (DELEGATING_ROUTES.some((prefix) => file.startsWith(prefix))) continue;
      const { names, problems: found } = exportedValues(source, file);
      problems.push(...found);
      for (const name of names.filter((n) => MUTATING_METHODS.has(n))) {
        mutations.push({ id: `${file}#${name}`, file, exportName: name, kind: 'route handler' });
      }
    } else if (USE_SERVER.test(source)) {
      problems.push(`${file}: an inline 'use server' action; move it to an actions.ts file so it is checked`);
    }
  }
  // Components must not define actions either ('use server' inside a component file).
  for (const full of walk(path.join(root, 'components'))) {
    if (USE_SERVER.test(readFileSync(full, 'utf8'))) {
      problems.push(`${path.relative(root, full)}: 'use server' in a component; move the action to an actions.ts file under app/`);
    }
  }
  return { mutations: mutations.sort((a, b) => a.id.localeCompare(b.id)), problems };
}
