export async function register() {
  // Node.js server only; during `next build` nothing may touch the database or start timers.
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { startServer } = await import('./lib/startup/start');
    await startServer();
  }
}
