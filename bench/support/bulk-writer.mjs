// Fast bulk inserts straight into the tables, bypassing the use cases: on SQLite prepared single-row
// INSERTs run in a loop (better-sqlite3 is synchronous, so this is the fastest form), on PostgreSQL
// INSERT … SELECT FROM unnest(arrays) of up to `rowsPerStatement` rows. The caller groups inserts into
// transactions (`begin`/`commit`). Values: strings, numbers or null (instants are ISO text, booleans 0/1).
import Database from 'better-sqlite3';
import pg from 'pg';

export async function openBulkWriter(url, { rowsPerStatement = 10_000 } = {}) {
  return /^postgres(ql)?:\/\//.test(url) ? postgresWriter(url, rowsPerStatement) : sqliteWriter(url);
}

const insertHead = (table, columns) => `insert into ${table} (${columns.join(', ')}) values `;

function sqliteWriter(file) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const statements = new Map();
  return {
    /** Writes `rows` (arrays of values, `columns` in order) into `table`. */
    async insert(table, columns, rows) {
      const key = `${table}:${columns.join(',')}`;
      let statement = statements.get(key);
      if (!statement) {
        statement = db.prepare(`${insertHead(table, columns)}(${columns.map(() => '?').join(', ')})`);
        statements.set(key, statement);
      }
      for (const r of rows) statement.run(r);
    },
    begin: async () => db.exec('begin'),
    commit: async () => db.exec('commit'),
    exec: async (sqlText) => db.exec(sqlText),
    /** Drops the tables' secondary indexes (the migrations' exact statements are kept) until `restore()`. */
    async deferIndexes(tables) {
      const indexes = db
        .prepare(
          `select name, sql from sqlite_master where type = 'index' and sql is not null
           and tbl_name in (${tables.map(() => '?').join(', ')})`,
        )
        .all(...tables);
      for (const i of indexes) db.exec(`drop index ${i.name}`);
      return async () => {
        for (const i of indexes) db.exec(i.sql);
      };
    },
    async close() {
      if (db.inTransaction) db.exec('rollback');
      else db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

async function postgresWriter(url, rowsPerStatement) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('set synchronous_commit = off');
  // One array parameter per column (`insert … select * from unnest($1::text[], …)`): a few parameters
  // per statement instead of one per value, so parsing and binding stay cheap.
  const types = new Map();
  const typesOf = async (table) => {
    if (!types.has(table)) {
      const { rows } = await client.query(
        'select column_name, udt_name from information_schema.columns where table_name = $1',
        [table],
      );
      types.set(table, new Map(rows.map((r) => [r.column_name, r.udt_name])));
    }
    return types.get(table);
  };
  return {
    async insert(table, columns, rows) {
      const t = await typesOf(table);
      const text = `${insertHead(table, columns).replace(/ values $/, ' ')}select * from unnest(${columns
        .map((c, k) => `$${k + 1}::${t.get(c)}[]`)
        .join(', ')})`;
      for (let start = 0; start < rows.length; start += rowsPerStatement) {
        const chunk = rows.slice(start, start + rowsPerStatement);
        await client.query(
          text,
          columns.map((_, k) => chunk.map((r) => r[k])),
        );
      }
    },
    begin: async () => client.query('begin'),
    commit: async () => client.query('commit'),
    exec: async (sqlText) => client.query(sqlText),
    /**
     * Drops the tables' secondary indexes (not primary keys or unique constraints) and disables their
     * foreign-key triggers until `restore()`, which recreates the indexes from their exact definitions
     * (pg_indexes) and re-enables the triggers. The seed's references are right by construction.
     */
    async deferIndexes(tables) {
      const { rows } = await client.query(
        `select i.indexname, i.indexdef from pg_indexes i
         where i.schemaname = current_schema() and i.tablename = any($1)
           and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
        [tables],
      );
      for (const r of rows) await client.query(`drop index ${r.indexname}`);
      for (const t of tables) await client.query(`alter table ${t} disable trigger all`);
      return async () => {
        for (const r of rows) await client.query(r.indexdef);
        for (const t of tables) await client.query(`alter table ${t} enable trigger all`);
      };
    },
    close: () => client.end(),
  };
}
