import { getTranslations } from 'next-intl/server';
import { diffBeforeAfter, displayValue } from '@/lib/audit/diff';

/** Before and after, field by field; the kind of change is written out, not only coloured. */
export async function EntryDiff({ before, after }: { before: unknown; after: unknown }) {
  const t = await getTranslations('audit.detail');
  const rows = diffBeforeAfter(before, after);
  if (rows.length === 0) return <p>{t('noChanges')}</p>;
  const tone = { changed: 'font-semibold', added: 'font-semibold text-success', removed: 'font-semibold text-danger', unchanged: 'text-muted' } as const;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-start text-sm">
        <caption className="mb-2 text-start font-semibold">{t('changesCaption')}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="p-2 text-start">{t('field')}</th>
            <th scope="col" className="p-2 text-start">{t('before')}</th>
            <th scope="col" className="p-2 text-start">{t('after')}</th>
            <th scope="col" className="p-2 text-start">{t('change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.path} className="border-b border-line align-top">
              <th scope="row" className="p-2 text-start font-mono font-normal">
                <bdi>{row.path}</bdi>
              </th>
              <td className="break-all p-2 font-mono">{row.change === 'added' ? '—' : <bdi>{displayValue(row.before)}</bdi>}</td>
              <td className="break-all p-2 font-mono">{row.change === 'removed' ? '—' : <bdi>{displayValue(row.after)}</bdi>}</td>
              <td className={`p-2 ${tone[row.change]}`}>{t(`changeKinds.${row.change}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
