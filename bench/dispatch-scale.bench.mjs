#!/usr/bin/env node
// Dispatch network at scale (issue 4): the supervision sweeper and the dispatch-desk list queries over
// N open orders (default 1,000,000) on SQLite and PostgreSQL. A script, not a test: it prints figures
// and writes them to bench/results/dispatch-scale-<db>.md. Target (informational): p95 ≤ 50 ms for
// every list query.
//
//   npm run build && node bench/dispatch-scale.bench.mjs [--orders 1000000] [--runs 300] [--db sqlite|postgres|both]
//     [--list-budget 45000]   (ms per list query: a slow query gets fewer runs, never fewer than 30)
//     [--sqlite-file path]    (keep the seeded SQLite file; if it exists, reuse it and measure lists only)
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import * as coreApi from '../packages/core/dist/index.js';
import {
  actorOf,
  arg,
  fmtPercentiles,
  forEachDatabase,
  loadLine,
  measure,
  whichDatabases,
} from './support/bench-databases.mjs';
import {
  BUSY_UNIT,
  QUIET_UNIT,
  QUIET_USER,
  planOrder,
  seedDispatchNetwork,
} from './support/dispatch-seed.mjs';
import { median } from './support/http-client.mjs';
import { explainUseCase } from './support/query-plans.mjs';

const { createCore, listWorkOrders, prepareDatabase, seedDemo, sweepClocks } = coreApi;
const N = Number(arg('orders', process.env.ORDERS ?? 1_000_000));
const RUNS = Number(arg('runs', 300));
const TARGET_P95_MS = 50;
const LIST_BUDGET_MS = Number(arg('list-budget', 45_000));
const NOW = new Date('2026-06-01T02:00:00.000Z'); // a Monday, 10:00 in Beijing
const QUEUES = ['pending_dispatch', 'returns', 'extensions', 'overdue', 'supervisions'];
// Keep the seeded SQLite file here; when it exists already, reuse it: no seeding, no busy pass (the
// state after one is kept), only the quiet pass, the baselines and the list queries.
const SQLITE_FILE = arg('sqlite-file', null);
const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results');

const ms = (x) => `${x.toFixed(1)} ms`;
const fine = (p) => `p50 ${p.p50.toFixed(3)} / p95 ${p.p95.toFixed(3)} / p99 ${p.p99.toFixed(3)} ms`;
const int = (x) => Math.round(x).toLocaleString('en');

async function timeOnce(fn) {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

/** Median of `runs` timed calls after one untimed. */
async function medianOf(fn, runs) {
  await fn();
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const t = await timeOnce(fn);
    times.push(t.ms);
    last = t.value;
  }
  return { ms: median(times), value: last };
}

