// `npm start`: build when the sources are newer than the last build, then serve with `next start`.
// Migrations are applied by the app itself at start-up (instrumentation.ts), not here.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfNeeded, repoRoot } from './lib/build-if-needed.mjs';

const port = process.env.PORT || '3000';

if (!(await buildIfNeeded())) process.exit(1);

console.log(`> Starting the console on http://localhost:${port}`);
const server = spawn(path.join(repoRoot, 'node_modules', '.bin', 'next'), ['start', '--port', port], {
  cwd: repoRoot,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: process.env.NODE_ENV || 'production', PORT: port },
});

// A terminal's Ctrl+C reaches the whole foreground group; a supervisor's SIGTERM reaches only us.
// Forward both so next can close the database cleanly.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (server.exitCode === null) server.kill(signal);
  });
}

server.on('error', (error) => {
  console.error(`> Could not start next: ${error.message}`);
  process.exit(1);
});
server.on('exit', (code, signal) => {
  process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1));
});
