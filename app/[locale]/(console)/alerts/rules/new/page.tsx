import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/app/_i18n/navigation';
import { requirePermission } from '@/app/_server/session';
import { AlertsNav } from '@/components/alerts/AlertsNav';
import { RuleForm } from '@/components/alerts/RuleForm';
import { PageHeader } from '@/components/shell/PageHeader';
import { NEW_RULE_FORM } from '@/lib/alerting/rule-form';
import { listMonitorChoices } from '@/lib/alerting/rule-queries';
import { getDb } from '@/lib/db/database';
import { listChannelChoices } from '@/lib/notifications/channel-admin';
import { createRuleAction } from '../actions';
import { previewRuleAction } from '../preview-action';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('alertRules'))('createTitle') };
}

export default async function NewRulePage() {
  await requirePermission('alerts.manage');
  const [t, db] = await Promise.all([getTranslations('alertRules'), getDb()]);
  const [monitors, channels] = await Promise.all([listMonitorChoices(db), listChannelChoices(db)]);
  return (
    <>
      <p className="mb-2">
        <Link href="/alerts/rules" className="text-accent underline">
          {t('backToList')}
        </Link>
      </p>
      <PageHeader title={t('createTitle')} description={t('createDescription')} />
      <AlertsNav current="rules" />
      <RuleForm action={createRuleAction} previewAction={previewRuleAction} initial={NEW_RULE_FORM} monitors={monitors} channels={channels} />
    </>
  );
}
