'use client';

import { useActionState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { FormMessage } from '@/components/forms/FormMessage';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SelectField } from '@/components/forms/SelectField';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { LOCALES, LOCALE_NAMES } from '@/lib/i18n/config';
import { DISPLAY_CURRENCIES } from '@/lib/analytics/display-currencies';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

interface Props {
  action: Action;
  timeZones: string[];
  current: { locale: string; timeZone: string; theme: string; highContrast: boolean; displayCurrency: string };
}

export function PreferencesForm({ action, timeZones, current }: Props) {
  const t = useTranslations('profile');
  const [state, formAction] = useActionState(action, initialFormState);
  const errors = state.fieldErrors ?? {};
  const currencyNames = new Intl.DisplayNames([useLocale()], { type: 'currency' });
  const currencies = DISPLAY_CURRENCIES.includes(current.displayCurrency as (typeof DISPLAY_CURRENCIES)[number]) ? [...DISPLAY_CURRENCIES] : [current.displayCurrency, ...DISPLAY_CURRENCIES];
  return (
    <form action={formAction} className="flex max-w-md flex-col gap-4" noValidate aria-describedby="preferences-status">
      <FormMessage state={state} id="preferences-status" />
      <SelectField
        name="locale"
        label={t('locale')}
        defaultValue={current.locale}
        error={errors.locale}
        options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code] }))}
      />
      <SelectField
        name="timeZone"
        label={t('timeZone')}
        defaultValue={current.timeZone}
        error={errors.timeZone}
        options={timeZones.map((zone) => ({ value: zone, label: zone }))}
      />
      <SelectField
        name="theme"
        label={t('theme')}
        defaultValue={current.theme}
        error={errors.theme}
        options={[
          { value: 'system', label: t('themeSystem') },
          { value: 'light', label: t('themeLight') },
          { value: 'dark', label: t('themeDark') },
        ]}
      />
      <SelectField
        name="displayCurrency"
        label={t('displayCurrency')}
        defaultValue={current.displayCurrency}
        error={errors.displayCurrency}
        options={currencies.map((code) => ({ value: code, label: `${code} — ${currencyNames.of(code) ?? code}` }))}
      />
      <div className="flex items-center gap-2">
        <input
          id="highContrast"
          name="highContrast"
          type="checkbox"
          defaultChecked={current.highContrast}
          className="h-5 w-5 accent-[rgb(var(--accent))]"
        />
        <label htmlFor="highContrast">{t('highContrast')}</label>
      </div>
      <div>
        <SubmitButton>{t('save')}</SubmitButton>
      </div>
    </form>
  );
}
