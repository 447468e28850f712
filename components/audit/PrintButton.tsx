'use client';

import { useTranslations } from 'next-intl';

export function PrintButton() {
  const t = useTranslations('compliance');
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md border border-field bg-canvas px-4 py-2 font-medium text-ink print:hidden">
      {t('print')}
    </button>
  );
}
