'use server';

import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/app/_server/session';
import { previewRule } from '@/lib/alerting/preview';
import { ruleFormSchema } from '@/lib/alerting/rule-form';
import { ruleColumns } from '@/lib/alerting/schemas';
import { getDb } from '@/lib/db/database';
import type { RulePreviewState } from '@/components/alerts/rule-preview-state';

/**
 * The editor's preview: the rule as typed so far (not saved), replayed over the last 24 hours.
 * A read: the same permission as saving a rule, nothing is written.
 */
export async function previewRuleAction(formData: FormData): Promise<RulePreviewState> {
  await requirePermission('alerts.manage');
  const raw = Object.fromEntries([...formData.entries()].filter(([key, value]) => !key.startsWith('$ACTION') && typeof value === 'string'));
  const parsed = ruleFormSchema.safeParse(raw);
  if (!parsed.success) {
    const [area, common] = await Promise.all([getTranslations('alertRules.errors'), getTranslations('errors')]);
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.message;
      fieldErrors[String(issue.path[0] ?? 'form')] ??= area.has(key as never) ? area(key as never) : common.has(key as never) ? common(key as never) : common('unexpected');
    }
    return { status: 'invalid', fieldErrors };
  }
  if (parsed.data.kind === 'monitor') return { status: 'monitor' };
  const rule = ruleColumns(parsed.data);
  const preview = await previewRule(await getDb(), rule, new Date());
  return {
    status: 'ready',
    metricType: rule.metricType,
    aggregation: rule.aggregation,
    points: preview.points,
    fires: preview.fires,
    threshold: preview.threshold,
    recoveryThreshold: preview.recoveryThreshold,
  };
}
