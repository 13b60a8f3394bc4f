#!/usr/bin/env node
// Closure and archive at scale (issue 5): the audit-chain verification, 档案查询, one sealed record,
// the citizens' public lookup and the printable/exported 工单 over N archived orders (default 100,000,
// ~10 hash-chained events each) on SQLite and PostgreSQL. A script, not a test: it prints figures and
// writes them to bench/results/closure-archive-<db>.md. Target (informational): p95 ≤ 50 ms per query.
//
//   npm run build && node bench/closure-archive.bench.mjs [--orders 100000] [--runs 200] [--db sqlite|postgres|both]
//     [--doc-runs 20]   (runs of each document export, after the first PDF)
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { addDays, toLocalDate } from '@huawu/domain';
import { sql } from 'kysely';
import * as coreApi from '../packages/core/dist/index.js';
import { KEYWORD, seedArchives } from './support/archive-seed.mjs';
import {
  actorOf,
  arg,
  fmtPercentiles,
  forEachDatabase,
  loadLine,
  measure,
  whichDatabases,
} from './support/bench-databases.mjs';
import { median } from './support/http-client.mjs';
import { explainUseCase } from './support/query-plans.mjs';

const {
  createCore,
  exportOrderDocument,
  exportOrders,
  getArchiveRecord,
  listWorkOrders,
  lookupCase,
  prepareDatabase,
  searchArchive,
  seedDemo,
  verifyAuditChain,
} = coreApi;
const N = Number(arg('orders', process.env.ORDERS ?? 100_000));
const RUNS = Number(arg('runs', 200));
const DOC_RUNS = Number(arg('doc-runs', 20));
const EXPORT_ROWS = 10_000;
const TARGET_P95_MS = 50;
const NOW = new Date('2026-06-01T02:00:00.000Z'); // a Monday, 10:00 in Beijing
const SAMPLE = 500; // archived orders the record reads and public lookups cycle through
let pdfFontsLoaded = false; // once per process
const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results');

/** Milliseconds with the precision small figures need. */
const ms = (x) => `${x.toFixed(x < 1 ? 3 : x < 10 ? 2 : 1)} ms`;
const secs = (x) => (x < 1000 ? ms(x) : `${(x / 1000).toFixed(2)} s`);
const fine = (p) => `p50 ${p.p50.toFixed(3)} / p95 ${p.p95.toFixed(3)} / p99 ${p.p99.toFixed(3)} ms`;
const int = (x) => Math.round(x).toLocaleString('en');
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

async function timeOnce(fn) {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

/** `runs` timed calls (no warm-up: the caller decides): median time and the last value. */
async function medianOf(fn, runs) {
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const t = await timeOnce(fn);
    times.push(t.ms);
    last = t.value;
  }
  return { ms: median(times), first: times[0], value: last };
}

/**
 * One full `verifyAuditChain`, split into its two phases: the event chains (orders and their events)
 * and the sealed records (archives in archive_seq order). A Kysely plugin notes when the first query
 * on order_archives is built; it only looks at queries until then.
 */
async function timedVerify(core) {
  const { database } = core;
  const original = database.db;
  let archivesFrom = null;
  const marker = {
    transformQuery({ node }) {
      if (
        archivesFrom === null &&
        node.kind === 'SelectQueryNode' &&
        JSON.stringify(node.from).includes('"order_archives"')
      )
        archivesFrom = performance.now();
      return node;
    },
    async transformResult({ result }) {
      return result;
    },
  };
  database.db = original.withPlugin(marker);
  const t0 = performance.now();
  let report;
  try {
    report = await verifyAuditChain(core);
  } finally {
    database.db = original;
  }
  const end = performance.now();
  const split = archivesFrom ?? end;
  return { report, ms: end - t0, eventsMs: split - t0, archivesMs: end - split };
}

