// Shared by the in-process benches (intake-check, dispatch-scale): arguments, a fresh database per
// engine (a temp SQLite file; a PostgreSQL database created and dropped), timing loops, actors.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { percentiles } from './http-client.mjs';

/** `--name value` from argv, else `fallback`. */
export const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};

export const PG_URL = arg(
  'pg-url',
  process.env.HUAWU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
);

export async function postgresAnswers(url = PG_URL) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** `--db sqlite|postgres|both` (default: both when PostgreSQL answers). */
export async function whichDatabases() {
  return arg('db', (await postgresAnswers()) ? 'both' : 'sqlite');
}

/**
 * Calls `run(label, url)` on a fresh SQLite file and/or a fresh PostgreSQL database, removing both
 * afterwards (also on errors). `pgName` fixes the database name (else `huawu_bench_<random>`);
 * `sqliteFile` names a SQLite file to use and keep instead of a temp one.
 */
export async function forEachDatabase(which, run, { pgName, sqliteFile } = {}) {
  if (which !== 'postgres' && sqliteFile) await run('SQLite', sqliteFile);
  else if (which !== 'postgres') {
    const dir = mkdtempSync(join(os.tmpdir(), 'huawu-bench-'));
    try {
      await run('SQLite', join(dir, 'bench.db'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (which !== 'sqlite') {
    const name = pgName ?? `huawu_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    try {
      const u = new URL(PG_URL);
      u.pathname = `/${name}`;
      await run('PostgreSQL', u.toString());
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
}

/** `runs` timed calls of `fn(i)` after `warmup` untimed ones: p50/p95/p99 in ms. */
export async function measure(fn, { runs, warmup = 20 }) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  return percentiles(times);
}

export const fmtPercentiles = (p) =>
  `p50 ${p.p50.toFixed(1)} / p95 ${p.p95.toFixed(1)} / p99 ${p.p99.toFixed(1)} ms`;

/** The actor of a stored user, as the use cases take it. */
export async function actorOf(db, username) {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return { userId: row.id, role: row.role, unitId: row.unit_id, displayName: row.display_name };
}

/** One-line machine load, for the output (the machine is shared). */
export const loadLine = () => {
  const [a, b, c] = os.loadavg();
  return `load ${a.toFixed(2)} ${b.toFixed(2)} ${c.toFixed(2)} on ${os.cpus().length} CPUs`;
};
