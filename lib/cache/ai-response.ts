import { createHash } from 'node:crypto';
import { eventCounters, type EventCounters } from '../metrics/counters';
import type { Cache } from './cache';

export interface AiCall {
  model: string;
  prompt: string;
  /** Sampling parameters (temperature, max_tokens, ...): part of the key, in any key order. */
  params?: Record<string, string | number | boolean | null>;
  ttlSeconds?: number;
}

export interface AiResult {
  text: string;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
}

/** Whitespace runs collapse and ends are trimmed: prompts that differ only in spacing share an answer. */
export function normalizePrompt(prompt: string): string {
  return prompt.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function aiCacheKey(call: AiCall): string {
  const params = Object.keys(call.params ?? {})
    .sort()
    .map((name) => [name, call.params![name]]);
  const digest = createHash('sha256').update(JSON.stringify([call.model, normalizePrompt(call.prompt), params])).digest('hex');
  return `ai:${call.model}:${digest}`;
}

/**
 * A model call through the cache: keyed by model + normalized prompt + parameters. Each hit
 * is counted as an 'ai_cache_savings' metric point per model (value: USD saved; metadata:
 * model, hits, promptTokens, completionTokens, costSavedUsd summed per 10-second bucket) for
 * the AI analytics area to read.
 */
export async function cachedModelCall(
  cache: Cache,
  call: AiCall,
  invoke: () => Promise<AiResult>,
  counters: EventCounters = eventCounters(),
): Promise<AiResult & { cached: boolean }> {
  let computed = false;
  const result = await cache.wrap(
    aiCacheKey(call),
    async () => {
      computed = true;
      return invoke();
    },
    { ttlSeconds: call.ttlSeconds ?? 24 * 3600, tags: [`ai-model:${call.model}`] },
  );
  if (!computed) {
    counters.add('ai_cache_savings', call.model, result.costUsd, {
      model: call.model,
      hits: 1,
      promptTokens: result.promptTokens,
      completionTokens: result.completionTokens,
      costSavedUsd: result.costUsd,
    });
  }
  return { ...result, cached: !computed };
}
