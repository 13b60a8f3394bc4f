#!/usr/bin/env node
// Huawu lifecycle benchmark: intake throughput, the full work-order lifecycle and list/search latency
// over real HTTP against the real server (child process), next to a "ceiling" (bare Fastify + one
// better-sqlite3 INSERT) measured in the same run with the same load generator.
// A script, not a test: it prints figures and never fails on timing. See bench/README.md.
//
//   npm run bench                       # build, then run with defaults
//   node bench/lifecycle.bench.mjs --n 500 --db sqlite
//   N=2000 CONCURRENCY=32 DB=both node bench/lifecycle.bench.mjs
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createHttpClient, median, percentiles, runPool } from './support/http-client.mjs';
import { cpuMsOf, memoryOf, startChild, stopAllChildren } from './support/processes.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const RESULTS_DIR = join(here, 'results');
const SERVER_CHILD = process.env.HUAWU_BENCH_SERVER_CHILD ?? join(here, 'support', 'server-child.mjs');
const CEILING_CHILD = join(here, 'support', 'ceiling-child.mjs');
const PASSWORD = 'Huawu2026';
const ROLES = ['agent', 'dispatcher', 'handler', 'reviewer', 'callback', 'supervisor'];

// ---------------------------------------------------------------------------------------------
// Options: --name value / --name=value, else the environment variable, else the default.

function option(name, envName, fallback) {
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}`) return argv[i + 1];
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
  }
  return process.env[envName] ?? fallback;
}
const intOption = (name, envName, fallback) => {
  const value = Number(option(name, envName, String(fallback)));
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} / ${envName} must be a positive integer`);
  return value;
};

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`usage: node bench/lifecycle.bench.mjs [--n N] [--concurrency C] [--db sqlite|postgres|both]
  env: N (2000), CONCURRENCY (32), DB (both if PostgreSQL is reachable, else sqlite), ROUNDS (3),
       WARMUP (200), LIFECYCLE_N (= N), LIFECYCLE_SECONDS (45, cap), LIST_N (200), OPEN_SECONDS (4), HUAWU_BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres),
       HUAWU_BENCH_CPU_PROF=1 (write a V8 CPU profile of each server child to bench/results/profiles/)`);
  process.exit(0);
}

const opts = {
  n: intOption('n', 'N', 2000),
  concurrency: intOption('concurrency', 'CONCURRENCY', 32),
  rounds: intOption('rounds', 'ROUNDS', 3),
  warmup: intOption('warmup', 'WARMUP', 200),
  listN: intOption('list-n', 'LIST_N', 200),
  openSeconds: intOption('open-seconds', 'OPEN_SECONDS', 4),
  lifecycleSeconds: intOption('lifecycle-seconds', 'LIFECYCLE_SECONDS', 45),
  db: option('db', 'DB', undefined),
  pgUrl: option('pg-url', 'HUAWU_BENCH_PG_URL', 'postgres://postgres@127.0.0.1:5432/postgres'),
  cpuProf: option('cpu-prof', 'HUAWU_BENCH_CPU_PROF', '') === '1',
};
opts.lifecycleN = intOption('lifecycle-n', 'LIFECYCLE_N', opts.n);

// ---------------------------------------------------------------------------------------------
// Cleanup: children are killed by support/processes.mjs on exit; temp dirs and PG databases here.

const tempDirs = [];
const pgDatabases = [];
let cleaningUp;

