#!/usr/bin/env node
// Intake-desk latency at scale: the live intake check (five elements + scope rules + duplicate
// candidates) and a caller's history, over N work orders (default 100,000: 20,000 callers with five
// orders each over a year, a third closed), on SQLite and PostgreSQL. In the same run, a baseline: the
// first page of the order list for the same reader. A script, not a test: it prints figures.
//
//   npx tsc -b && node bench/intake-check.bench.mjs [--n 100000] [--runs 300] [--db sqlite|postgres|both]
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  checkIntake,
  createCore,
  getCallerHistory,
  listWorkOrders,
  prepareDatabase,
  seedDemo,
} from '../packages/core/dist/index.js';
import {
  actorOf,
  arg,
  fmtPercentiles as fmt,
  forEachDatabase,
  measure as measureRuns,
  whichDatabases,
} from './support/bench-databases.mjs';

const N = Number(arg('n', process.env.N ?? 100_000));
const RUNS = Number(arg('runs', 300));
const NOW = new Date('2026-06-01T02:00:00.000Z');

const TITLES = ['小区夜间施工噪音扰民', '路灯不亮', '超市销售过期食品', '公积金提取咨询'];
const COLUMNS =
  'id, order_no, status, version, channel, caller_name, caller_phone, caller_type, anonymous, confidential, ' +
  'wants_callback, appeal_type, category, title, content, address, division_code, urgency, redo_count, ' +
  'extension_count, created_by, created_at, updated_at';
const title = `case n % 4 ${TITLES.map((t, i) => (i < 3 ? `when ${i} then '${t}'` : `else '${t}'`)).join(' ')} end`;
const values = (created, phone) =>
  `'bench-' || n, 'B' || n, case when n % 3 = 0 then 'closed' else 'intake' end, 1, 'phone', '来电人', ${phone},
   'person', 0, 0, 1, 'complaint', '0' || (1 + n % 9) || '0' || (1 + n % 5), ${title},
   '来电人反映第' || n || '号事项，' || ${title}, '东城区和平路' || (n % 300) || '号', '6201' || (n % 7),
   'normal', 0, 0, (select id from users where username = 'agent'), ${created}, ${created}`;

async function fill(core) {
  const { sql } = await import('kysely');
  const { db } = core.database;
  if (core.database.dialect === 'sqlite') {
    const created = `strftime('%Y-%m-%dT%H:%M:%fZ', '2026-06-01T02:00:00Z', '-' || (n % 525600) || ' minutes')`;
    await sql
      .raw(`with recursive seq(n) as (select 1 union all select n + 1 from seq where n < ${N})
        insert into work_orders (${COLUMNS}) select ${values(created, `'138' || substr('00000000' || (n % 20000), -8)`)} from seq`)
      .execute(db);
  } else {
    const created = `to_char(timestamp '2026-06-01 02:00:00' - (n % 525600) * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    await sql
      .raw(`insert into work_orders (${COLUMNS}) select ${values(created, `'138' || lpad((n % 20000)::text, 8, '0')`)}
        from generate_series(1, ${N}) as n`)
      .execute(db);
  }
  await sql.raw('analyze').execute(db);
}

const measure = (fn) => measureRuns(fn, { runs: RUNS });

async function run(name, url) {
  const core = createCore({ databaseUrl: url, now: () => NOW });
  await prepareDatabase(core);
  await seedDemo(core);
  const started = performance.now();
  await fill(core);
  const fillSeconds = (performance.now() - started) / 1000;
  const agent = await actorOf(core.database.db, 'agent');
  const draft = (i) => ({
    callerPhone: `138${String((i * 37) % 20000).padStart(8, '0')}`,
    title: TITLES[i % 4],
    content: `和平路${i % 300}号附近${TITLES[i % 4]}，已经持续一周`,
    address: `东城区和平路${i % 300}号`,
    category: `0${1 + (i % 9)}0${1 + (i % 5)}`,
    divisionCode: `6201${i % 7}`,
  });
  const baseline = await measure(() => listWorkOrders(core, agent, { page: 1, pageSize: 20 }));
  const check = await measure((i) => checkIntake(core, agent, draft(i)));
  const history = await measure((i) => getCallerHistory(core, agent, draft(i).callerPhone));
  await core.close();
  console.log(
    `\n${name}: ${N.toLocaleString('en')} orders (filled in ${fillSeconds.toFixed(1)} s), ${RUNS} runs each`,
  );
  console.log(`  baseline: order list, first page   ${fmt(baseline)}`);
  console.log(
    `  intake check (5 elements+scope+dup) ${fmt(check)}   p50 ratio ×${(check.p50 / baseline.p50).toFixed(2)}`,
  );
  console.log(
    `  caller history                      ${fmt(history)}   p50 ratio ×${(history.p50 / baseline.p50).toFixed(2)}`,
  );
}

const which = await whichDatabases();
console.log(`intake-check bench · ${os.cpus().length} CPUs · Node ${process.version}`);
await forEachDatabase(which, run);
