import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/app/_i18n/navigation';
import { requirePermission } from '@/app/_server/session';
import { DataTable } from '@/components/analytics/DataTable';
import { ModelPriceForm } from '@/components/analytics/ModelPriceForm';
import { ReferenceNav } from '@/components/analytics/ReferenceNav';
import { PageHeader } from '@/components/shell/PageHeader';
import { listModelPrices } from '@/lib/analytics/model-prices';
import { can } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db/database';
import { setModelPriceAction } from '../actions';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('analyticsAdmin.prices'))('title') };
}

/** Model prices per 1K prompt and completion tokens; administrators also edit them. */
export default async function ModelPricesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('analytics.read');
  const manage = can(user.role, 'analytics.manage');
  const t = await getTranslations('analyticsAdmin');
  const format = await getFormatter();
  const params = await searchParams;
  const prices = await listModelPrices(await getDb());
  const editing = prices.find((p) => p.model === params.model);
  const usd = (value: number) => format.number(value, { style: 'currency', currency: 'USD', maximumFractionDigits: 8 });
  const columns = [
    { key: 'model', label: t('prices.table.model') },
    { key: 'prompt', label: t('prices.table.prompt'), numeric: true },
    { key: 'completion', label: t('prices.table.completion'), numeric: true },
    { key: 'updated', label: t('prices.table.updated') },
    ...(manage ? [{ key: 'edit', label: t('prices.table.edit') }] : []),
  ];
  return (
    <>
      <PageHeader title={t('prices.title')} description={t('prices.description')} />
      <ReferenceNav current="prices" />
      {!manage && <p className="mb-6 rounded-md border border-line p-3">{t('readOnly')}</p>}
      {manage && (
        <ModelPriceForm
          action={setModelPriceAction}
          models={prices.map((p) => p.model)}
          initial={editing ? { model: editing.model, prompt: String(editing.promptPer1kUsd), completion: String(editing.completionPer1kUsd) } : { model: '', prompt: '', completion: '' }}
        />
      )}
      <DataTable
        id="prices-table"
        title={t('prices.table.title')}
        caption={t('prices.table.caption')}
        empty={t('prices.table.empty')}
        columns={columns}
        rows={prices.map((p) => ({
          key: p.model,
          cells: {
            model: p.model,
            prompt: usd(p.promptPer1kUsd),
            completion: usd(p.completionPer1kUsd),
            updated: format.dateTime(p.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }),
            edit: (
              <Link href={{ pathname: '/analytics/settings/prices', query: { model: p.model }, hash: 'price-form' }} aria-label={t('prices.table.editLabel', { model: p.model })} className="text-accent underline">
                {t('prices.table.edit')}
              </Link>
            ),
          },
        }))}
      />
    </>
  );
}
