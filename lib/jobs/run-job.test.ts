import { describe, expect, it } from 'vitest';
import { jobErrorText } from './run-job';

describe('jobErrorText', () => {
  it('keeps the message only, without the stack', () => {
    const error = new Error('cache backend unreachable');
    expect(jobErrorText(error)).toBe('cache backend unreachable');
  });

  it('cuts long messages short', () => {
    const text = jobErrorText(new Error('x'.repeat(5000)));
    expect(text).toHaveLength(1000);
    expect(text.endsWith('…')).toBe(true);
  });

  it("keeps the database's message instead of drizzle's, which embeds query parameters", () => {
    const error = new Error('Failed query: select $1\nparams: sk_live_secret', {
      cause: new Error('division by zero'),
    });
    expect(jobErrorText(error)).toBe('division by zero');
  });

  it('describes thrown non-errors', () => {
    expect(jobErrorText('plain string')).toBe('plain string');
    expect(jobErrorText(new Error(''))).toBe('Error');
  });
});
