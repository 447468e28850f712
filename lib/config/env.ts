import { z } from 'zod';

/**
 * The one place that reads process.env. Everything else asks `env()`.
 * A wrong or missing value stops start-up with a message naming the variable.
 */
const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const positiveInt = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DB_POOL_MAX: positiveInt(10, 200),
    /** Requests of the API-key and public routes one instance works on at once; more are refused with 503 (load shedding). */
    API_MAX_IN_FLIGHT: positiveInt(1024, 100_000),
    DATA_DIR: z.string().min(1).default('./data'),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (try: openssl rand -base64 32)').optional(),
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    INNGEST_SIGNING_KEY: z.string().min(1).optional(),
    INNGEST_SIGNING_KEY_FALLBACK: z.string().min(1).optional(),
    INNGEST_EVENT_KEY: z.string().min(1).optional(),
    INNGEST_DEV: z.string().optional(),
    INNGEST_BASE_URL: z.url().optional(),
    JOBS_IN_PROCESS: booleanFlag.default(true),
    APP_URL: z.url().optional(),
    /** AES-256-GCM key for secrets at rest (notification channels): 32 bytes, base64. */
    ENCRYPTION_KEY: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z
        .string()
        .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64 encoded (try: openssl rand -base64 32)')
        .optional(),
    ),
    /** Redis for the shared rate-limiter store and the L2 cache; unset: Postgres (or memory). */
    REDIS_URL: z.preprocess((value) => (value === '' ? undefined : value), z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional()),
    /** Where limiter state lives; default: redis with REDIS_URL, else postgres with DATABASE_URL, else memory. */
    RATE_LIMIT_STORE: z.preprocess((value) => (value === '' ? undefined : value), z.enum(['memory', 'postgres', 'redis']).optional()),
    /** Bearer token for /api/metrics (Prometheus); unset: the endpoint answers 404. */
    METRICS_TOKEN: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.string().min(16, 'must be at least 16 characters (try: openssl rand -hex 32)').optional(),
    ),
  })
  .superRefine((value, ctx) => {
    if (value.DATABASE_URL && !value.AUTH_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_SECRET'],
        message: 'is required when DATABASE_URL is set (at least 32 characters; try: openssl rand -base64 32)',
      });
    }
    if (value.RATE_LIMIT_STORE === 'redis' && !value.REDIS_URL) {
      ctx.addIssue({ code: 'custom', path: ['RATE_LIMIT_STORE'], message: 'is redis but REDIS_URL is not set' });
    }
    if (value.DATABASE_URL && !value.ENCRYPTION_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['ENCRYPTION_KEY'],
        message: 'is required when DATABASE_URL is set (32 bytes, base64; try: openssl rand -base64 32); every instance needs the same key',
      });
    }
    const inngestDev = value.INNGEST_DEV !== undefined && value.INNGEST_DEV !== '' && value.INNGEST_DEV !== '0';
    if (inngestDev && value.NODE_ENV === 'production') {
      ctx.addIssue({
        code: 'custom',
        path: ['INNGEST_DEV'],
        message: 'must not be set while NODE_ENV=production: it turns off request signing on /api/inngest',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'} ${issue.message}`),
    );
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** True when Inngest (cloud or self-hosted) is the scheduler; otherwise jobs run in-process. */
export function inngestConfigured(config: Env = env()): boolean {
  const dev = config.INNGEST_DEV !== undefined && config.INNGEST_DEV !== '' && config.INNGEST_DEV !== '0';
  return Boolean(config.INNGEST_SIGNING_KEY) || dev;
}

/** The limiter store in force: RATE_LIMIT_STORE, or redis with REDIS_URL, postgres with DATABASE_URL, else memory. */
export function rateLimitStoreKind(config: Env = env()): 'memory' | 'postgres' | 'redis' {
  if (config.RATE_LIMIT_STORE) return config.RATE_LIMIT_STORE;
  if (config.REDIS_URL) return 'redis';
  return config.DATABASE_URL ? 'postgres' : 'memory';
}
