#!/usr/bin/env node
/**
 * The whole test suite, as `npm test` and CI run it (after build and lint):
 *  1. every test under TZ=UTC (pinned, house style), on SQLite and — when a server answers — PostgreSQL;
 *  2. the working-day calendar suite again under TZ=America/New_York to catch hidden clock use.
 * PostgreSQL: HUAWU_TEST_PG_URL, else postgres://postgres@127.0.0.1:5432/postgres if it answers.
 * With CI=true, PostgreSQL and the browser are required (the suites fail instead of skipping).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';

async function postgresAnswers(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const env = { ...process.env };
if (!env.HUAWU_TEST_PG_URL && (await postgresAnswers(DEFAULT_PG))) env.HUAWU_TEST_PG_URL = DEFAULT_PG;
console.log(
  env.HUAWU_TEST_PG_URL
    ? `PostgreSQL tests: on (${env.HUAWU_TEST_PG_URL.replace(/:[^:@/]+@/, ':****@')})`
    : 'PostgreSQL tests: skipped (no server answered; set HUAWU_TEST_PG_URL)',
);

const out = mkdtempSync(join(tmpdir(), 'huawu-vitest-'));
const vitest = join('node_modules', 'vitest', 'vitest.mjs');
function run(label, args, extraEnv) {
  console.log(`\n▶ ${label}`);
  const report = join(out, `${label.replace(/\W+/g, '-')}.json`);
  const result = spawnSync(
    process.execPath,
    [vitest, 'run', ...args, '--reporter=dot', '--reporter=json', `--outputFile.json=${report}`],
    { stdio: 'inherit', env: { ...env, ...extraEnv } },
  );
  let counts = { passed: 0, failed: 0, skipped: 0 };
  try {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    counts = {
      passed: r.numPassedTests,
      failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0),
      skipped: r.numPendingTests + r.numTodoTests,
    };
  } catch {
    counts.failed += 1;
  }
  if (result.status !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

const runs = [
  run('all suites (TZ=UTC)', [], { TZ: 'UTC' }),
  run('calendar suite (TZ=America/New_York)', ['packages/domain/src/calendar'], { TZ: 'America/New_York' }),
];
const total = runs.reduce(
  (a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed, skipped: a.skipped + r.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