async function dropPgDatabase(name) {
  const admin = new pg.Client({ connectionString: opts.pgUrl, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
    await admin.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end().catch(() => {});
  }
}

function cleanup() {
  cleaningUp ??= (async () => {
    await stopAllChildren();
    for (const name of pgDatabases.splice(0)) {
      await dropPgDatabase(name).catch((e) => console.error(`could not drop database ${name}: ${e.message}`));
    }
    for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  })();
  return cleaningUp;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping children and dropping temporary databases…`);
    cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// Load shapes.

const APPEALS = [
  [
    'complaint',
    '小区夜间施工噪音扰民',
    '反映和平路附近工地连续多日夜间22点后仍在施工，噪音很大，影响休息，希望有关部门处理。',
    '东城区和平路18号',
  ],
  [
    'consultation',
    '咨询公积金提取办理材料',
    '来电人咨询购买首套住房提取住房公积金需要准备哪些材料，能否网上办理。',
    null,
  ],
  [
    'help',
    '老旧小区楼道灯损坏',
    '新华街道幸福里小区3号楼楼道灯已坏一个月，老人上下楼不便，希望尽快维修。',
    '东城区幸福里小区3号楼',
  ],
  [
    'complaint',
    '物业擅自提高停车费',
    '滨河街道碧水湾小区物业未经业主大会同意将停车费由每月150元提高到300元。',
    '西城区碧水湾小区',
  ],
  [
    'report',
    '举报餐馆油烟直排',
    '滨河路一家餐馆未安装油烟净化设施，油烟直接排向居民楼，举报请求处理。',
    '西城区滨河路102号',
  ],
  [
    'suggestion',
    '建议增设公交站点',
    '建议在东城区新华路与建设路交叉口增设公交站点，方便周边居民出行。',
    '东城区新华路与建设路交叉口',
  ],
];
const SEARCH_KEYWORD = '噪音';

function intakeBody(i) {
  const [appealType, title, content, address] = APPEALS[i % APPEALS.length];
  return {
    channel: 'phone',
    callerName: '张先生',
    callerPhone: `139${String(i % 100_000_000).padStart(8, '0')}`,
    appealType,
    title,
    content: `${content}（压测 #${i}）`,
    ...(address ? { address } : {}),
    urgency: 'normal',
    wantsCallback: true,
  };
}

const LIFECYCLE = [
  ['submit_for_dispatch', 'agent', {}],
  ['dispatch', 'dispatcher', { leadUnitId: 'city-housing' }],
  ['sign', 'handler', {}],
  [
    'reply',
    'handler',
    { result: 'resolved', publicReply: '已联系施工单位，夜间停止施工。', signedOffBy: '王科长' },
  ],
  [
    'approve_reply',
    'reviewer',
    { checks: ['answers_appeal', 'public_wording', 'signed_off', 'result_consistent'] },
  ],
  ['reply_to_caller', 'callback', { method: 'phone', content: '已电话告知处理结果。' }],
  ['callback', 'callback', { satisfaction: 'satisfied', resolved: 'yes' }],
  ['archive', 'supervisor', {}],
];

// ---------------------------------------------------------------------------------------------
// Measured phases.