async function clockState(db) {
  const count = async (q) =>
    Number((await q.select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const open = db.selectFrom('order_clocks').where('open', '=', 1);
  return {
    open: await count(open),
    running: await count(open.where('next_at', 'is not', null)),
    due: await count(open.where('next_at', '<=', NOW.toISOString())),
    firstNext: (await open.select((e) => e.fn.min('next_at').as('m')).executeTakeFirstOrThrow()).m,
    notices: await count(db.selectFrom('notifications')),
  };
}

async function sweeper(core, report, { busyPass }) {
  const { db } = core.database;
  const before = await clockState(db);
  report.state = before;
  // (c) the machine's noise: a primary-key lookup and a bare round trip.
  const ids = Array.from({ length: 997 }, (_, k) => planOrder((k * 1009) % N, N, NOW.getTime()).id);
  report.pk = await measure(
    (i) =>
      db
        .selectFrom('work_orders')
        .select(['id', 'status'])
        .where('id', '=', ids[i % ids.length])
        .executeTakeFirst(),
    { runs: 2000, warmup: 200 },
  );
  report.select1 = await measure(() => sql`select 1`.execute(db), { runs: 2000, warmup: 200 });
  // (a) quiet pass: a full pass just before the first step falls due finds nothing.
  const quietNow = new Date(Date.parse(before.firstNext) - 1);
  const quiet = await medianOf(() => sweepClocks(core, { now: quietNow }), 5);
  report.quiet = { ms: quiet.ms, examined: quiet.value.examined, at: quietNow.toISOString() };
  if (!busyPass) return;
  // (b) busy pass at NOW: every due step, once (it changes state, so it runs once).
  const busy = await timeOnce(() => sweepClocks(core, { now: NOW }));
  const after = await clockState(db);
  report.busy = {
    ms: busy.ms,
    ...busy.value,
    outboxRows: after.notices - before.notices,
    dueAfter: after.due,
  };
}

async function lists(core, report) {
  const { db } = core.database;
  const dispatcher = await actorOf(db, 'dispatcher');
  const busyUnit = await actorOf(db, 'handler');
  const quietUnit = await actorOf(db, QUIET_USER);
  const page = (p) => ({ page: p, pageSize: 20 });
  const cases = [
    ['order list, first page (listWorkOrders, dispatcher)', () => listWorkOrders(core, dispatcher, page(1))],
  ];
  const { listUnitInbox, listDeskQueue } = coreApi;
  report.missing = [];
  if (typeof listUnitInbox === 'function') {
    cases.push([`unit inbox, busy unit (${BUSY_UNIT})`, () => listUnitInbox(core, busyUnit, page(1))]);
    cases.push([`unit inbox, quiet unit (${QUIET_UNIT})`, () => listUnitInbox(core, quietUnit, page(1))]);
  } else report.missing.push('listUnitInbox');
  if (typeof listDeskQueue === 'function') {
    let busiest = { queue: QUEUES[0], total: -1 };
    for (const queue of QUEUES) {
      cases.push([`desk queue ${queue}`, () => listDeskQueue(core, dispatcher, queue, page(1))]);
      const first = await listDeskQueue(core, dispatcher, queue, page(1)).catch(() => null);
      const total = Number(first?.total ?? first?.items?.length ?? 0);
      if (total > busiest.total) busiest = { queue, total };
    }
    cases.push([
      `desk queue ${busiest.queue}, page 50 (busiest)`,
      () => listDeskQueue(core, dispatcher, busiest.queue, page(50)),
    ]);
  } else report.missing.push('listDeskQueue');
  for (const name of report.missing)
    console.log(`  ${name}: not available yet in @huawu/core (measured the rest)`);
  report.lists = [];
  report.failed = [];
  for (const [name, fn] of cases) {
    let result;
    try {
      result = await fn();
    } catch (error) {
      report.failed.push({ name, error: String(error?.message ?? error).split('\n')[0] });
      console.log(`  ${name.padEnd(52)} FAILED: ${report.failed.at(-1).error}`);
      continue;
    }
    // A slow query gets fewer runs (about LIST_BUDGET_MS each), never fewer than 30.
    const first = (await timeOnce(fn)).ms;
    const runs = Math.max(30, Math.min(RUNS, Math.floor(LIST_BUDGET_MS / first)));
    const p = await measure(fn, { runs, warmup: Math.min(20, Math.max(3, Math.floor(5000 / first))) });
    const row = {
      name,
      runs,
      ...p,
      rows: result?.items?.length ?? null,
      total: result?.total ?? null,
      met: p.p95 <= TARGET_P95_MS,
    };
    if (!row.met) row.plans = await explainUseCase(core, fn);
    report.lists.push(row);
    console.log(
      `  ${name.padEnd(52)} ${fmtPercentiles(p)}  rows ${row.rows} / total ${row.total} (${runs} runs)`,
    );
  }
}

const seeded = (r) =>
  r.seed
    ? `Seeded in ${r.seed.seconds.toFixed(1)} s: ${Object.entries(r.seed.counts)
        .map(([k, v]) => `${int(v)} ${k}`)
        .join(', ')} (plus the demo city).`
    : 'Reused a database seeded (and swept at now) by an earlier run: no busy pass in this run.';

function markdown(label, r) {
  const lines = [
    `# Dispatch network at scale — ${label}`,
    '',
    `${int(N)} open orders · ${r.when} · ${os.cpus().length} CPUs · Node ${process.version}`,
    `Load before: ${r.loadBefore} · after: ${r.loadAfter}`,
    '',
    `${seeded(r)} Clocks: ${int(r.state.open)} open, ${int(r.state.running)} running, ${int(r.state.due)} with a step due at now.`,
    '',
    '| sweeper | figure |',
    '| --- | --- |',
    `| quiet pass (nothing due), median of 5 | ${ms(r.quiet.ms)} (examined ${r.quiet.examined}) |`,
    ...(r.busy
      ? [
          `| busy pass at now: time | ${(r.busy.ms / 1000).toFixed(2)} s in ${r.busy.batches} batches |`,
          `| busy pass: clocks examined | ${int(r.busy.examined)} (${int(r.busy.examined / (r.busy.ms / 1000))} clocks/s) |`,
          `| busy pass: ladder steps applied | ${int(r.busy.steps)} (${int(r.busy.steps / (r.busy.ms / 1000))} steps/s) |`,
          `| busy pass: notices written (outbox rows) | ${int(r.busy.notices)} (${int(r.busy.outboxRows)} rows) |`,
          `| busy pass: 督办 opened by escalation | ${int(r.busy.supervisions)} |`,
          `| still due after the pass | ${int(r.busy.dueAfter)} |`,
        ]
      : []),
    `| baseline: primary-key lookup (2,000 runs) | ${fine(r.pk)} |`,
    `| baseline: \`select 1\` round trip (2,000 runs) | ${fine(r.select1)} |`,
    '',
    `| list query (page size 20) | p50 | p95 | p99 | rows / total | runs | p95 ≤ ${TARGET_P95_MS} ms |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...r.lists.map(
      (l) =>
        `| ${l.name} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${l.rows ?? '–'} / ${l.total ?? '–'} | ${l.runs} | ${l.met ? 'yes' : '**no**'} |`,
    ),
    ...r.missing.map((m) => `| ${m} | not available yet | | | | | |`),
    ...r.failed.map((f) => `| ${f.name} | failed: ${f.error} | | | | | |`),
  ];
  for (const l of r.lists.filter((x) => x.plans)) {
    lines.push('', `## Plans: ${l.name}`);
    for (const p of l.plans) lines.push('', '```sql', p.sql, '```', '', '```', p.plan, '```');
  }
  return `${lines.join('\n')}\n`;
}

async function run(label, url) {
  const report = { when: new Date().toISOString(), loadBefore: loadLine() };
  console.log(`\n${label}: seeding ${int(N)} open orders · ${report.loadBefore}`);
  const reuse = label === 'SQLite' && SQLITE_FILE !== null && existsSync(SQLITE_FILE);
  const core = createCore({ databaseUrl: url, now: () => NOW });
  try {
    await prepareDatabase(core);
    if (!reuse) {
      await seedDemo(core);
      report.seed = await seedDispatchNetwork(url, { n: N, now: NOW, log: console.log });
      console.log(`  seeding took ${report.seed.seconds.toFixed(1)} s (not the benchmark)`);
    } else console.log(`  reusing ${SQLITE_FILE} (seeded and swept by an earlier run)`);
    await sweeper(core, report, { busyPass: !reuse });
    console.log(`  sweeper: quiet pass ${ms(report.quiet.ms)} (examined ${report.quiet.examined})`);
    if (report.busy)
      console.log(
        `  sweeper: busy pass ${(report.busy.ms / 1000).toFixed(2)} s, ${int(report.busy.examined)} clocks, ` +
          `${int(report.busy.steps)} steps, ${int(report.busy.notices)} notices`,
      );
    await lists(core, report);
  } finally {
    await core.close();
  }
  report.loadAfter = loadLine();
  const text = markdown(label, report);
  mkdirSync(RESULTS, { recursive: true });
  const file = join(
    RESULTS,
    `dispatch-scale-${label === 'SQLite' ? 'sqlite' : 'postgres'}${report.seed ? '' : '-reused'}.md`,
  );
  writeFileSync(file, text);
  console.log(`\n${text}\n(written to ${file})`);
}

console.log(`dispatch-scale bench · ${os.cpus().length} CPUs · Node ${process.version} · ${loadLine()}`);
await forEachDatabase(await whichDatabases(), run, {
  pgName: 'huawu_bench_dispatch',
  sqliteFile: SQLITE_FILE ?? undefined,
});
