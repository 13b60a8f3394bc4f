import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { backfillEventChain } from '../../archive/backfill-event-chain.js';

/**
 * Issue 5: 事件哈希链与归档记录. Every timeline event gets `prev_hash` + `hash` (a chain per order, see
 * archive/event-hash.ts); the rows written before this migration are hashed here, in pages. Then
 * `order_archives` (the sealed records) and the triggers that make both tables append-only — created
 * last, since the backfill itself updates the events.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('work_order_events').addColumn('prev_hash', 'text').execute();
  await db.schema.alterTable('work_order_events').addColumn('hash', 'text').execute();
  await backfillEventChain(db);

  await db.schema
    .createTable('order_archives')
    .addColumn('order_id', 'text', (c) => c.primaryKey().references('work_orders.id'))
    .addColumn('archive_seq', 'integer', (c) => c.notNull().unique())
    .addColumn('archived_at', 'text', (c) => c.notNull())
    .addColumn('archived_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('appeal_type', 'text', (c) => c.notNull())
    .addColumn('retention_until', 'text', (c) => c.notNull())
    .addColumn('head_event_seq', 'integer', (c) => c.notNull())
    .addColumn('head_event_hash', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('record_hash', 'text', (c) => c.notNull())
    .addColumn('prev_archive_hash', 'text', (c) => c.notNull())
    .addColumn('chain_hash', 'text', (c) => c.notNull())
    .execute();
  // 档案查询: by archiving date (newest first), by appeal type, by retention (已到保管期限).
  await db.schema
    .createIndex('order_archives_archived_idx')
    .on('order_archives')
    .columns(['archived_at', 'archive_seq'])
    .execute();
  await db.schema
    .createIndex('order_archives_appeal_idx')
    .on('order_archives')
    .columns(['appeal_type', 'archived_at'])
    .execute();
  await db.schema
    .createIndex('order_archives_retention_idx')
    .on('order_archives')
    .column('retention_until')
    .execute();

  await createAppendOnlyTriggers(db, ['work_order_events', 'order_archives']);
}

/** Triggers refusing UPDATE and DELETE (and TRUNCATE on PostgreSQL) on `tables`. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function createAppendOnlyTriggers(db: Kysely<any>, tables: readonly string[]): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`
      create or replace function huawu_append_only() returns trigger language plpgsql as $$
      begin
        raise exception '%: 只能追加，不能修改或删除', tg_table_name using errcode = 'integrity_constraint_violation';
      end $$`.execute(db);
    for (const t of tables) {
      await sql`create trigger ${sql.id(`${t}_append_only`)} before update or delete on ${sql.table(t)}
        for each row execute function huawu_append_only()`.execute(db);
      await sql`create trigger ${sql.id(`${t}_no_truncate`)} before truncate on ${sql.table(t)}
        for each statement execute function huawu_append_only()`.execute(db);
    }
    return;
  }
  for (const t of tables) {
    for (const op of ['update', 'delete'] as const) {
      await sql`create trigger ${sql.id(`${t}_no_${op}`)} before ${sql.raw(op)} on ${sql.table(t)}
        begin select raise(abort, ${sql.lit(`${t}: 只能追加，不能修改或删除`)}); end`.execute(db);
    }
  }
}
