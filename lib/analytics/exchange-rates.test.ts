import { describe, expect, it } from 'vitest';
import { convertMinor, minorDigits, rateOn, type RateTable } from './currency';
import { exchangeRateSchema, parseRatesCsv } from './exchange-rates';
import { modelPriceSchema } from './model-prices';

describe('exchange rates CSV', () => {
  it('parses day,base,quote,rate', () => {
    expect(parseRatesCsv('day,base,quote,rate\r\n2026-04-01,USD,EUR,0.92\n\n2026-04-01,USD,JPY,151.5\n')).toEqual({
      ok: true,
      rows: [
        { day: '2026-04-01', base: 'USD', quote: 'EUR', rate: 0.92 },
        { day: '2026-04-01', base: 'USD', quote: 'JPY', rate: 151.5 },
      ],
    });
  });

  it('names every bad line and imports nothing', () => {
    expect(parseRatesCsv('date,from,to,rate\n')).toEqual({ ok: false, errors: [{ line: 1, problem: 'header' }] });
    const result = parseRatesCsv('day,base,quote,rate\n2026-02-30,USD,EUR,1\n2026-04-01,USD,EURO,1\n2026-04-01,USD,EUR,0\n2026-04-01,USD,EUR\n2026-04-01,USD,EUR,1e3\n2026-04-01,USD,EUR,0.9');
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 2, problem: 'day' },
        { line: 3, problem: 'currency' },
        { line: 4, problem: 'rate' },
        { line: 5, problem: 'columns' },
        { line: 6, problem: 'rate' },
      ],
    });
  });
});

describe('currency conversion', () => {
  const rates: RateTable = new Map([['2026-04-01', new Map([['USD>EUR', 0.8], ['USD>JPY', 160]])]]);

  it('knows minor units', () => {
    expect([minorDigits('EUR'), minorDigits('JPY'), minorDigits('KWD')]).toEqual([2, 0, 3]);
  });

  it('converts directly, inversely and across a common base; a missing rate is null, never 1', () => {
    expect(rateOn(rates, '2026-04-01', 'USD', 'EUR')).toBe(0.8);
    expect(rateOn(rates, '2026-04-01', 'EUR', 'USD')).toBe(1.25);
    expect(rateOn(rates, '2026-04-01', 'EUR', 'JPY')).toBe(200);
    expect(convertMinor(rates, '2026-04-01', 1000, 'EUR', 'JPY')).toBe(2000);
    expect(convertMinor(rates, '2026-04-01', 500, 'JPY', 'EUR')).toBeCloseTo(2.5, 12);
    expect(convertMinor(rates, '2026-04-02', 1000, 'EUR', 'USD')).toBeNull();
    expect(convertMinor(rates, '2026-04-01', 1000, 'GBP', 'USD')).toBeNull();
    expect(convertMinor(rates, '2026-04-02', 1234, 'GBP', 'GBP')).toBe(12.34);
  });
});

describe('the one-rate and model-price forms', () => {
  const messages = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
    Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

  it('accepts a rate as typed (codes upper-cased) and names each bad field', () => {
    expect(exchangeRateSchema.parse({ day: '2026-04-01', base: 'usd', quote: ' EUR ', rate: '0.92' })).toEqual({ day: '2026-04-01', base: 'USD', quote: 'EUR', rate: 0.92 });
    expect(messages(exchangeRateSchema.safeParse({ day: '2026-02-30', base: 'US', quote: 'EUR', rate: '-1' }))).toEqual({ day: 'dayInvalid', base: 'currencyInvalid', rate: 'rateInvalid' });
    expect(messages(exchangeRateSchema.safeParse({ day: '2026-04-01', base: 'EUR', quote: 'EUR', rate: '1' }))).toEqual({ quote: 'currencySame' });
    expect(messages(exchangeRateSchema.safeParse({ day: '2026-04-01', base: 'USD', quote: 'EUR', rate: '0' }))).toEqual({ rate: 'rateInvalid' });
  });

  it('takes a price as a plain decimal; an empty field is an error, not a price of 0', () => {
    expect(modelPriceSchema.parse({ model: ' gpt-x ', promptPer1kUsd: '0.0015', completionPer1kUsd: '0' })).toEqual({ model: 'gpt-x', promptPer1kUsd: 0.0015, completionPer1kUsd: 0 });
    expect(messages(modelPriceSchema.safeParse({ model: '', promptPer1kUsd: '', completionPer1kUsd: '1e3' }))).toEqual({ model: 'required', promptPer1kUsd: 'priceInvalid', completionPer1kUsd: 'priceInvalid' });
    expect(messages(modelPriceSchema.safeParse({ model: 'm', promptPer1kUsd: '1000.5', completionPer1kUsd: '-1' }))).toEqual({ promptPer1kUsd: 'priceInvalid', completionPer1kUsd: 'priceInvalid' });
  });
});
