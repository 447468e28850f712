/**
 * Reads a JSON request body without trusting its size: the declared Content-Length is checked
 * first, and the stream is cut off as soon as it passes the limit (a missing or false
 * Content-Length cannot make the server buffer more).
 */
export type BodyProblem = 'unsupported_content_type' | 'body_too_large' | 'invalid_json';

export type JsonBody = { ok: true; value: unknown } | { ok: false; problem: BodyProblem };

const JSON_TYPE = /^application\/json\s*(;|$)/i;

export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBody> {
  if (!JSON_TYPE.test(request.headers.get('content-type') ?? '')) return { ok: false, problem: 'unsupported_content_type' };
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, problem: 'body_too_large' };
  if (!request.body) return { ok: false, problem: 'invalid_json' };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { ok: false, problem: 'body_too_large' };
    }
    chunks.push(value);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: 'invalid_json' };
  }
}
