import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/app/_i18n/navigation';
import type { FormState } from '@/components/forms/form-state';
import type { MonitorStatusRow } from '@/lib/monitors/queries';
import { formatUptime } from './format';
import { displayStatus, MonitorStatus } from './MonitorStatus';
import { SetMonitorActive } from './SetMonitorActive';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export async function MonitorsTable({ monitors, setActiveAction }: { monitors: MonitorStatusRow[]; setActiveAction: Action }) {
  const t = await getTranslations('monitors');
  const format = await getFormatter();
  const none = t('noData');
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" aria-describedby="uptime-help">
        <caption className="mb-2 text-start text-lg font-semibold">{t('listTitle')}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="p-2 text-start">{t('name')}</th>
            <th scope="col" className="p-2 text-start">{t('status')}</th>
            <th scope="col" className="p-2 text-start">{t('lastChecked')}</th>
            <th scope="col" className="p-2 text-end">{t('responseTime')}</th>
            <th scope="col" className="p-2 text-end">{t('uptimeDay')}</th>
            <th scope="col" className="p-2 text-end">{t('uptimeWeek')}</th>
            <th scope="col" className="p-2 text-end">{t('uptimeMonth')}</th>
            <th scope="col" className="p-2 text-start">{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {monitors.map((monitor) => (
            <tr key={monitor.id} className="border-b border-line align-top">
              <th scope="row" className="p-2 text-start font-medium">
                <Link href={`/settings/monitors/${monitor.id}`} className="text-accent underline">
                  {monitor.name}
                </Link>
                <div className="break-all font-normal text-muted" dir="ltr">
                  {monitor.url}
                </div>
              </th>
              <td className="p-2">
                <MonitorStatus status={displayStatus(monitor.isActive, monitor.lastStatus)} />
              </td>
              <td className="p-2">
                {monitor.lastCheckedAt ? (
                  <time dateTime={monitor.lastCheckedAt.toISOString()}>{format.dateTime(monitor.lastCheckedAt, { dateStyle: 'medium', timeStyle: 'medium' })}</time>
                ) : (
                  t('never')
                )}
              </td>
              <td className="p-2 text-end">{monitor.lastResponseMs === null ? none : t('milliseconds', { value: monitor.lastResponseMs })}</td>
              <td className="p-2 text-end">{formatUptime(format, monitor.uptime.day, none)}</td>
              <td className="p-2 text-end">{formatUptime(format, monitor.uptime.week, none)}</td>
              <td className="p-2 text-end">{formatUptime(format, monitor.uptime.month, none)}</td>
              <td className="p-2">
                <SetMonitorActive monitorId={monitor.id} name={monitor.name} isActive={monitor.isActive} action={setActiveAction} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