class Failures {
  count = 0;
  samples = [];
  add(what, res) {
    this.count++;
    if (this.samples.length < 5) {
      const detail =
        res instanceof Error ? res.message : `${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;
      this.samples.push(`${what}: ${detail}`);
    }
  }
}

/** Runs `count` requests of one shape at `concurrency`; returns throughput, latency and CPU. */
async function loadPhase({ client, count, concurrency, meters, send, expect = 200, onResponse }) {
  const latencies = [];
  const failures = new Failures();
  const cpuBefore = snapshotAll(meters);
  const clientCpuBefore = process.cpuUsage();
  const started = performance.now();
  await runPool(count, concurrency, async (i) => {
    const [method, path, body, token] = send(i);
    try {
      const res = await client.request(method, path, { body, token });
      latencies.push(res.ms);
      if (res.status !== expect) failures.add(`${method} ${path}`, res);
      else onResponse?.(i, res);
    } catch (error) {
      failures.add(`${method} ${path}`, error);
    }
  });
  const seconds = (performance.now() - started) / 1000;
  return summarize(latencies, seconds, failures, cpuBefore, meters, clientCpuBefore);
}

// CPU meters: each snapshot() maps pid → cumulative CPU ms; a phase's CPU is the difference.
function processMeter(pid) {
  return { snapshot: () => new Map([[pid, cpuMsOf(pid)]]) };
}
/** The PostgreSQL backends serving one database (found by their process titles). */
function pgBackendMeter(database) {
  return {
    snapshot() {
      const out = new Map();
      let entries = [];
      try {
        entries = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
      } catch {
        return out;
      }
      for (const d of entries) {
        try {
          const title = readFileSync(`/proc/${d}/cmdline`, 'utf8').replaceAll('\0', ' ');
          if (title.startsWith('postgres:') && title.includes(` ${database} `))
            out.set(Number(d), cpuMsOf(Number(d)));
        } catch {}
      }
      return out;
    },
  };
}
const snapshotAll = (meters) => Object.fromEntries(Object.entries(meters).map(([k, m]) => [k, m.snapshot()]));
function cpuDelta(before, after) {
  let sum = 0;
  for (const [pid, ms] of after) {
    if (ms === null) return null;
    sum += ms - (before.get(pid) ?? 0);
  }
  return sum;
}

function summarize(latencies, seconds, failures, cpuBefore, meters, clientCpuBefore) {
  const ok = latencies.length - failures.count;
  const after = snapshotAll(meters);
  const cpu = (k) => (meters[k] ? cpuDelta(cpuBefore[k], after[k]) : null);
  const serverCpuMs = cpu('server');
  const dbCpuMs = cpu('db');
  const clientCpu = process.cpuUsage(clientCpuBefore);
  const requests = latencies.length;
  return {
    requests,
    failures: failures.count,
    failureSamples: failures.samples,
    seconds: round(seconds, 3),
    perSecond: round(ok / seconds, 1),
    ...mapValues(percentiles(latencies), (v) => round(v, 2)),
    serverCpuMsPerRequest: serverCpuMs === null ? null : round(serverCpuMs / Math.max(1, requests), 3),
    dbCpuMsPerRequest: dbCpuMs === null ? null : round(dbCpuMs / Math.max(1, requests), 3),
    clientCpuMsPerRequest: round((clientCpu.user + clientCpu.system) / 1000 / Math.max(1, requests), 3),
  };
}

async function login(client, username) {
  const res = await client.request('POST', '/api/auth/login', { body: { username, password: PASSWORD } });
  if (res.status !== 200 || !res.body?.token) {
    throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body.token;
}

function createPhase(client, tokens, meters, count, concurrency, offset, created) {
  return loadPhase({
    client,
    count,
    concurrency,
    meters,
    expect: 201,
    send: (i) => ['POST', '/api/work-orders', intakeBody(offset + i), tokens.agent],
    onResponse: (i, res) => {
      created[i] = { id: res.body.id, version: res.body.version };
    },
  });
}

function ceilingPhase(client, meters, count, concurrency) {
  return loadPhase({
    client,
    count,
    concurrency,
    meters,
    expect: 201,
    send: (i) => ['POST', '/insert', intakeBody(i), undefined],
  });
}

/**
 * Open loop: requests are sent on a fixed schedule (`rate` per second) whatever the answers, and
 * latency is counted from each request's scheduled time, so a server that falls behind shows it
 * (no coordinated omission). This is the latency a given offered load sees.
 */
async function openLoopPhase({ client, rate, seconds, meters, send, expect }) {
  const count = Math.max(1, Math.round(rate * seconds));
  const latencies = [];
  const failures = new Failures();
  const cpuBefore = snapshotAll(meters);
  const clientCpuBefore = process.cpuUsage();
  const started = performance.now();
  const inFlight = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait >= 1) await new Promise((r) => setTimeout(r, wait));
    const [method, path, body, token] = send(i);
    inFlight.push(
      client.request(method, path, { body, token }).then(
        (res) => {
          latencies.push(performance.now() - due);
          if (res.status !== expect) failures.add(`${method} ${path}`, res);
        },
        (error) => failures.add(`${method} ${path}`, error),
      ),
    );
  }
  await Promise.all(inFlight);
  const seconds_ = (performance.now() - started) / 1000;
  return {
    offeredPerSecond: round(rate, 1),
    ...summarize(latencies, seconds_, failures, cpuBefore, meters, clientCpuBefore),
  };
}

/**
 * Each client walks whole orders, one after another, through the eight lifecycle steps. After
 * `maxSeconds` no new order is started (orders under way finish), so a slow database or a busy
 * machine cannot stretch the run without bound.
 */
async function lifecyclePhase(
  client,
  tokens,
  meters,
  orders,
  concurrency,
  maxSeconds = Number.POSITIVE_INFINITY,
) {
  const perStep = new Map(LIFECYCLE.map(([event]) => [event, []]));
  const all = [];
  const failures = new Failures();
  let completed = 0;
  let started_ = 0;
  const cpuBefore = snapshotAll(meters);
  const clientCpuBefore = process.cpuUsage();
  const started = performance.now();
  const stopAt = started + maxSeconds * 1000;
  await runPool(orders.length, concurrency, async (i) => {
    const order = orders[i];
    if (!order || performance.now() > stopAt) return;
    started_++;
    let version = order.version;
    for (const [event, role, input] of LIFECYCLE) {
      const path = `/api/work-orders/${order.id}/transitions`;
      try {
        const res = await client.request('POST', path, {
          body: { event, input, version },
          token: tokens[role],
        });
        perStep.get(event).push(res.ms);
        all.push(res.ms);
        if (res.status !== 200) {
          failures.add(event, res);
          return;
        }
        version = res.body.version;
      } catch (error) {
        failures.add(event, error);
        return;
      }
    }
    completed++;
  });
  const seconds = (performance.now() - started) / 1000;
  const total = summarize(all, seconds, failures, cpuBefore, meters, clientCpuBefore);
  return {
    orders: orders.length,
    started: started_,
    timeCapped: started_ < orders.length,
    maxSeconds: Number.isFinite(maxSeconds) ? maxSeconds : null,
    completed,
    lifecyclesPerSecond: round(completed / seconds, 1),
    requestsPerSecond: total.perSecond,
    total,
    steps: Object.fromEntries(
      [...perStep].map(([event, values]) => [
        event,
        mapValues(percentiles(values, [50, 99]), (v) => round(v, 2)),
      ]),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// One database: fresh storage, server child, warm-up, interleaved rounds, lifecycle, list/search.

async function prepareStorage(kind) {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(os.tmpdir(), 'huawu-bench-'));
    tempDirs.push(dir);
    return { url: join(dir, 'huawu.db'), label: 'temp SQLite file' };
  }
  const name = `huawu_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: opts.pgUrl, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
    pgDatabases.push(name);
  } finally {
    await admin.end();
  }
  const url = new URL(opts.pgUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), label: `database ${name}`, pgName: name };
}

