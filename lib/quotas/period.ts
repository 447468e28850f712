/** Quota periods are UTC calendar months. */
export function periodStart(now: Date): string {
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}-01`;
}

export function periodEnd(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

export function secondsLeftInPeriod(now: Date): number {
  return Math.max(1, Math.ceil((periodEnd(now).getTime() - now.getTime()) / 1000));
}

export function periodSeconds(now: Date): number {
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  return Math.round((periodEnd(now).getTime() - start) / 1000);
}