async function chain(core, r) {
  const { db } = core.database;
  r.verify = [];
  for (let pass = 1; pass <= 2; pass++) {
    const v = await timedVerify(core);
    r.verify.push(v);
    const rep = v.report;
    console.log(
      `  verify pass ${pass}: ${secs(v.ms)} (events ${secs(v.eventsMs)}, archives ${secs(v.archivesMs)}) · ` +
        `${int(rep.ordersChecked)} orders, ${int(rep.eventsChecked)} events, ${int(rep.archivesChecked)} archives · ` +
        `${rep.ok ? 'ok' : `${rep.breaks} breaks, first: ${rep.firstBreak?.message}`}`,
    );
    if (!rep.ok) throw new Error(`the seeded chain does not verify: ${JSON.stringify(rep.firstBreak)}`);
  }
  // Baselines: one plain full scan of each table the pass reads, median of 3 after one untimed.
  const scan = async (query) => {
    await query.execute(db);
    return medianOf(() => query.execute(db), 3);
  };
  r.scanEvents = await scan(sql`select count(*) as n, max(hash) as h from work_order_events`);
  r.scanArchives = await scan(sql`select count(*) as n, max(record_hash) as h from order_archives`);
  console.log(
    `  baseline scans: events ${secs(r.scanEvents.ms)}, archives ${secs(r.scanArchives.ms)} (median of 3)`,
  );
}

/** Archived orders spread over the whole archive: ids, numbers and caller numbers. */
async function sampleArchived(db) {
  const bounds = await db
    .selectFrom('order_archives')
    .select((eb) => [eb.fn.min('archive_seq').as('lo'), eb.fn.max('archive_seq').as('hi')])
    .executeTakeFirstOrThrow();
  const [lo, hi] = [Number(bounds.lo), Number(bounds.hi)];
  const seqs = [
    ...new Set(Array.from({ length: SAMPLE }, (_, k) => lo + Math.floor((k * (hi - lo)) / (SAMPLE - 1)))),
  ];
  const rows = await db
    .selectFrom('order_archives as a')
    .innerJoin('work_orders as o', 'o.id', 'a.order_id')
    .select(['a.order_id', 'o.order_no', 'o.caller_phone', 'o.anonymous'])
    .where('a.archive_seq', 'in', seqs)
    .execute();
  // Interleave old and new records (the sample is in archive order otherwise).
  return rows
    .filter((x) => x.caller_phone && Number(x.anonymous) === 0)
    .map((x, k) => ({ ...x, k: (k * 7919) % rows.length }))
    .sort((a, b) => a.k - b.k);
}

async function queries(core, r) {
  const { db } = core.database;
  const supervisor = await actorOf(db, 'supervisor');
  const unitUser = await actorOf(db, 'handler');
  const sample = await sampleArchived(db);
  const ids = sample.map((x) => x.order_id);
  r.rows = [];
  r.failed = [];
  const run = async (name, fn, { runs = RUNS, warmup = 10, shape = (x) => x, plans = true } = {}) => {
    let result;
    try {
      result = await fn(0);
    } catch (error) {
      r.failed.push({ name, error: String(error?.message ?? error).split('\n')[0] });
      console.log(`  ${name.padEnd(58)} FAILED: ${r.failed.at(-1).error}`);
      return;
    }
    const p = await measure(fn, { runs, warmup });
    const row = { name, runs, ...p, ...shape(result), met: p.p95 <= TARGET_P95_MS };
    if (!row.met && plans) row.plans = await explainUseCase(core, () => fn(0));
    r.rows.push(row);
    console.log(
      `  ${name.padEnd(58)} ${fmtPercentiles(p)}  ${row.rows ?? ''}${row.total !== undefined ? ` / ${row.total}` : ''}`,
    );
  };
  const listShape = (x) => ({ rows: x.items.length, total: `${x.total}${x.totalCapped ? '+' : ''}` });

  // (b) 档案查询, page size 20.
  const filters = [
    ['first page', {}],
    [`keyword q=${KEYWORD}`, { q: KEYWORD }],
    ['appealType=complaint', { appealType: 'complaint' }],
    ['expired=true (保管期限已到)', { expired: true }],
  ];
  for (const [who, actor] of [
    ['supervisor', supervisor],
    [`unit user (${unitUser.unitId})`, unitUser],
  ]) {
    for (const [label, q] of filters) {
      await run(
        `searchArchive, ${who}: ${label}`,
        () => searchArchive(core, actor, { ...q, page: 1, pageSize: 20 }),
        {
          shape: listShape,
        },
      );
    }
  }
  // (c) one sealed record with its verification (the order's chain, record hash, head, link).
  await run(
    'getArchiveRecord (supervisor): record + verify one order',
    (i) => getArchiveRecord(core, supervisor, ids[i % ids.length]),
    {
      shape: (x) => ({
        rows: `${x.verification.eventsChecked} events, ${x.verification.ok ? 'ok' : 'BROKEN'}`,
        bytes: x.record ? JSON.stringify(x.record).length : 0,
      }),
    },
  );
  // (d) the public lookup: a hit each time, a different order and a fresh address each time (a success
  // clears the order's count and takes back the address's, so the limits are never reached anyway).
  await run(
    'lookupCase (public, a hit)',
    (i) => {
      const o = sample[i % sample.length];
      return lookupCase(core, {
        orderNo: o.order_no,
        phoneLast4: o.caller_phone.slice(-4),
        ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      });
    },
    { shape: (x) => ({ rows: `${x.steps.length} steps, ${x.phase}` }) },
  );
  // Baselines: primary-key lookups (the noise floor of every read).
  await run(
    'baseline: order_archives primary-key lookup',
    (i) =>
      db
        .selectFrom('order_archives')
        .select(['order_id', 'archive_seq'])
        .where('order_id', '=', ids[i % ids.length])
        .executeTakeFirst(),
    { runs: 2000, warmup: 200, shape: () => ({}), plans: false },
  );
  await run(
    'baseline: work_orders by order number',
    (i) =>
      db
        .selectFrom('work_orders')
        .select(['id', 'status'])
        .where('order_no', '=', sample[i % sample.length].order_no)
        .executeTakeFirst(),
    { runs: 2000, warmup: 200, shape: () => ({}), plans: false },
  );
}

