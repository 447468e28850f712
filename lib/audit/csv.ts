/**
 * CSV as RFC 4180 describes it (CRLF, fields quoted when needed, quotes doubled), with a
 * byte-order mark so spreadsheet programs read UTF-8 (Japanese, Arabic) correctly.
 *
 * Text starting with =, +, -, @, tab or carriage return is prefixed with an apostrophe: a
 * spreadsheet would otherwise run it as a formula, and audit fields hold what users typed
 * (OWASP "CSV injection"). Numbers are written as they are.
 */
export const CSV_BOM = '\uFEFF';

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