async function benchDatabase(kind, ceiling) {
  const storage = await prepareStorage(kind);
  log(`[${kind}] ${storage.label}: starting server child…`);
  const execArgv = opts.cpuProf
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${join(RESULTS_DIR, 'profiles')}`,
        `--cpu-prof-name=server-${kind}-${Date.now()}.cpuprofile`,
      ]
    : [];
  const t0 = performance.now();
  const server = await startChild(SERVER_CHILD, {
    name: `server (${kind})`,
    env: { HUAWU_BENCH_DB_URL: storage.url },
    execArgv,
  });
  const startupMs = round(performance.now() - t0, 0);
  log(`[${kind}] server up at ${server.url} in ${startupMs} ms (migrations, demo seed)`);
  const client = createHttpClient(server.url, { maxSockets: opts.concurrency });
  try {
    const tokens = {};
    for (const role of ROLES) tokens[role] = await login(client, role);
    const meters = {
      server: processMeter(server.pid),
      ...(storage.pgName ? { db: pgBackendMeter(storage.pgName) } : {}),
    };

    log(`[${kind}] warm-up (${opts.warmup} creates + ${Math.ceil(opts.warmup / 8 / 4)} lifecycles)…`);
    const warmOrders = [];
    await createPhase(client, tokens, meters, opts.warmup, opts.concurrency, 1_000_000, warmOrders);
    await lifecyclePhase(
      client,
      tokens,
      meters,
      warmOrders.slice(0, Math.ceil(opts.warmup / 8 / 4)),
      opts.concurrency,
    );

    const ceilingRounds = [];
    const createRounds = [];
    let created = [];
    for (let r = 0; r < opts.rounds; r++) {
      const c = await ceilingPhase(
        ceiling.client,
        { server: processMeter(ceiling.pid) },
        opts.n,
        opts.concurrency,
      );
      ceilingRounds.push(c);
      const orders = [];
      const k = await createPhase(client, tokens, meters, opts.n, opts.concurrency, r * opts.n, orders);
      createRounds.push(k);
      created = created.concat(orders);
      log(
        `[${kind}] round ${r + 1}/${opts.rounds}: ceiling ${fmt(c.perSecond)} req/s (p99 ${fmt(c.p99)} ms) · ` +
          `create ${fmt(k.perSecond)} orders/s (p99 ${fmt(k.p99)} ms)`,
      );
    }

    // The load the ratio speaks about (25 % of the ceiling), unless the server cannot sustain it: an
    // open loop above capacity only measures a growing queue, so then 80 % of the measured capacity.
    const targetRate = 0.25 * median(ceilingRounds.map((c) => c.perSecond));
    const capacity = median(createRounds.map((c) => c.perSecond));
    const openRate = Math.min(targetRate, 0.8 * capacity);
    const openBasis =
      openRate === targetRate
        ? '25 % of the ceiling'
        : `80 % of create capacity; 25 % of the ceiling = ${fmt(targetRate)}/s is more than the server sustains`;
    log(
      `[${kind}] open loop: creates offered at ${fmt(openRate)}/s (${openBasis}) for ${opts.openSeconds} s…`,
    );
    const openClient = createHttpClient(server.url, { maxSockets: 256 });
    let openLoop;
    try {
      openLoop = await openLoopPhase({
        client: openClient,
        rate: openRate,
        seconds: opts.openSeconds,
        meters,
        expect: 201,
        send: (i) => ['POST', '/api/work-orders', intakeBody(5_000_000 + i), tokens.agent],
      });
    } finally {
      openClient.close();
    }

    const toWalk = created.filter(Boolean).slice(0, opts.lifecycleN);
    log(`[${kind}] lifecycle: ${toWalk.length} orders × ${LIFECYCLE.length} steps…`);
    const lifecycle = await lifecyclePhase(
      client,
      tokens,
      meters,
      toWalk,
      opts.concurrency,
      opts.lifecycleSeconds,
    );
    if (lifecycle.timeCapped) {
      log(
        `[${kind}] lifecycle: time cap of ${opts.lifecycleSeconds} s reached after ${lifecycle.started} of ${toWalk.length} orders (LIFECYCLE_SECONDS)`,
      );
    }

    const totalOrders = created.length + warmOrders.length + openLoop.requests;
    log(`[${kind}] list and search with ~${totalOrders} orders in the database…`);
    const queries = {};
    const shapes = {
      list: ['/api/work-orders?pageSize=20', 'agent'],
      search: [`/api/work-orders?pageSize=20&q=${encodeURIComponent(SEARCH_KEYWORD)}`, 'agent'],
      listUnitScope: ['/api/work-orders?pageSize=20', 'handler'],
      authMe: ['/api/auth/me', 'agent'],
    };
    for (const [name, [path, role]] of Object.entries(shapes)) {
      const send = () => ['GET', path, undefined, tokens[role]];
      queries[name] = {
        path,
        role,
        sequential: await loadPhase({
          client,
          count: Math.min(50, opts.listN),
          concurrency: 1,
          meters,
          send,
        }),
        concurrent: await loadPhase({
          client,
          count: opts.listN,
          concurrency: opts.concurrency,
          meters,
          send,
        }),
      };
    }

    const memory = memoryOf(server.pid);
    return {
      database: kind,
      startupMs,
      ordersInDatabase: totalOrders,
      create: { median: medianRound(createRounds), rounds: createRounds },
      createOpenLoop: { ...openLoop, basis: openBasis, targetPerSecond: round(targetRate, 1) },
      ceiling: { median: medianRound(ceilingRounds), rounds: ceilingRounds },
      lifecycle,
      queries,
      serverMemory: memory,
    };
  } finally {
    client.close();
    await server.stop();
    if (storage.pgName) {
      await dropPgDatabase(storage.pgName);
      pgDatabases.splice(pgDatabases.indexOf(storage.pgName), 1);
    }
  }
}

function medianRound(rounds) {
  const keys = [
    'perSecond',
    'p50',
    'p95',
    'p99',
    'serverCpuMsPerRequest',
    'dbCpuMsPerRequest',
    'clientCpuMsPerRequest',
  ];
  return Object.fromEntries(keys.map((k) => [k, round(median(rounds.map((r) => r[k])), 3)]));
}

// ---------------------------------------------------------------------------------------------
// Main.

async function pgReachable() {
  const client = new pg.Client({ connectionString: opts.pgUrl, connectionTimeoutMillis: 2_000 });
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

async function main() {
  const notes = [];
  let databases;
  if (opts.db === undefined || opts.db === '') {
    if (await pgReachable()) databases = ['sqlite', 'postgres'];
    else {
      databases = ['sqlite'];
      notes.push(
        `PostgreSQL not reachable at ${redact(opts.pgUrl)}: SQLite only (set HUAWU_BENCH_PG_URL or DB=sqlite).`,
      );
    }
  } else if (opts.db === 'both') databases = ['sqlite', 'postgres'];
  else if (opts.db === 'sqlite' || opts.db === 'postgres') databases = [opts.db];
  else throw new Error(`DB must be sqlite, postgres or both (got ${opts.db})`);
  if (databases.includes('postgres') && !(await pgReachable())) {
    throw new Error(`PostgreSQL not reachable at ${redact(opts.pgUrl)}`);
  }
  for (const note of notes) console.log(`note: ${note}`);
  log(
    `N=${opts.n} CONCURRENCY=${opts.concurrency} ROUNDS=${opts.rounds} DB=${databases.join('+')} ` +
      `(node ${process.version}, ${os.cpus().length} CPUs)`,
  );

  mkdirSync(RESULTS_DIR, { recursive: true });
  const ceilingDir = mkdtempSync(join(os.tmpdir(), 'huawu-bench-ceiling-'));
  tempDirs.push(ceilingDir);
  const ceilingChild = await startChild(CEILING_CHILD, {
    name: 'ceiling',
    env: { HUAWU_BENCH_CEILING_DB: join(ceilingDir, 'ceiling.db') },
  });
  const ceiling = {
    pid: ceilingChild.pid,
    client: createHttpClient(ceilingChild.url, { maxSockets: opts.concurrency }),
  };
  const started = performance.now();
  const loadBefore = machineLoad();
  const results = [];
  try {
    await ceilingPhase(ceiling.client, { server: processMeter(ceiling.pid) }, opts.warmup, opts.concurrency);
    for (const kind of databases) results.push(await benchDatabase(kind, ceiling));
  } finally {
    ceiling.client.close();
  }
  const ceilingMemory = memoryOf(ceiling.pid);
  await ceilingChild.stop();

  const sqlite = results.find((r) => r.database === 'sqlite');
  const target = sqlite
    ? (() => {
        const ratio = sqlite.create.median.perSecond / sqlite.ceiling.median.perSecond;
        const met = ratio >= 0.25 && sqlite.create.median.p99 <= 25;
        return {
          ratio: round(ratio, 3),
          cpuCostRatio: round(
            sqlite.ceiling.median.serverCpuMsPerRequest / sqlite.create.median.serverCpuMsPerRequest,
            3,
          ),
          createP99Ms: sqlite.create.median.p99,
          rule: 'SQLite create orders/s ≥ 25 % of ceiling req/s and create p99 ≤ 25 ms at 32 concurrent clients',
          met,
          comparable: opts.concurrency === 32,
        };
      })()
    : null;

  const report = {
    generatedAt: new Date().toISOString(),
    options: { ...opts, pgUrl: redact(opts.pgUrl), databases },
    machine: {
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      totalMemMiB: Math.round(os.totalmem() / 2 ** 20),
    },
    notes,
    results,
    target,
    ceilingMemory,
    clientPeakRssMiB: round(process.resourceUsage().maxRSS / 1024, 1),
    machineLoad: { before: loadBefore, after: machineLoad() },
    totalSeconds: round((performance.now() - started) / 1000, 1),
  };
  printReport(report);
  writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwritten: ${join('bench', 'results', 'latest.json')}`);
}

