import { type Kysely, sql } from 'kysely';

/**
 * Dispatch catalogue (派单目录) and the log of dispatches that departed from its suggestion. One active
 * entry per (category, division): `division_key` is the division code or '' for any division, so the
 * partial unique index works the same on SQLite and PostgreSQL (the use cases check first for a
 * clear CONFLICT; the index is the backstop).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dispatch_catalogue')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('division_code', 'text')
    .addColumn('division_key', 'text', (c) => c.notNull())
    .addColumn('lead_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('co_unit_ids', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createIndex('dispatch_catalogue_active_uq')
    .on('dispatch_catalogue')
    .columns(['category_code', 'division_key'])
    .unique()
    .where(sql.ref('active'), '=', 1)
    .execute();

  await db.schema
    .createTable('dispatch_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('suggested_entry_id', 'text')
    .addColumn('suggested_lead_unit_id', 'text', (c) => c.notNull())
    .addColumn('chosen_lead_unit_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dispatch_overrides_at_idx').on('dispatch_overrides').column('at').execute();
  await db.schema
    .createIndex('dispatch_overrides_order_idx')
    .on('dispatch_overrides')
    .column('order_id')
    .execute();
}
