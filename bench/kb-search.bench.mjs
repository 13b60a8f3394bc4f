#!/usr/bin/env node
// Knowledge-base search benchmark: 100,000 realistic articles (real service items × 50 districts as
// guides, plus templated FAQs), index build time and memory, then ≥ 1,000 searches drawn from the
// relevance questions, on SQLite and (when reachable) PostgreSQL. Baselines measured in the same run:
// the revision check alone (the floor of every search) and the LIKE scan the index replaced.
// A script, not a test: it prints figures and never fails on timing. See bench/README.md.
//
//   npx tsc -b && node bench/kb-search.bench.mjs
//   node bench/kb-search.bench.mjs --n 20000 --db sqlite
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { migrateToLatest, openDatabase } from '../packages/core/dist/storage/database.js';
import {
  benchArticles,
  benchUnits,
  insertPg,
  insertSqlite,
  readServiceItems,
  rng,
} from './support/kb-corpus.mjs';

/**
 * Closes a database keeping the event loop alive meanwhile: the SQLite checkpointer's stop() waits on
 * an unref'd worker, and with nothing else pending Node would exit before it answers.
 */
async function closeDatabase(database) {
  const keepAlive = setInterval(() => {}, 1000);
  try {
    await database.close();
  } finally {
    clearInterval(keepAlive);
  }
}

const here = dirname(fileURLToPath(import.meta.url));
const CHILD = join(here, 'support', 'kb-search-child.mjs');
const RELEVANCE_DIR = join(here, '../packages/core/src/search/relevance');

function option(name, envName, fallback) {
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}`) return argv[i + 1];
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
  }
  return process.env[envName] ?? fallback;
}
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`usage: node bench/kb-search.bench.mjs [--n N] [--queries Q] [--db sqlite|postgres|both]
  env: KB_N (100000), KB_QUERIES (1000), DB (both if PostgreSQL answers, else sqlite), KB_LIKE_N (100),
       HUAWU_BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres)`);
  process.exit(0);
}
const opts = {
  n: Number(option('n', 'KB_N', 100_000)),
  queries: Number(option('queries', 'KB_QUERIES', 1000)),
  likeN: Number(option('like-n', 'KB_LIKE_N', 100)),
  db: option('db', 'DB', undefined),
  pgUrl: option('pg-url', 'HUAWU_BENCH_PG_URL', 'postgres://postgres@127.0.0.1:5432/postgres'),
};

const tempDirs = [];
const pgDatabases = [];
async function dropPg(name) {
  const admin = new pg.Client({ connectionString: opts.pgUrl, connectionTimeoutMillis: 5000 });
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.end();
}
async function cleanup() {
  for (const name of pgDatabases.splice(0))
    await dropPg(name).catch((e) => console.error(`drop ${name}: ${e.message}`));
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cleanup().finally(() => process.exit(130));
  });
}

async function pgReachable() {
  const c = new pg.Client({ connectionString: opts.pgUrl, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** The questions of the relevance sets, shuffled (seeded) and repeated to `count`. */
function benchQueries(count) {
  const questions = [];
  for (const file of ['dev-set.json', 'relevance-set.json']) {
    const path = join(RELEVANCE_DIR, file);
    if (existsSync(path)) questions.push(...JSON.parse(readFileSync(path, 'utf8')).map((c) => c.q));
  }
  if (questions.length === 0) throw new Error(`no questions in ${RELEVANCE_DIR}`);
  const random = rng(7);
  const out = [];
  while (out.length < count) {
    const round = [...questions];
    for (let i = round.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [round[i], round[j]] = [round[j], round[i]];
    }
    out.push(...round);
  }
  return out.slice(0, count);
}

function runChild(url, queriesFile) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', CHILD], {
      env: {
        ...process.env,
        KB_BENCH_URL: url,
        KB_BENCH_QUERIES: queriesFile,
        KB_BENCH_LIKE_N: String(opts.likeN),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    child.stderr.on('data', (c) => {
      err += c;
    });
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`measurement child exited ${code}\n${err}\n${out}`));
      resolve(JSON.parse(out.trim().split('\n').pop()));
    });
  });
}

async function prepare(name, items, units, departmentIndex) {
  const t = performance.now();
  let url;
  if (name === 'sqlite') {
    const dir = mkdtempSync(join(os.tmpdir(), 'huawu-kb-bench-'));
    tempDirs.push(dir);
    url = join(dir, 'kb.db');
    const database = openDatabase(url);
    await migrateToLatest(database);
    await closeDatabase(database);
    insertSqlite(SQLite, url, units, benchArticles(opts.n, items, departmentIndex));
  } else {
    const dbName = `bench_kb_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: opts.pgUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    pgDatabases.push(dbName);
    const u = new URL(opts.pgUrl);
    u.pathname = `/${dbName}`;
    url = u.toString();
    const database = openDatabase(url, { poolSize: 1 });
    await migrateToLatest(database);
    await closeDatabase(database);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await insertPg(client, units, benchArticles(opts.n, items, departmentIndex));
    await client.end();
  }
  return { url, loadSeconds: (performance.now() - t) / 1000 };
}

