import type { DateTimeFormatOptions } from 'next-intl';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { EndpointRow } from '@/lib/health-dashboard/types';
import { formatCount, formatMs, formatRatio, type NumberFormatter } from './format';

const WHEN: DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };

/** Every route, server action and job of the period with percentiles, errors and the last error. */
export async function EndpointTable({ rows }: { rows: EndpointRow[] }) {
  const t = await getTranslations('health.endpoints');
  const format = await getFormatter();
  const fmt: NumberFormatter = (value, options) => format.number(value, options);
  const ms = (value: number | null) => (value === null ? '—' : formatMs(fmt, value));
  return (
    <section aria-labelledby="health-endpoints-heading" className="mb-8">
      <h2 id="health-endpoints-heading" className="mb-1 text-lg font-semibold">
        {t('heading')}
      </h2>
      <p className="mb-3 text-sm text-muted">{t('description')}</p>
      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-field p-4 text-muted">{t('empty')}</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="health-endpoints-heading">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{t('heading')}</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="p-2 text-start">{t('name')}</th>
                <th scope="col" className="p-2 text-start">{t('kind')}</th>
                <th scope="col" className="p-2 text-end">{t('calls')}</th>
                <th scope="col" className="p-2 text-end">{t('errorRate')}</th>
                <th scope="col" className="p-2 text-end">{t('p50')}</th>
                <th scope="col" className="p-2 text-end">{t('p95')}</th>
                <th scope="col" className="p-2 text-end">{t('p99')}</th>
                <th scope="col" className="p-2 text-start">{t('lastError')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.metricType} ${row.endpoint}`} className="border-b border-line align-top">
                  <th scope="row" className="p-2 text-start font-medium">
                    <bdi dir="ltr" className="break-all font-mono text-xs">{row.endpoint}</bdi>
                  </th>
                  <td className="p-2">{t(`kinds.${row.kind}`)}</td>
                  <td className="whitespace-nowrap p-2 text-end tabular-nums">{formatCount(fmt, row.calls)}</td>
                  <td className="whitespace-nowrap p-2 text-end tabular-nums">
                    {row.errorRate === null ? '—' : formatRatio(fmt, row.errorRate)}
                    {row.errors > 0 && <span className="block text-xs text-muted">{t('errorsCount', { count: row.errors })}</span>}
                  </td>
                  <td className="whitespace-nowrap p-2 text-end tabular-nums">{ms(row.p50)}</td>
                  <td className="whitespace-nowrap p-2 text-end tabular-nums">{ms(row.p95)}</td>
                  <td className="whitespace-nowrap p-2 text-end tabular-nums">{ms(row.p99)}</td>
                  <td className="p-2">
                    {row.lastError ? (
                      <>
                        <bdi dir="ltr" className="font-mono text-xs">{row.lastError.className ?? t('unknownClass')}</bdi>
                        <span className="block text-xs text-muted">
                          {row.lastError.exact ? (
                            <time dateTime={new Date(row.lastError.at).toISOString()}>{format.dateTime(new Date(row.lastError.at), WHEN)}</time>
                          ) : (
                            t('around', { time: format.dateTime(new Date(row.lastError.at), WHEN) })
                          )}
                        </span>
                      </>
                    ) : (
                      <span className="text-muted">{t('noErrors')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
