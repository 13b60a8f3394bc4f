import type { Kysely } from 'kysely';

/**
 * Issue 5: 市民查询限流. One row per throttled key (`order:<orderNo>`, `ip:<address>`): failures in the
 * current window and a lock, counted in one atomic upsert like `login_throttle`.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('public_lookup_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();
}
