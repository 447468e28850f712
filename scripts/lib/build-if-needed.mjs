// Shared by `npm start` and `npm run test:e2e`: run `next build` only when the last build is
// missing or older than any file that goes into it. Timestamps, not hashes: a fresh clone has
// no .next, and an edit always moves the mtime forward.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Folders and files whose contents end up in the build. */
const BUILD_INPUTS = [
  'app',
  'components',
  'lib',
  'db',
  'inngest',
  'messages',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.ts',
  'package-lock.json',
  'tailwind.config.ts',
  'postcss.config.mjs',
  'tsconfig.json',
  'global.d.ts',
];

// Tests sit beside the code but are not part of the build; editing one must not cost a rebuild.
const NOT_BUILD_INPUT = /\.(int\.)?test\.[cm]?[jt]sx?$/;

/** Newest input file newer than `since` (ms), or undefined. Stops at the first one found. */
function findNewer(target, since) {
  let stat;
  try {
    stat = statSync(target);
  } catch {
    return undefined; // optional inputs (e.g. proxy.ts before it exists)
  }
  if (stat.isDirectory()) {
    for (const entry of readdirSync(target)) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      const found = findNewer(path.join(target, entry), since);
      if (found) return found;
    }
    return undefined;
  }
  if (NOT_BUILD_INPUT.test(target)) return undefined;
  return stat.mtimeMs > since ? target : undefined;
}

/** Why a build is needed, or null when .next is current. */
export function buildStaleness(root = repoRoot) {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return 'no build yet (.next/BUILD_ID is missing)';
  const builtAt = statSync(buildId).mtimeMs;
  for (const input of BUILD_INPUTS) {
    const newer = findNewer(path.join(root, input), builtAt);
    if (newer) return `${path.relative(root, newer)} changed since the last build`;
  }
  return null;
}

/**
 * Builds when needed. Resolves true when the build is current, false when `next build`
 * failed (its errors are already on the terminal; this prints what to do next).
 */
export async function buildIfNeeded({ root = repoRoot, force = false } = {}) {
  const reason = force ? 'build forced' : buildStaleness(root);
  if (!reason) {
    console.log('> Build is up to date (.next).');
    return true;
  }
  console.log(`> Building the app: ${reason}.`);
  const started = Date.now();
  const code = await new Promise((resolve) => {
    const child = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['build'], {
      cwd: root,
      stdio: 'inherit',
      // next build insists on production; a NODE_ENV of "test" left by a caller would warn and misbuild.
      env: { ...process.env, NODE_ENV: 'production' },
    });
    child.on('error', (error) => {
      console.error(`> Could not run next build: ${error.message}. Did you run npm install?`);
      resolve(1);
    });
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });
  if (code !== 0) {
    console.error(
      `\n> BUILD FAILED (next build exited with ${code}). Fix the errors printed above, then run the command again.`,
    );
    return false;
  }
  console.log(`> Build finished in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}
