const SECRET_KEY = /pass(word)?|secret|token|api[_-]?key|hash|authorization|cookie|webhook[_-]?url/i;

/** Secrets never enter the audit trail: their keys stay, their values become "[masked]". */
export function maskSecrets(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (SECRET_KEY.test(key)) out[key] = '[masked]';
    else if (inner && typeof inner === 'object' && !Array.isArray(inner) && !(inner instanceof Date)) {
      out[key] = maskSecrets(inner as Record<string, unknown>);
    } else out[key] = inner;
  }
  return out;
}
