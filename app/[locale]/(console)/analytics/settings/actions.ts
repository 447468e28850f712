'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formAction } from '@/app/_server/form-action';
import type { FormState } from '@/components/forms/form-state';
import { exchangeRateSchema, importExchangeRates, parseRatesCsv, setExchangeRate } from '@/lib/analytics/exchange-rates';
import { modelPriceSchema, setModelPrice } from '@/lib/analytics/model-prices';

/** A rates file larger than this is refused before it is read (about 50,000 lines). */
const MAX_FILE_BYTES = 2_000_000;
/** At most this many bad lines are listed; the count says how many there were. */
const MAX_LISTED_ERRORS = 20;

export const setExchangeRateAction = formAction(
  { name: 'analytics/settings.setExchangeRate', schema: exchangeRateSchema, permission: 'analytics.manage' },
  async (input, { db, context }) => {
    await setExchangeRate(db, input, context, new Date());
    revalidatePath('/[locale]/analytics/settings/rates', 'page');
    const t = await getTranslations('analyticsAdmin.rates');
    return { status: 'success', message: t('saved', { day: input.day, base: input.base, quote: input.quote }) };
  },
);

const importForm = formAction(
  { name: 'analytics/settings.importExchangeRates', schema: z.object({ csv: z.string(), tooLarge: z.literal('1').optional() }), permission: 'analytics.manage' },
  async ({ csv, tooLarge }, { db, context }): Promise<FormState> => {
    const t = await getTranslations('analyticsAdmin.import');
    if (tooLarge) return { status: 'error', message: t('tooLarge'), fieldErrors: { file: t('tooLarge') } };
    if (csv.trim() === '') return { status: 'error', message: t('fileRequired'), fieldErrors: { file: t('fileRequired') } };
    const parsed = parseRatesCsv(csv);
    if (!parsed.ok) {
      // The file's bad lines, each with its number and reason; nothing of the file is stored.
      const lines = Object.fromEntries(parsed.errors.slice(0, MAX_LISTED_ERRORS).map((e, i) => [`line${i}`, t('lineProblem', { line: e.line, problem: t(`problems.${e.problem}`) })]));
      return { status: 'error', message: t('rejected', { count: parsed.errors.length }), fieldErrors: { file: t('rejected', { count: parsed.errors.length }), ...lines } };
    }
    if (parsed.rows.length === 0) return { status: 'error', message: t('empty'), fieldErrors: { file: t('empty') } };
    const count = await importExchangeRates(db, parsed.rows, context, new Date());
    revalidatePath('/[locale]/analytics/settings/rates', 'page');
    return { status: 'success', message: t('imported', { count }) };
  },
);

/**
 * The import form posts a file; formAction reads text fields only, so the file's text is passed
 * on as the "csv" field (the permission check, validation and audit happen there).
 */
export async function importExchangeRatesAction(previous: FormState, formData: FormData): Promise<FormState> {
  const data = new FormData();
  const file = formData.get('file');
  let csv = '';
  // A file over the limit is not read; formAction still checks the permission first, so
  // someone without it is refused, not told the file is too large.
  if (file instanceof Blob && file.size > MAX_FILE_BYTES) data.set('tooLarge', '1');
  else if (file instanceof Blob && file.size > 0) csv = await file.text();
  data.set('csv', csv);
  return importForm(previous, data);
}

export const setModelPriceAction = formAction(
  { name: 'analytics/settings.setModelPrice', schema: modelPriceSchema, permission: 'analytics.manage' },
  async (input, { db, context }) => {
    await setModelPrice(db, input, context, new Date());
    revalidatePath('/[locale]/analytics/settings/prices', 'page');
    const t = await getTranslations('analyticsAdmin.prices');
    return { status: 'success', message: t('saved', { model: input.model }) };
  },
);
