import { describe, expect, it } from 'vitest';
import { maskSecrets } from './mask';

describe('maskSecrets', () => {
  it('masks secret-looking keys at any depth and keeps the rest', () => {
    expect(
      maskSecrets({ email: 'a@b.c', passwordHash: 'x', nested: { apiKey: 'k', name: 'n' }, roles: ['admin'] }),
    ).toEqual({ email: 'a@b.c', passwordHash: '[masked]', nested: { apiKey: '[masked]', name: 'n' }, roles: ['admin'] });
  });
});
