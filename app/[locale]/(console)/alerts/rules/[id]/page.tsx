import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { Link } from '@/app/_i18n/navigation';
import { requirePermission } from '@/app/_server/session';
import { AlertsNav } from '@/components/alerts/AlertsNav';
import { RuleForm } from '@/components/alerts/RuleForm';
import { DeleteRule } from '@/components/alerts/RuleRowActions';
import { PageHeader } from '@/components/shell/PageHeader';
import { ruleFormValues } from '@/lib/alerting/rule-form';
import { getRule, listMonitorChoices } from '@/lib/alerting/rule-queries';
import { getDb } from '@/lib/db/database';
import { listChannelChoices } from '@/lib/notifications/channel-admin';
import { deleteRuleAction, updateRuleAction } from '../actions';
import { previewRuleAction } from '../preview-action';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('alertRules'))('title') };
}

export default async function EditRulePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('alerts.manage');
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const [t, db] = await Promise.all([getTranslations('alertRules'), getDb()]);
  const rule = await getRule(db, id);
  if (!rule) notFound();
  const [monitors, channels] = await Promise.all([listMonitorChoices(db), listChannelChoices(db)]);
  return (
    <>
      <p className="mb-2">
        <Link href="/alerts/rules" className="text-accent underline">
          {t('backToList')}
        </Link>
      </p>
      <PageHeader title={t('editTitle', { name: rule.ruleName })} description={t('editDescription')} />
      <AlertsNav current="rules" />
      <RuleForm action={updateRuleAction} previewAction={previewRuleAction} ruleId={rule.id} initial={ruleFormValues(rule)} monitors={monitors} channels={channels} />
      <section aria-labelledby="delete-rule-title" className="mt-10 max-w-2xl">
        <h2 id="delete-rule-title" className="mb-2 text-lg font-semibold">
          {t('deleteTitle')}
        </h2>
        <DeleteRule ruleId={rule.id} name={rule.ruleName} action={deleteRuleAction} />
      </section>
    </>
  );
}