async function documents(core, r, templateOrderId) {
  const { db } = core.database;
  const supervisor = await actorOf(db, 'supervisor');
  // (e) one printable 工单 of a demo order with a full timeline; the first PDF loads the fonts.
  const firstPdf = await timeOnce(() => exportOrderDocument(core, supervisor, templateOrderId, 'pdf'));
  // The fonts stay loaded for the process: after a first database, the "first" PDF is a warm one.
  r.docs = { firstPdf: { ms: firstPdf.ms, bytes: firstPdf.value.body.length, warm: pdfFontsLoaded } };
  pdfFontsLoaded = true;
  for (const format of ['pdf', 'html']) {
    const call = () => exportOrderDocument(core, supervisor, templateOrderId, format);
    const p = await measure(call, { runs: DOC_RUNS, warmup: 2 });
    r.docs[format] = { ...p, bytes: (await call()).body.length };
    console.log(`  exportOrderDocument ${format}: ${fmtPercentiles(p)}, ${kib(r.docs[format].bytes)}`);
  }
  console.log(
    `  exportOrderDocument pdf, first call${r.docs.firstPdf.warm ? ' (fonts already loaded)' : ' (loads the fonts)'}: ${ms(firstPdf.ms)}`,
  );
  // exportOrders: the archived orders of the latest whole local days that hold at most EXPORT_ROWS.
  const tz = core.config.timeZone;
  const edge = await db
    .selectFrom('work_orders')
    .select('created_at')
    .where('status', '=', 'archived')
    .orderBy('created_at', 'desc')
    .limit(1)
    .offset(EXPORT_ROWS - 1)
    .executeTakeFirst();
  const query = {
    status: ['archived'],
    ...(edge ? { from: addDays(toLocalDate(new Date(edge.created_at), tz), 1) } : {}),
    to: toLocalDate(NOW, tz),
  };
  const rows = (await listWorkOrders(core, supervisor, { ...query, pageSize: 1 })).total;
  r.exports = { query, rows };
  for (const format of ['xlsx', 'csv']) {
    const m = await medianOf(() => exportOrders(core, supervisor, query, format), 3);
    r.exports[format] = { ms: m.ms, first: m.first, bytes: m.value.body.length };
    console.log(
      `  exportOrders ${format}: ${int(rows)} rows, median ${ms(m.ms)} (first ${ms(m.first)}), ${kib(m.value.body.length)}`,
    );
  }
}

