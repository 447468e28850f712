import { describe, expect, it } from 'vitest';
import type { MetricRow } from '../metrics/rows';
import { EventCounters } from '../metrics/counters';
import { aiCacheKey, cachedModelCall } from './ai-response';
import { Cache } from './cache';

describe('AI response cache', () => {
  it('keys by model, normalized prompt and parameters in any order', () => {
    const a = aiCacheKey({ model: 'gpt-x', prompt: '  Hello   world\n', params: { temperature: 0, max_tokens: 10 } });
    expect(aiCacheKey({ model: 'gpt-x', prompt: 'Hello world', params: { max_tokens: 10, temperature: 0 } })).toBe(a);
    expect(aiCacheKey({ model: 'gpt-y', prompt: 'Hello world', params: { max_tokens: 10, temperature: 0 } })).not.toBe(a);
    expect(aiCacheKey({ model: 'gpt-x', prompt: 'Hello world', params: { max_tokens: 10, temperature: 1 } })).not.toBe(a);
  });

  it('calls the model once and records tokens and cost saved per hit', async () => {
    const rows: MetricRow[] = [];
    const counters = new EventCounters((r) => rows.push(...r));
    const cache = new Cache({ counters: new EventCounters(() => {}) });
    let calls = 0;
    const invoke = async () => {
      calls++;
      return { text: 'hi', promptTokens: 100, completionTokens: 20, costUsd: 0.003 };
    };
    const call = { model: 'gpt-x', prompt: 'Say hi', params: { temperature: 0 } };
    expect((await cachedModelCall(cache, call, invoke, counters)).cached).toBe(false);
    expect((await cachedModelCall(cache, call, invoke, counters)).cached).toBe(true);
    expect((await cachedModelCall(cache, { ...call, prompt: ' Say  hi ' }, invoke, counters)).cached).toBe(true);
    expect(calls).toBe(1);
    counters.flush(new Date(0));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ metricType: 'ai_cache_savings', endpoint: 'gpt-x', metadata: { model: 'gpt-x', hits: 2, promptTokens: 200, completionTokens: 40 } });
    expect(rows[0]!.metricValue).toBeCloseTo(0.006);
    expect(rows[0]!.metadata.costSavedUsd).toBeCloseTo(0.006);
  });
});
