// `npm run test:e2e`: the Playwright suite against `next start`, on Debian's chromium.
// Extra arguments go to `playwright test` (e.g. npm run test:e2e -- e2e/setup.spec.ts).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildIfNeeded, repoRoot } from './lib/build-if-needed.mjs';
import { freePort } from './lib/free-port.mjs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    [
      `> Chromium is missing: ${chromium} does not exist.`,
      '  The browser tests use the system Chromium; they never download a browser.',
      '  Install it with:  sudo apt-get install -y chromium   (Debian/Ubuntu)',
      '  or point CHROMIUM_PATH at an installed Chromium.',
    ].join('\n'),
  );
  process.exit(1);
}

if (!(await buildIfNeeded())) process.exit(1);

const port = process.env.E2E_PORT || String(await freePort(3100));
const child = spawn(path.join(repoRoot, 'node_modules', '.bin', 'playwright'), ['test', ...process.argv.slice(2)], {
  cwd: repoRoot,
  stdio: 'inherit',
  env: { ...process.env, E2E_PORT: port, CHROMIUM_PATH: chromium },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('error', (error) => {
  console.error(`> Could not run playwright: ${error.message}. Did you run npm install?`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
