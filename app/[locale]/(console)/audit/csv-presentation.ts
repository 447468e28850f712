import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { CsvPresentation } from '@/lib/audit/csv-export';

type Formatter = Awaited<ReturnType<typeof import('next-intl/server').getFormatter>>;

/** Labels and times of a CSV in the reader's language and time zone. */
export async function csvPresentation(format: Formatter, columns: string[]): Promise<CsvPresentation> {
  const audit = await getTranslations('audit');
  return {
    columns,
    localTime: (instant) => format.dateTime(instant, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }),
    actorType: (type) => (audit.has(`actorType.${type}` as never) ? audit(`actorType.${type}` as never) : type),
    outcome: (outcome) => (audit.has(`outcomes.${outcome}` as never) ? audit(`outcomes.${outcome}` as never) : outcome),
  };
}
