import { getFormatter, getTranslations } from 'next-intl/server';
import type { MonitorCheck } from '@/db/schema';
import { CHECK_ERROR_KINDS, checkErrorParts } from './format';
import { MonitorStatus } from './MonitorStatus';

export async function RecentChecksTable({ checks }: { checks: MonitorCheck[] }) {
  const t = await getTranslations('monitors');
  const format = await getFormatter();
  const none = t('noData');
  const detail = (check: MonitorCheck) => {
    if (!check.error) return '';
    const { kind, detail: extra } = checkErrorParts(check.error);
    const known = (CHECK_ERROR_KINDS as readonly string[]).includes(kind) ? (kind as (typeof CHECK_ERROR_KINDS)[number]) : 'network';
    return t(`checkErrors.${known}`, { detail: extra || kind, status: check.httpStatus ?? '' });
  };
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="mb-2 text-start text-lg font-semibold">{t('recentChecks')}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="p-2 text-start">{t('checkedAt')}</th>
            <th scope="col" className="p-2 text-start">{t('status')}</th>
            <th scope="col" className="p-2 text-end">{t('responseTime')}</th>
            <th scope="col" className="p-2 text-end">{t('httpStatus')}</th>
            <th scope="col" className="p-2 text-start">{t('detail')}</th>
          </tr>
        </thead>
        <tbody>
          {checks.map((check) => (
            <tr key={check.id} className="border-b border-line">
              <th scope="row" className="p-2 text-start font-normal">
                <time dateTime={check.checkedAt.toISOString()}>{format.dateTime(check.checkedAt, { dateStyle: 'medium', timeStyle: 'medium' })}</time>
              </th>
              <td className="p-2">
                <MonitorStatus status={check.status} />
              </td>
              <td className="p-2 text-end">{check.responseMs === null ? none : t('milliseconds', { value: check.responseMs })}</td>
              <td className="p-2 text-end">{check.httpStatus ?? none}</td>
              <td className="p-2">{detail(check)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
