import { getFormatter, getTranslations } from 'next-intl/server';
import type { MonitorStatusRow } from '@/lib/monitors/queries';
import { formatMs, type NumberFormatter } from './format';

type Shown = 'up' | 'degraded' | 'down' | 'unknown' | 'paused';
const MARK: Record<Shown, string> = { up: '✓', degraded: '◐', down: '✕', unknown: '?', paused: '‖' };
const TONE: Record<Shown, string> = { up: 'text-success', degraded: 'text-warning', down: 'text-danger', unknown: 'text-muted', paused: 'text-muted' };

/** Every monitor with its status as a word and a mark, the latest answer and uptime. */
export async function MonitorsPanel({ monitors }: { monitors: MonitorStatusRow[] }) {
  const t = await getTranslations('health.monitors');
  const format = await getFormatter();
  const fmt: NumberFormatter = (value, options) => format.number(value, options);
  const uptime = (value: number | null) => (value === null ? '—' : fmt(value / 100, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 2 }));
  return (
    <section aria-labelledby="health-monitors-heading" className="rounded-lg border border-line p-4">
      <h2 id="health-monitors-heading" className="mb-1 text-lg font-semibold">
        {t('heading')}
      </h2>
      <p className="mb-3 text-sm text-muted">{t('description')}</p>
      {monitors.length === 0 ? (
        <p className="rounded-md border border-dashed border-field p-4 text-muted">{t('empty')}</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="health-monitors-heading">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{t('heading')}</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="p-2 text-start">{t('name')}</th>
                <th scope="col" className="p-2 text-start">{t('status')}</th>
                <th scope="col" className="p-2 text-end">{t('response')}</th>
                <th scope="col" className="p-2 text-end">{t('uptimeDay')}</th>
                <th scope="col" className="p-2 text-end">{t('uptimeWeek')}</th>
                <th scope="col" className="p-2 text-end">{t('uptimeMonth')}</th>
              </tr>
            </thead>
            <tbody>
              {monitors.map((monitor) => {
                const shown: Shown = !monitor.isActive ? 'paused' : (monitor.lastStatus ?? 'unknown');
                return (
                  <tr key={monitor.id} className="border-b border-line align-top">
                    <th scope="row" className="p-2 text-start font-medium">
                      {monitor.name}
                      <bdi dir="ltr" className="block break-all font-mono text-xs font-normal text-muted">{monitor.url}</bdi>
                    </th>
                    <td className="p-2">
                      <span className={`font-medium ${TONE[shown]}`}>
                        <span aria-hidden="true">{MARK[shown]} </span>
                        {t(`statuses.${shown}`)}
                      </span>
                      {!monitor.isActive && monitor.lastStatus && (
                        <span className="block text-xs text-muted">{t('lastResult', { status: t(`statuses.${monitor.lastStatus}`) })}</span>
                      )}
                      <span className="block text-xs text-muted">
                        {monitor.lastCheckedAt ? (
                          <time dateTime={monitor.lastCheckedAt.toISOString()}>
                            {t('checkedAt', { time: format.dateTime(monitor.lastCheckedAt, { dateStyle: 'short', timeStyle: 'short' }) })}
                          </time>
                        ) : (
                          t('neverChecked')
                        )}
                      </span>
                    </td>
                    <td className="whitespace-nowrap p-2 text-end tabular-nums">{monitor.lastResponseMs === null ? '—' : formatMs(fmt, monitor.lastResponseMs)}</td>
                    <td className="whitespace-nowrap p-2 text-end tabular-nums">{uptime(monitor.uptime.day)}</td>
                    <td className="whitespace-nowrap p-2 text-end tabular-nums">{uptime(monitor.uptime.week)}</td>
                    <td className="whitespace-nowrap p-2 text-end tabular-nums">{uptime(monitor.uptime.month)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
