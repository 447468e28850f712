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

/**
 * A streamed CSV body: the byte-order mark, then each chunk of lines as the source yields it,
 * so an export of a million entries never sits in memory whole.
 */
export function csvStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM));
      }
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** A file name safe in a Content-Disposition header. */
export function csvAttachment(name: string): Record<string, string> {
  return {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
}
