import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { MIGRATIONS } from './migrations/index.js';
import type { Schema } from './schema.js';
import { startCheckpointer } from './sqlite-checkpointer.js';

const require = createRequire(import.meta.url);

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<Schema>;
  dialect: DialectName;
  close(): Promise<void>;
}

/** The one place that picks a storage adapter: `postgres://…` → PostgreSQL, anything else → a SQLite file. */
export function openDatabase(url: string, options: { poolSize?: number } = {}): Database {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    // An idle connection closed by the server (restart, pg_terminate_backend) is reported here; without a
    // listener Node treats it as an uncaught error and the process dies. The pool has already discarded
    // the client and the next query opens a new one; a server that stays down fails that query instead.
    pool.on('error', () => {});
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // A 64 MiB page cache (default 2 MiB) keeps the indexes hot. Checkpoints run on a worker thread
  // (sqlite-checkpointer.ts); the request thread checkpoints only if the WAL passes ~80 MiB.
  sqlite.pragma('cache_size = -65536');
  const memory = file === ':memory:';
  if (!memory) sqlite.pragma('wal_autocheckpoint = 20000');
  const checkpointer = memory ? undefined : startCheckpointer(file, require.resolve('better-sqlite3'));
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    close: async () => {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

/**
 * Kysely prepares every query anew; preparing costs more than running most of ours. Statements are
 * cached by SQL text (bounded). Safe: Kysely uses one connection and runs one statement at a time,
 * and nothing here streams rows.
 */
function withStatementCache(sqlite: SQLite.Database, max = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (!statement) {
        if (cache.size >= max) cache.clear();
        statement = sqlite.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => MIGRATIONS },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
