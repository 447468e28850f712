import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

describe('parseEnv', () => {
  it('needs nothing on the embedded database', () => {
    const config = parseEnv({});
    expect(config.DATA_DIR).toBe('./data');
    expect(config.DB_POOL_MAX).toBe(10);
    expect(config.JOBS_IN_PROCESS).toBe(true);
  });

  it('requires AUTH_SECRET with DATABASE_URL and names it', () => {
    expect(() => parseEnv({ DATABASE_URL: 'postgres://localhost/db' })).toThrow(/AUTH_SECRET is required/);
  });

  it('names a malformed variable and what it expects', () => {
    try {
      parseEnv({ DATABASE_URL: 'mysql://x', DB_POOL_MAX: 'lots' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const message = (error as EnvError).message;
      expect(message).toMatch(/DATABASE_URL must be a postgres:\/\//);
      expect(message).toMatch(/DB_POOL_MAX/);
    }
  });

  it('refuses INNGEST_DEV in production', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', INNGEST_DEV: '1' })).toThrow(/INNGEST_DEV must not be set while NODE_ENV=production/);
    expect(parseEnv({ NODE_ENV: 'development', INNGEST_DEV: '1' }).INNGEST_DEV).toBe('1');
  });
});
