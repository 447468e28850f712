import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import { parseEnv } from '../config/env';
import { startJobRunner, stopJobRunner } from './start';

describe('startJobRunner', () => {
  let t: TestDb;
  const logger = { info: vi.fn(), error: vi.fn() };
  beforeEach(async () => {
    t = await createTestDb();
    logger.info.mockClear();
  });
  afterEach(async () => {
    await stopJobRunner();
    await t.close();
  });

  it('leaves jobs to Inngest when a signing key is set', async () => {
    const getDb = vi.fn(async () => t.db);
    const config = parseEnv({ INNGEST_SIGNING_KEY: 'signkey-test-123' });
    expect(await startJobRunner({ config, getDb, logger })).toBe('inngest');
    expect(getDb).not.toHaveBeenCalled();
    expect(logger.info).toHaveBeenCalledWith(expect.stringContaining('Inngest runs jobs'));
  });

  it('runs nothing when Inngest is not configured and JOBS_IN_PROCESS is off', async () => {
    const getDb = vi.fn(async () => t.db);
    expect(await startJobRunner({ config: parseEnv({ JOBS_IN_PROCESS: '0' }), getDb, logger })).toBe('none');
    expect(getDb).not.toHaveBeenCalled();
  });

  it('starts one in-process scheduler per process, however often it is called', async () => {
    const getDb = vi.fn(async () => t.db);
    const config = parseEnv({});
    expect(await startJobRunner({ config, getDb, logger })).toBe('in_process');
    expect(await startJobRunner({ config, getDb, logger })).toBe('in_process');
    expect(getDb).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith(expect.stringContaining('in-process scheduler runs jobs'));
  });
});
