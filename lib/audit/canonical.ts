import { createHash } from 'node:crypto';

/**
 * The canonical JSON of a value, the exact bytes the audit hash chain hashes:
 * - object keys sorted by UTF-16 code units (Array.prototype.sort's default), at every depth;
 * - no whitespace; strings and numbers as JSON.stringify writes them;
 * - Dates as ISO 8601 UTC with milliseconds ("2030-01-01T00:00:00.000Z");
 * - undefined object members dropped, undefined array items and non-finite numbers as null
 *   (what JSON.stringify does, so a value and its JSON round trip canonicalize alike).
 * jsonb reorders keys and may reformat numbers; sorting keys and re-serializing numbers
 * through JavaScript makes the form independent of both.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'object': {
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .filter((key) => record[key] !== undefined && typeof record[key] !== 'function')
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: cannot encode a ${typeof value}`);
  }
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
