export type ChangeKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface FieldChange {
  /** Dotted path of the field ("limits.max"); array items are compared whole. */
  path: string;
  before?: unknown;
  after?: unknown;
  change: ChangeKind;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function flatten(value: unknown, prefix: string, out: Map<string, unknown>) {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  } else if (prefix) {
    out.set(prefix, value);
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Field-by-field comparison of an entry's before and after, changed fields first, then in
 * path order. Either side may be null (a creation has no before, a removal no after).
 */
export function diffBeforeAfter(before: unknown, after: unknown): FieldChange[] {
  const left = new Map<string, unknown>();
  const right = new Map<string, unknown>();
  flatten(before, '', left);
  flatten(after, '', right);
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort();
  const rows = paths.map((path): FieldChange => {
    const inBefore = left.has(path);
    const inAfter = right.has(path);
    const change: ChangeKind = !inBefore ? 'added' : !inAfter ? 'removed' : same(left.get(path), right.get(path)) ? 'unchanged' : 'changed';
    return { path, before: left.get(path), after: right.get(path), change };
  });
  const order: Record<ChangeKind, number> = { changed: 0, added: 1, removed: 2, unchanged: 3 };
  return rows.sort((a, b) => order[a.change] - order[b.change] || a.path.localeCompare(b.path));
}

/** A value as shown in the diff: strings as they are, everything else as JSON. */
export function displayValue(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
