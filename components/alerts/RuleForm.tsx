'use client';

import { useActionState, useRef, useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { Link } from '@/app/_i18n/navigation';
import { FormMessage } from '@/components/forms/FormMessage';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SelectField } from '@/components/forms/SelectField';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { TextField } from '@/components/forms/TextField';
import { RulePreview } from './RulePreview';
import type { RulePreviewState } from './rule-preview-state';

type Action = (state: FormState, data: FormData) => Promise<FormState>;
type PreviewAction = (data: FormData) => Promise<RulePreviewState>;

const AGGREGATIONS = ['avg', 'p95', 'p99', 'max', 'min', 'count', 'rate'] as const;
const CONDITIONS = ['greater_than', 'less_than'] as const;
const SEVERITIES = ['info', 'warning', 'critical'] as const;
const NO_DATA = ['ok', 'keep', 'alert'] as const;
const MONITOR_CONDITIONS = ['down', 'degraded'] as const;
const PREFIX = 'rule-';

export interface RuleFormProps {
  action: Action;
  previewAction: PreviewAction;
  /** Set when editing a stored rule. */
  ruleId?: string;
  initial: Readonly<Record<string, string>>;
  monitors: ReadonlyArray<{ id: string; name: string }>;
  channels: ReadonlyArray<{ id: string; name: string; type: string; isActive: boolean }>;
}

/**
 * Create or edit an alert rule (admins). Every field of issue 4; metric fields and monitor
 * fields are shown for the chosen rule type (the other group is hidden, not removed, so its
 * values survive switching back). "Preview" replays the rule as typed over the last 24 hours
 * without saving it; field errors come back in the reader's language next to each field.
 */
