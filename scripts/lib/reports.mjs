// Reads the JSON reports that `npm test` and .ci/run write to test-results/reports, so both can
// print pass/fail counts without scraping terminal output.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './build-if-needed.mjs';

export const reportDir = path.join(repoRoot, 'test-results', 'reports');

/** { passed, failed, skipped } from a Vitest (Jest-style) or Playwright JSON report; null if unreadable. */
export function countReport(file) {
  if (!existsSync(file)) return null;
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  if (report.stats && 'expected' in report.stats) {
    // Playwright: errors[] holds failures outside any test (web server did not start, config error).
    const { expected, unexpected, flaky, skipped } = report.stats;
    return {
      passed: expected + flaky,
      failed: unexpected + (report.errors?.length ?? 0),
      skipped,
    };
  }
  if (typeof report.numPassedTests === 'number') {
    // Vitest: a test file that fails to load has no failed test, only a failed suite.
    const brokenFiles = (report.testResults ?? []).filter(
      (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
    ).length;
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests + brokenFiles,
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    };
  }
  return null;
}

/** Sum over every report in the folder. */
export function totals(dir = reportDir) {
  const sum = { passed: 0, failed: 0, skipped: 0, reports: 0 };
  if (!existsSync(dir)) return sum;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const counts = countReport(path.join(dir, name));
    if (!counts) continue;
    sum.passed += counts.passed;
    sum.failed += counts.failed;
    sum.skipped += counts.skipped;
    sum.reports += 1;
  }
  return sum;
}

export function formatCounts({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

// `node scripts/lib/reports.mjs [dir]` prints the totals line the CI harness reads.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const sum = totals(process.argv[2] ? path.resolve(process.argv[2]) : reportDir);
  console.log(`${sum.passed} passed, ${sum.failed} failed`);
}