function markdown(label, r) {
  const v = r.verify;
  const rate = (count, time) => int(count / (time / 1000));
  const lines = [
    `# Closure and archive at scale — ${label}`,
    '',
    `${int(N)} archived orders · ${r.when} · ${os.cpus().length} CPUs · Node ${process.version}`,
    `Load before: ${r.loadBefore} · after: ${r.loadAfter}`,
    '',
    `Seeded in ${r.seed.seconds.toFixed(1)} s: ${Object.entries(r.seed.counts)
      .map(([k, x]) => `${int(x)} ${k}`)
      .join(
        ', ',
      )}, ${r.seed.recordMiB.toFixed(0)} MiB of sealed records, created ${r.seed.firstDay} … ${r.seed.lastDay} (plus the demo city).`,
    '',
    '| audit chain (`verifyAuditChain`, whole database) | figure |',
    '| --- | --- |',
    ...v.flatMap((x, k) => [
      `| pass ${k + 1}: total | ${secs(x.ms)} — ${x.report.ok ? 'ok' : `**${x.report.breaks} breaks**`} |`,
      `| pass ${k + 1}: event chains | ${secs(x.eventsMs)} — ${int(x.report.eventsChecked)} events of ${int(x.report.ordersChecked)} orders (${rate(x.report.eventsChecked, x.eventsMs)} events/s) |`,
      `| pass ${k + 1}: sealed records | ${secs(x.archivesMs)} — ${int(x.report.archivesChecked)} archives (${rate(x.report.archivesChecked, x.archivesMs)} archives/s) |`,
    ]),
    `| pass 2 overall | ${rate(v[1].report.eventsChecked, v[1].ms)} events/s, ${rate(v[1].report.archivesChecked, v[1].ms)} archives/s |`,
    `| baseline: \`select count(*), max(hash) from work_order_events\` (median of 3) | ${secs(r.scanEvents.ms)} |`,
    `| baseline: \`select count(*), max(record_hash) from order_archives\` (median of 3) | ${secs(r.scanArchives.ms)} |`,
    '',
    `| query | p50 | p95 | p99 | rows / total | runs | p95 ≤ ${TARGET_P95_MS} ms |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...r.rows.map(
      (x) =>
        `| ${x.name} | ${ms(x.p50)} | ${ms(x.p95)} | ${ms(x.p99)} | ${x.rows ?? '–'}${x.total !== undefined ? ` / ${x.total}` : ''} | ${x.runs} | ${x.met ? 'yes' : '**no**'} |`,
    ),
    ...r.failed.map((f) => `| ${f.name} | failed: ${f.error} | | | | | |`),
    '',
    '| document / export | figure | size |',
    '| --- | --- | --- |',
    `| \`exportOrderDocument\` pdf, first call ${r.docs.firstPdf.warm ? '(fonts already loaded by the previous database)' : '(loads the fonts)'} | ${ms(r.docs.firstPdf.ms)} | ${kib(r.docs.firstPdf.bytes)} |`,
    `| \`exportOrderDocument\` pdf (${DOC_RUNS} runs) | ${fine(r.docs.pdf)} | ${kib(r.docs.pdf.bytes)} |`,
    `| \`exportOrderDocument\` html (${DOC_RUNS} runs) | ${fine(r.docs.html)} | ${kib(r.docs.html.bytes)} |`,
    ...['xlsx', 'csv'].map(
      (f) =>
        `| \`exportOrders\` ${f}, ${int(r.exports.rows)} archived orders (median of 3) | ${ms(r.exports[f].ms)} (first ${ms(r.exports[f].first)}; ${int(r.exports.rows / (r.exports[f].ms / 1000))} rows/s) | ${kib(r.exports[f].bytes)} |`,
    ),
    '',
    `Export filter: \`${JSON.stringify(r.exports.query)}\` (the latest whole days of archived orders holding at most ${int(EXPORT_ROWS)}).`,
  ];
  for (const x of r.rows.filter((y) => y.plans)) {
    lines.push('', `## Plans: ${x.name}`);
    for (const p of x.plans) lines.push('', '```sql', p.sql, '```', '', '```', p.plan, '```');
  }
  return `${lines.join('\n')}\n`;
}

async function run(label, url) {
  const report = { when: new Date().toISOString(), loadBefore: loadLine() };
  console.log(`\n${label}: seeding ${int(N)} archived orders · ${report.loadBefore}`);
  const core = createCore({ databaseUrl: url, now: () => NOW });
  try {
    await prepareDatabase(core);
    await seedDemo(core);
    report.seed = await seedArchives(core, url, { n: N, now: NOW, log: console.log });
    console.log(`  seeding took ${report.seed.seconds.toFixed(1)} s (not the benchmark)`);
    await chain(core, report);
    await queries(core, report);
    await documents(core, report, report.seed.templateOrderId);
  } finally {
    await core.close();
  }
  report.loadAfter = loadLine();
  const text = markdown(label, report);
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `closure-archive-${label === 'SQLite' ? 'sqlite' : 'postgres'}.md`);
  writeFileSync(file, text);
  console.log(`\n${text}\n(written to ${file})`);
}

console.log(`closure-archive bench · ${os.cpus().length} CPUs · Node ${process.version} · ${loadLine()}`);
await forEachDatabase(await whichDatabases(), run, { pgName: 'huawu_bench_archive' });
