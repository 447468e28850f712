import { addDays, dayStart, type Day } from './days';
import { prng } from './churn/logistic';
import type { ProductEventInput } from '../events/schema';

/**
 * Deterministic demo data for `npm run seed:demo`, the e2e tests and the churn test: 90 days
 * of events for a few hundred users, ending on `end`. The same seed and end day always give
 * the same events. Planted churn signal: a churner's sessions fade over the three weeks
 * before their churn day, a failed payment often precedes it, and then they go silent.
 */
export const DEMO_PLUGINS = ['git-sync', 'slack-notify', 'jira-bridge', 'figma-preview', 'calendar', 'translate'];
export const DEMO_MODELS = ['gpt-4o', 'claude-3-5-sonnet', 'llama-3-70b'];
export const DEMO_PRICES = [
  { model: 'gpt-4o', promptPer1kUsd: 0.005, completionPer1kUsd: 0.015 },
  { model: 'claude-3-5-sonnet', promptPer1kUsd: 0.003, completionPer1kUsd: 0.015 },
  { model: 'llama-3-70b', promptPer1kUsd: 0.0009, completionPer1kUsd: 0.0009 },
];
const PLANS = { pro: { USD: 2900, EUR: 2700, JPY: 4500 }, team: { USD: 9900, EUR: 8900, JPY: 15000 } } as const;
type Currency = 'USD' | 'EUR' | 'JPY';

export interface DemoData {
  events: ProductEventInput[];
  rates: Array<{ day: Day; base: string; quote: string; rate: number }>;
}

export function generateDemoData(options: { end: Day; users?: number; days?: number; seed?: number }): DemoData {
  const { end, users = 400, days = 90, seed = 20260501 } = options;
  const random = prng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const start = addDays(end, -(days - 1));
  const events: ProductEventInput[] = [];
  let id = 0;
  const at = (dayIndex: number, seconds: number) => new Date(dayStart(addDays(start, dayIndex)).getTime() + Math.floor(seconds) * 1000).toISOString();
  const push = (name: string, user: string, time: string, properties?: Record<string, unknown>) => {
    events.push({ id: `demo-${++id}`, name, user_id: user, occurred_at: time, ...(properties ? { properties } : {}) });
    return `demo-${id}`;
  };

  for (let u = 0; u < users; u++) {
    const user = `user-${String(u + 1).padStart(4, '0')}`;
    const signup = Math.floor(random() * (days - 10));
    const currency: Currency = random() < 0.5 ? 'USD' : random() < 0.6 ? 'EUR' : 'JPY';
    const planRoll = random();
    let plan: 'free' | 'pro' | 'team' = planRoll < 0.4 ? 'free' : planRoll < 0.8 ? 'pro' : 'team';
    const churner = random() < 0.35;
    const churnDay = churner ? signup + 10 + Math.floor(random() * 70) : Infinity;
    const base = 0.35 + random() * 0.45;
    const installed = new Set<string>();

    push('signup', user, at(signup, random() * 3600 * 8 + 3600 * 8), { source: pick(['organic', 'ads', 'referral']) });
    if (plan !== 'free') push('subscription_started', user, at(signup, 3600 * 18), { plan, mrr_minor: PLANS[plan][currency], currency });
    const upgradeDay = plan === 'pro' && !churner && random() < 0.2 ? signup + 5 + Math.floor(random() * 40) : Infinity;
    const failDay = churner && plan !== 'free' && random() < 0.75 ? churnDay - 3 - Math.floor(random() * 10) : Infinity;

    for (let d = signup; d < days; d++) {
      const t0 = 3600 * 7 + random() * 3600 * 10;
      if (d === churnDay) {
        if (plan !== 'free') push('subscription_cancelled', user, at(d, t0), { plan, currency });
        if (installed.size > 0) push('plugin_uninstalled', user, at(d, t0 + 60), { plugin_id: [...installed][0] });
        break;
      }
      if (plan !== 'free' && d > signup && (d - signup) % 30 === 0) {
        push('payment_succeeded', user, at(d, 3600 * 2), { amount_minor: PLANS[plan][currency], currency });
      }
      if (d === failDay) push('payment_failed', user, at(d, 3600 * 2 + 60), { amount_minor: plan === 'free' ? 100 : PLANS[plan][currency], currency });
      if (d === upgradeDay) {
        plan = 'team';
        push('subscription_changed', user, at(d, t0), { plan, mrr_minor: PLANS.team[currency], currency });
      }
      const fade = churnDay - d <= 21 ? Math.max(0.04, ((churnDay - d) / 21) * base * 0.5) : base;
      if (random() >= fade) continue;
      push('session_start', user, at(d, t0));
      const views = 1 + Math.floor(random() * 4);
      for (let v = 0; v < views; v++) push('page_view', user, at(d, t0 + 30 + v * 45), { path: pick(['/', '/dashboard', '/plugins', '/settings', '/ai']) });
      if ((d === signup || random() < 0.04) && installed.size < DEMO_PLUGINS.length) {
        const plugin = DEMO_PLUGINS[Math.min(DEMO_PLUGINS.length - 1, Math.floor(random() * random() * DEMO_PLUGINS.length))]!;
        if (!installed.has(plugin)) {
          installed.add(plugin);
          push('plugin_installed', user, at(d, t0 + 300), { plugin_id: plugin });
        }
      }
      if (installed.size > 0 && random() < 0.5) push('plugin_used', user, at(d, t0 + 400), { plugin_id: pick([...installed]) });
      if (random() < 0.45) {
        const model = pick(DEMO_MODELS);
        const cacheHit = random() < 0.2;
        const prompt = 200 + Math.floor(random() * 1800);
        const completion = 50 + Math.floor(random() * 600);
        const latency = cacheHit ? 5 + random() * 20 : (model === 'llama-3-70b' ? 300 : 700) + random() * 900;
        const outcome = random() < 0.03 ? 'error' : 'success';
        const request = push('ai_request', user, at(d, t0 + 500), { model, prompt_tokens: prompt, completion_tokens: completion, latency_ms: Math.round(latency), cache_hit: cacheHit, outcome });
        if (random() < 0.5) {
          // Quality differs by model, and one model visibly learns over the period.
          const quality = model === 'claude-3-5-sonnet' ? 0.82 : model === 'gpt-4o' ? 0.6 + (0.3 * d) / days : 0.65;
          const correct = random() < quality;
          push('ai_feedback', user, at(d, t0 + 560), { request_id: request, rating: correct ? 4 + Math.round(random()) : 1 + Math.floor(random() * 3), correct });
        }
      }
    }
  }
  events.sort((a, b) => a.occurred_at.localeCompare(b.occurred_at) || a.id.localeCompare(b.id));

  const rates: DemoData['rates'] = [];
  for (let d = 0; d < days; d++) {
    const day = addDays(start, d);
    rates.push({ day, base: 'USD', quote: 'EUR', rate: Number((0.92 + 0.02 * Math.sin(d / 9)).toFixed(4)) });
    rates.push({ day, base: 'USD', quote: 'JPY', rate: Number((150 + 4 * Math.sin(d / 11)).toFixed(2)) });
  }
  return { events, rates };
}