const f = (x, d = 2) => (x === null || x === undefined ? '-' : Number(x).toFixed(d));
const row = (label, p) =>
  `  ${label.padEnd(34)} p50 ${f(p.p50).padStart(8)}  p95 ${f(p.p95).padStart(8)}  p99 ${f(p.p99).padStart(8)} ms  (n=${p.n})`;

async function main() {
  const started = performance.now();
  const dbs =
    opts.db === 'both'
      ? ['sqlite', 'postgres']
      : opts.db
        ? [opts.db]
        : (await pgReachable())
          ? ['sqlite', 'postgres']
          : ['sqlite'];
  if (!opts.db && dbs.length === 1) console.log(`(PostgreSQL not reachable at ${opts.pgUrl}: SQLite only)`);
  const items = readServiceItems();
  const { units, departmentIndex } = benchUnits(items);
  const queries = benchQueries(opts.queries);
  const qdir = mkdtempSync(join(os.tmpdir(), 'huawu-kb-queries-'));
  tempDirs.push(qdir);
  const queriesFile = join(qdir, 'queries.json');
  writeFileSync(queriesFile, JSON.stringify(queries));
  console.log(
    `kb-search bench: ${opts.n.toLocaleString('en')} articles, ${queries.length} searches, node ${process.version}, ${os.cpus().length} cpus, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const results = {};
  for (const name of dbs) {
    const { url, loadSeconds } = await prepare(name, items, units, departmentIndex);
    const r = await runChild(url, queriesFile);
    results[name] = { loadSeconds, ...r };
    const target = name === 'sqlite' ? `  target p95 ≤ 20 ms: ${r.search.p95 <= 20 ? 'met' : 'missed'}` : '';
    console.log(`\n[${name}] data loaded in ${f(loadSeconds, 1)} s`);
    console.log(
      `  index build                        ${f(r.build.ms / 1000, 2)} s (cpu ${f(r.build.cpuMs / 1000, 2)} s): ${r.build.documents.toLocaleString('en')} articles, ${r.build.terms.toLocaleString('en')} terms, ${r.build.postings.toLocaleString('en')} postings in ${r.build.postingMB} MB`,
    );
    console.log(
      `  memory after build                 heap +${r.memory.heapMB} MB, array buffers +${r.memory.arrayBuffersMB} MB, RSS +${r.memory.rssMB} MB (RSS ${r.memory.rssAfterMB} MB, peak ${r.memory.peakRssMB} MB)`,
    );
    console.log(row('search (incl. revision check)', r.search) + target);
    console.log(row('baseline: revision check alone', r.revisionCheck));
    console.log(row('baseline: LIKE scan (old placeholder)', r.like));
    console.log(row('search right after an article change', r.freshAfterChange));
    console.log(
      `  ratios                             search p50 / revision check p50 = ${f(r.search.p50 / r.revisionCheck.p50, 1)}×; LIKE p50 / search p50 = ${f(r.like.p50 / r.search.p50, 1)}×; empty results ${r.emptyResults}/${r.search.n}`,
    );
  }
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'kb-search-latest.json'), JSON.stringify({ opts, results }, null, 2));
  console.log(
    `\ntotal ${f((performance.now() - started) / 1000, 0)} s; JSON in bench/results/kb-search-latest.json`,
  );
}

try {
  await main();
} finally {
  await cleanup();
}