export function RuleForm({ action, previewAction, ruleId, initial, monitors, channels }: RuleFormProps) {
  const t = useTranslations('alertRules');
  const severities = useTranslations('alertCenter.severities');
  const [state, formAction] = useActionState(action, initialFormState);
  const [preview, setPreview] = useState<RulePreviewState>({ status: 'idle' });
  const [previewing, startPreview] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  const values = state.status === 'error' ? (state.values ?? {}) : initial;
  const [kind, setKind] = useState(values.kind === 'monitor' ? 'monitor' : 'metric');
  // The preview's own validation marks fields too, until the next save attempt.
  const errors = { ...(preview.status === 'invalid' ? preview.fieldErrors : {}), ...(state.fieldErrors ?? {}) };

  const runPreview = () => {
    if (!form.current) return;
    const data = new FormData(form.current);
    startPreview(async () => {
      setPreview(await previewAction(data));
    });
  };

  const field = (name: string) => ({ idPrefix: PREFIX, name, defaultValue: values[name] ?? '', error: errors[name] });
  const options = <T extends string>(list: readonly T[], label: (value: T) => string) => list.map((value) => ({ value, label: label(value) }));

  return (
    <form
      ref={form}
      action={formAction}
      onSubmit={() => setPreview((current) => (current.status === 'invalid' ? { status: 'idle' } : current))}
      noValidate
      className="flex max-w-3xl flex-col gap-6"
      aria-describedby="rule-form-status"
    >
      <FormMessage state={state} id="rule-form-status" />
      {ruleId && <input type="hidden" name="ruleId" value={ruleId} />}

      <fieldset className="flex flex-col gap-4 rounded-lg border border-line p-4">
        <legend className="px-1 text-lg font-semibold">{t('form.what')}</legend>
        <TextField {...field('ruleName')} label={t('form.ruleName')} required maxLength={120} autoComplete="off" />
        <TextField {...field('description')} label={t('form.description')} maxLength={200} autoComplete="off" />
        <SelectField
          {...field('kind')}
          label={t('form.kind')}
          value={kind}
          defaultValue={undefined}
          onChange={(event) => setKind(event.target.value === 'monitor' ? 'monitor' : 'metric')}
          options={options(['metric', 'monitor'] as const, (v) => t(`form.kinds.${v}`))}
        />
        <div hidden={kind !== 'metric'}>
          <div className="grid gap-4 sm:grid-cols-2">
          <TextField {...field('metricType')} dir="ltr" label={t('form.metricType')} hint={t('form.metricTypeHint')} autoComplete="off" spellCheck={false} />
          <TextField {...field('endpoint')} dir="ltr" label={t('form.endpoint')} hint={t('form.endpointHint')} autoComplete="off" spellCheck={false} />
          </div>
        </div>
        <div hidden={kind !== 'monitor'}>
          <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            {...field('monitorId')}
            label={t('form.monitor')}
            options={[{ value: '', label: t('form.monitorNone') }, ...monitors.map((m) => ({ value: m.id, label: m.name }))]}
          />
          <SelectField {...field('monitorCondition')} label={t('form.monitorCondition')} options={options(MONITOR_CONDITIONS, (v) => t(`form.monitorConditions.${v}`))} />
          <TextField {...field('monitorConsecutiveChecks')} inputMode="numeric" label={t('form.monitorConsecutiveChecks')} hint={t('form.checksHint')} />
          </div>
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-4 rounded-lg border border-line p-4">
        <legend className="px-1 text-lg font-semibold">{t('form.when')}</legend>
        <div hidden={kind !== 'metric'}>
          <div className="grid gap-4 sm:grid-cols-2">
          <SelectField {...field('aggregation')} label={t('form.aggregation')} options={options(AGGREGATIONS, (v) => t(`form.aggregations.${v}`))} />
          <SelectField {...field('condition')} label={t('form.condition')} options={options(CONDITIONS, (v) => t(`form.conditions.${v}`))} />
          <TextField {...field('threshold')} inputMode="decimal" label={t('form.threshold')} required={kind === 'metric'} autoComplete="off" />
          <TextField {...field('recoveryThreshold')} inputMode="decimal" label={t('form.recoveryThreshold')} hint={t('form.recoveryHint')} autoComplete="off" />
          </div>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField {...field('windowSeconds')} inputMode="numeric" label={t('form.windowSeconds')} hint={t('form.windowHint')} required />
          <TextField {...field('pendingSeconds')} inputMode="numeric" label={t('form.pendingSeconds')} hint={t('form.pendingHint')} required />
          <SelectField {...field('severity')} label={t('form.severity')} options={options(SEVERITIES, (v) => severities(v))} />
          <SelectField {...field('noDataState')} label={t('form.noDataState')} options={options(NO_DATA, (v) => t(`form.noDataStates.${v}`))} />
          <TextField {...field('repeatIntervalSeconds')} inputMode="numeric" label={t('form.repeatIntervalSeconds')} hint={t('form.repeatHint')} autoComplete="off" />
          <TextField {...field('ruleGroup')} label={t('form.ruleGroup')} hint={t('form.ruleGroupHint')} maxLength={200} autoComplete="off" />
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-3 rounded-lg border border-line p-4" aria-describedby={errors.notificationChannels ? 'rule-channels-hint rule-channels-error' : 'rule-channels-hint'}>
        <legend className="px-1 text-lg font-semibold">{t('form.notify')}</legend>
        <p id="rule-channels-hint" className="text-sm text-muted">
          {t('form.channelsHint')}
        </p>
        {channels.length === 0 ? (
          <p>
            <Link href="/settings/channels" className="text-accent underline">
              {t('form.noChannels')}
            </Link>
          </p>
        ) : (
          <ul className="flex flex-col gap-2" aria-label={t('form.channels')}>
            {channels.map((channel) => (
              <li key={channel.id}>
                <label className="inline-flex items-center gap-2">
                  <input type="checkbox" name={`channel:${channel.id}`} defaultChecked={values[`channel:${channel.id}`] === 'on'} className="h-5 w-5" />
                  <span>
                    {channel.name} <span className="text-muted">({channel.type})</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {errors.notificationChannels && (
          <p id="rule-channels-error" className="text-sm font-medium text-danger">
            {errors.notificationChannels}
          </p>
        )}
        <label className="inline-flex items-center gap-2 font-medium">
          <input type="checkbox" name="isActive" defaultChecked={values.isActive === 'on'} className="h-5 w-5" />
          {t('form.isActive')}
        </label>
      </fieldset>

      <RulePreview state={preview} pending={previewing} onPreview={runPreview} />

      <div>
        <SubmitButton>{ruleId ? t('form.submitEdit') : t('form.submitCreate')}</SubmitButton>
      </div>
    </form>
  );
}
