/** Uptime percent (0–100) as a locale-formatted percentage with one decimal. */
export function formatUptime(format: { number(value: number, options?: Intl.NumberFormatOptions): string }, value: number | null, none: string) {
  return value === null ? none : format.number(value / 100, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** A stored check error code ("timeout", "blocked:loopback", "network:EHOSTUNREACH") split for translation. */
export function checkErrorParts(code: string): { kind: string; detail: string } {
  const [kind = 'network', ...rest] = code.split(':');
  return { kind, detail: rest.join(':') };
}

export const CHECK_ERROR_KINDS = ['timeout', 'unexpected_status', 'dns_failed', 'connection_refused', 'connection_reset', 'tls', 'blocked', 'network'] as const;
