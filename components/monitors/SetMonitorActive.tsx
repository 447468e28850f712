'use client';

import { useTranslations } from 'next-intl';
import type { FormState } from '@/components/forms/form-state';
import { ToggleActive } from '@/components/forms/ToggleActive';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export function SetMonitorActive({ monitorId, name, isActive, action }: { monitorId: string; name: string; isActive: boolean; action: Action }) {
  const t = useTranslations('monitors');
  return <ToggleActive fields={{ monitorId }} name={name} isActive={isActive} labels={{ turnOff: t('pause'), turnOn: t('resume') }} action={action} />;
}
