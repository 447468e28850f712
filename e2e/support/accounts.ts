// Accounts the suite creates. The database is new on every run (e2e/support/serve.mjs).
export const ADMIN = {
  name: 'Ada Admin',
  email: 'ada.admin@example.com',
  password: 'correct horse battery staple',
} as const;

export const VIEWER = {
  name: 'Vic Viewer',
  email: 'vic.viewer@example.com',
  password: 'viewer passphrase 2024',
} as const;

/** Locked out on purpose; separate so the admin can still sign in. */
export const LOCKED = {
  name: 'Lou Locked',
  email: 'lou.locked@example.com',
  password: 'lockable passphrase 99',
} as const;

export const WRONG_PASSWORD = 'not the right passphrase';

/** Changes its theme and contrast; separate so the admin's preferences never change. */
export const PREFS = {
  name: 'Pat Prefs',
  email: 'pat.prefs@example.com',
  password: 'preferences passphrase',
} as const;

/** Reads the analytics views in ja/JPY and de/EUR; separate so the admin's preferences never change. */
export const ANALYST = {
  name: 'Ana Analyst',
  email: 'ana.analyst@example.com',
  password: 'analyst passphrase 2026',
} as const;

/** Reads the analytics reference data (rates, model prices) without the right to change it. */
export const REF_ANALYST = {
  name: 'Rex Reader',
  email: 'rex.reader@example.com',
  password: 'reference passphrase 2026',
} as const;
