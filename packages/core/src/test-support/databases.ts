import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe } from 'vitest';
import { type CoreOptions, createCore, prepareDatabase } from '../create-core.js';
import type { CoreDeps } from '../deps.js';

/**
 * Runs the same suite on every database (house style: "the same suite on each, no mocks").
 * SQLite always runs. PostgreSQL runs when HUAWU_TEST_PG_URL names a server we may create databases on
 * (the test script sets it when one answers on 127.0.0.1:5432); with CI=true it is required.
 * HUAWU_TEST_DB=sqlite|postgres narrows the run to one.
 */
export type DbName = 'sqlite' | 'postgres';
export type TestCore = CoreDeps & { close(): Promise<void>; url: string };

export interface DatabaseFixture {
  name: DbName;
  /** A fresh, migrated database with the bundled calendar. Closed and dropped after the file's tests. */
  newCore(options?: Partial<Omit<CoreOptions, 'databaseUrl'>>): Promise<TestCore>;
  /** A fresh empty database URL (not migrated), for multi-process tests. */
  newUrl(): Promise<string>;
}

const pgUrl = process.env.HUAWU_TEST_PG_URL;
const only = process.env.HUAWU_TEST_DB;
if (!pgUrl && process.env.CI === 'true' && only !== 'sqlite') {
  throw new Error('CI=true but HUAWU_TEST_PG_URL is not set: PostgreSQL tests must run in CI');
}
let warned = false;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function fixture(name: DbName): DatabaseFixture {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });
  const newUrl = async (): Promise<string> => {
    if (name === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'huawu-test-'));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      return join(dir, 'huawu.db');
    }
    const dbName = `huawu_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`drop database if exists ${dbName} with (force)`);
      await c.end();
    });
    return withDatabase(pgUrl as string, dbName);
  };
  return {
    name,
    newUrl,
    async newCore(options = {}) {
      const url = await newUrl();
      const core = createCore({ databaseUrl: url, ...options });
      cleanups.push(() => core.close());
      await prepareDatabase(core);
      return Object.assign(core, { url });
    },
  };
}

export function availableDatabases(): DbName[] {
  const names: DbName[] = [];
  if (only !== 'postgres') names.push('sqlite');
  if (only !== 'sqlite') {
    if (pgUrl) names.push('postgres');
    else if (!warned) {
      warned = true;
      console.warn(
        '[huawu tests] PostgreSQL skipped: set HUAWU_TEST_PG_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)',
      );
    }
  }
  return names;
}

/** `describe` once per available database, with a fixture that makes fresh databases. */
export function describeEachDatabase(title: string, body: (db: DatabaseFixture) => void): void {
  for (const name of availableDatabases()) {
    describe(`${title} [${name}]`, () => body(fixture(name)));
  }
}
