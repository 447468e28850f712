// `npm test`: unit tests, integration tests, then the browser suite. Stops at the first failing
// stage with its exit code. DATABASE_URL is passed through untouched: with it set, the
// integration tests run on that Postgres; the browser suite always gets its own database
// (see e2e/support/serve.mjs, E2E_DATABASE_URL).
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './lib/build-if-needed.mjs';
import { countReport, formatCounts, reportDir } from './lib/reports.mjs';

const vitest = path.join(repoRoot, 'node_modules', '.bin', 'vitest');
const stages = [
  {
    name: 'unit',
    report: 'unit.json',
    command: vitest,
    args: (report) => ['run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  },
  {
    name: 'integration',
    report: 'integration.json',
    command: vitest,
    args: (report) => [
      'run',
      '--project',
      'integration',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
  },
  // playwright.config.ts writes test-results/reports/e2e.json itself.
  { name: 'e2e', report: 'e2e.json', command: process.execPath, args: () => [path.join(repoRoot, 'scripts', 'e2e.mjs')] },
];

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', env: process.env });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      console.error(`> Could not run ${command}: ${error.message}. Did you run npm install?`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

mkdirSync(reportDir, { recursive: true });
const summary = [];
let exitCode = 0;
for (const stage of stages) {
  const report = path.join(reportDir, stage.report);
  rmSync(report, { force: true });
  const started = Date.now();
  console.log(`\n=== ${stage.name} ===`);
  const code = await run(stage.command, stage.args(report));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const counts = countReport(report);
  const line = `${stage.name.padEnd(12)} ${code === 0 ? 'ok    ' : 'FAILED'} ${counts ? formatCounts(counts) : 'no report'} (${seconds} s)`;
  summary.push(line);
  console.log(`> ${line}`);
  if (code !== 0) {
    exitCode = code;
    break;
  }
}
console.log(`\n${summary.join('\n')}`);
process.exit(exitCode);