// ---------------------------------------------------------------------------------------------
// Output.

function printReport(report) {
  const { results, target } = report;
  console.log(
    `\n=== Huawu lifecycle benchmark — N=${report.options.n}, ${report.options.concurrency} concurrent clients, medians of ${report.options.rounds} rounds ===`,
  );
  const rows = [
    [
      'phase',
      'db',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'server cpu ms/req',
      'pg cpu ms/req',
      'client cpu ms/req',
      'errors',
    ],
  ];
  for (const r of results) {
    const c = r.ceiling.median;
    const k = r.create.median;
    const errors = (rounds) => rounds.reduce((s, x) => s + x.failures, 0);
    rows.push([
      'ceiling (bare insert)',
      `(vs ${r.database})`,
      fmt(c.perSecond),
      fmt(c.p50),
      fmt(c.p95),
      fmt(c.p99),
      fmt(c.serverCpuMsPerRequest),
      '',
      fmt(c.clientCpuMsPerRequest),
      errors(r.ceiling.rounds),
    ]);
    rows.push([
      'create work order',
      r.database,
      fmt(k.perSecond),
      fmt(k.p50),
      fmt(k.p95),
      fmt(k.p99),
      fmt(k.serverCpuMsPerRequest),
      fmt(k.dbCpuMsPerRequest),
      fmt(k.clientCpuMsPerRequest),
      errors(r.create.rounds),
    ]);
  }
  table(rows);

  console.log('\n--- create, open loop (fixed send rate; latency from each scheduled send time)');
  const oRows = [['db', 'offered/s', 'achieved/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'rate chosen as']];
  for (const r of results) {
    const o = r.createOpenLoop;
    oRows.push([
      r.database,
      fmt(o.offeredPerSecond),
      fmt(o.perSecond),
      fmt(o.p50),
      fmt(o.p95),
      fmt(o.p99),
      o.failures,
      o.basis,
    ]);
  }
  table(oRows, [0, 7]);

  for (const r of results) {
    const l = r.lifecycle;
    const cap = l.timeCapped ? ` (time cap ${l.maxSeconds} s: ${l.started} of ${l.orders} started)` : '';
    console.log(
      `\n--- lifecycle (${r.database}): ${l.completed}/${l.orders} orders archived${cap}, ${fmt(l.lifecyclesPerSecond)} lifecycles/s, ${fmt(l.requestsPerSecond)} req/s, server ${fmt(l.total.serverCpuMsPerRequest)} cpu ms/req${l.total.dbCpuMsPerRequest === null ? '' : `, PostgreSQL backends ${fmt(l.total.dbCpuMsPerRequest)} cpu ms/req`}, errors ${l.total.failures}`,
    );
    const stepRows = [['step', 'p50 ms', 'p99 ms']];
    for (const [step, s] of Object.entries(l.steps)) stepRows.push([step, fmt(s.p50), fmt(s.p99)]);
    stepRows.push(['(all transitions)', fmt(l.total.p50), fmt(l.total.p99)]);
    table(stepRows);
    for (const s of l.total.failureSamples) console.log(`  failure: ${s}`);
  }

  console.log('\n--- queries with the database full');
  const qRows = [
    [
      'query',
      'db',
      'orders',
      'c=1 p50',
      'c=1 p99',
      `c=${report.options.concurrency} req/s`,
      'p50 ms',
      'p99 ms',
      'errors',
    ],
  ];
  for (const r of results) {
    for (const [name, q] of Object.entries(r.queries)) {
      qRows.push([
        `${name} (${q.role})`,
        r.database,
        r.ordersInDatabase,
        fmt(q.sequential.p50),
        fmt(q.sequential.p99),
        fmt(q.concurrent.perSecond),
        fmt(q.concurrent.p50),
        fmt(q.concurrent.p99),
        q.sequential.failures + q.concurrent.failures,
      ]);
    }
  }
  table(qRows);

  console.log('\n--- memory (peak RSS, MiB)');
  const mRows = [['process', 'peak RSS', 'startup ms']];
  for (const r of results)
    mRows.push([`server (${r.database})`, fmt(r.serverMemory.peakRssMiB), r.startupMs]);
  mRows.push(['ceiling server', fmt(report.ceilingMemory.peakRssMiB), '']);
  mRows.push(['client (load generator)', fmt(report.clientPeakRssMiB), '']);
  table(mRows);

  for (const r of results) {
    const failures = [...r.create.rounds, ...r.ceiling.rounds].flatMap((x) => x.failureSamples);
    for (const f of failures.slice(0, 5)) console.log(`  failure (${r.database}): ${f}`);
  }

  console.log('\n--- ratio create / ceiling (same load generator, same concurrency)');
  for (const r of results) {
    const cpuRatio = r.ceiling.median.serverCpuMsPerRequest / r.create.median.serverCpuMsPerRequest;
    console.log(
      `  ${r.database.padEnd(8)} throughput ${fmt(r.create.median.perSecond)} / ${fmt(r.ceiling.median.perSecond)} = ` +
        `${fmt(round((100 * r.create.median.perSecond) / r.ceiling.median.perSecond, 1))} %   ` +
        `(server CPU per request: ceiling ${fmt(r.ceiling.median.serverCpuMsPerRequest)} / create ${fmt(r.create.median.serverCpuMsPerRequest)} ms = ${fmt(round(100 * cpuRatio, 1))} %)`,
    );
  }
  if (target) {
    const verdict = target.met ? 'target met' : 'target missed';
    console.log(
      `  target (${target.rule}): ratio ${fmt(round(target.ratio * 100, 1))} %, p99 ${fmt(target.createP99Ms)} ms → ${verdict}${target.comparable ? '' : ' (informational: run used a different concurrency)'}`,
    );
  }
  const { before, after } = report.machineLoad;
  if (before && after) {
    // Only the figure from before the run tells about other work: the run itself loads ~2-3 CPUs.
    const busy = before.load1 > report.machine.cpus;
    console.log(
      `\nmachine: 1-min load average ${before.load1} before the run (${after.load1} after, this run included) on ${report.machine.cpus} CPUs` +
        (busy
          ? ' — other work competed for the CPUs: every figure here (throughput, latency, even CPU per request) is distorted; compare runs made on a quiet machine'
          : ''),
    );
  }
  console.log(`total ${report.totalSeconds} s`);
}

/** Load average and CPU pressure (Linux), to tell a quiet run from a crowded one. */
function machineLoad() {
  try {
    const load1 = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
    let cpuPressure10 = null;
    try {
      cpuPressure10 = Number(
        readFileSync('/proc/pressure/cpu', 'utf8').match(/^some avg10=([\d.]+)/m)?.[1] ?? Number.NaN,
      );
      if (Number.isNaN(cpuPressure10)) cpuPressure10 = null;
    } catch {}
    return { load1, cpuPressure10 };
  } catch {
    return null;
  }
}

function table(rows, left = [0]) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  rows.forEach((r, i) => {
    console.log(
      `  ${r.map((cell, c) => (left.includes(c) ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ')}`.trimEnd(),
    );
    if (i === 0) console.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  });
}

function fmt(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  if (Math.abs(v) >= 100) return String(Math.round(v));
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
}
const round = (v, digits) => (v === null || v === undefined ? null : Number(v.toFixed(digits)));
const mapValues = (o, f) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
const redact = (url) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
const log = (message) => console.log(`${new Date().toISOString().slice(11, 19)} ${message}`);

try {
  await main();
} catch (error) {
  console.error(`\nbenchmark failed: ${error?.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
