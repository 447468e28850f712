import { Cron } from 'croner';

// Inngest reads cron expressions in UTC unless they start with "TZ=Area/City "; read them
// the same way here so both engines fire at the same instants.
const TZ_PREFIX = /^(?:CRON_)?TZ=(\S+)\s+(.+)$/;

function parse(expression: string): Cron {
  const match = TZ_PREFIX.exec(expression.trim());
  const timezone = match?.[1] ?? 'Etc/UTC';
  const pattern = match?.[2] ?? expression.trim();
  // No callback: croner only computes dates and never starts a timer of its own.
  return new Cron(pattern, { timezone });
}

/** The first tick strictly after `after`, or null when the expression never fires again. */
export function nextCronRun(expression: string, after: Date): Date | null {
  return parse(expression).nextRun(after);
}

/** Throws (with croner's explanation) when the expression is not a valid cron pattern. */
export function assertValidCron(expression: string): void {
  parse(expression);
}
