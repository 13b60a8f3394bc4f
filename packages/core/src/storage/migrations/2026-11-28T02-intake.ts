import { type Kysely, sql } from 'kysely';

/**
 * Intake desk: categories, phrases, scope rules, caller flags, CTI calls, order links; indexes for a
 * caller's history and duplicate candidates. Default content is seeded by prepareDatabase, not here.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('categories')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('emergency_hint', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('categories_parent_idx').on('categories').column('parent_code').execute();

  await db.schema
    .createTable('phrases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('scope_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('exclusions', 'text', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('reason_code', 'text')
    .addColumn('script', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('caller_flags')
    .addColumn('phone', 'text', (c) => c.primaryKey())
    .addColumn('harassment', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull().references('users.id'))
    .execute();

  await db.schema
    .createTable('cti_calls')
    .addColumn('call_id', 'text', (c) => c.primaryKey())
    .addColumn('caller', 'text')
    .addColumn('agent_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('cause', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cti_calls_agent_idx')
    .on('cti_calls')
    .columns(['agent_user_id', 'updated_at'])
    .execute();

  await db.schema
    .createTable('work_order_links')
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('related_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('work_order_links_pk', ['order_id', 'related_id', 'kind'])
    .execute();
  await db.schema
    .createIndex('work_order_links_related_idx')
    .on('work_order_links')
    .column('related_id')
    .execute();
  // Merges made before this table existed become links too (who merged is the merge event's actor).
  await sql`
    insert into work_order_links (order_id, related_id, kind, comment, created_by, created_at)
    select o.id, o.merged_into_id, 'merged', null, o.created_by, o.updated_at
    from work_orders o where o.merged_into_id is not null`.execute(db);

  // A caller's history (newest first) and duplicate candidates by category or division in a window.
  await db.schema
    .createIndex('work_orders_caller_created_idx')
    .on('work_orders')
    .columns(['caller_phone', 'created_at'])
    .execute();
  await db.schema
    .createIndex('work_orders_category_created_idx')
    .on('work_orders')
    .columns(['category', 'created_at'])
    .execute();
  await db.schema
    .createIndex('work_orders_division_created_idx')
    .on('work_orders')
    .columns(['division_code', 'created_at'])
    .execute();
}
