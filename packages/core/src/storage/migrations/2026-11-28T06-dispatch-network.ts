import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * Dispatch network (issue 4): unit tasks (lead, co-units, units a lead re-dispatches to), clocks and the
 * supervision ladder, 督办, negotiation records (协商定主办), work notes and attachments.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';

  // Per-unit task state on the existing unit rows (one row per order × unit).
  await db.schema
    .alterTable('work_order_units')
    .addColumn('task_status', 'text', (c) => c.notNull().defaultTo('pending_sign'))
    .execute();
  await db.schema.alterTable('work_order_units').addColumn('parent_unit_id', 'text').execute();
  await db.schema.alterTable('work_order_units').addColumn('signed_at', 'text').execute();
  await db.schema.alterTable('work_order_units').addColumn('reported_at', 'text').execute();
  await db.schema.alterTable('work_order_units').addColumn('report', 'text').execute();
  await db.schema.alterTable('work_order_units').addColumn('instructions', 'text').execute();
  // The task's most urgent open clock (kept by every clock change): the unit inbox reads one index range.
  await db.schema.alterTable('work_order_units').addColumn('clock_id', 'text').execute();
  await db.schema.alterTable('work_order_units').addColumn('clock_due_at', 'text').execute();
  await db.schema.alterTable('work_order_units').addColumn('clock_warn_at', 'text').execute();
  await db.schema
    .alterTable('work_order_units')
    .addColumn('clock_paused', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('work_order_units_inbox_idx')
    .on('work_order_units')
    // covering: the colour counts and the page's window never read the table rows
    .columns(['unit_id', 'active', 'clock_due_at', 'clock_warn_at', 'clock_paused', 'order_id', 'clock_id'])
    .execute();

  await db.schema
    .alterTable('work_orders')
    .addColumn('return_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('work_orders')
    .addColumn('negotiated', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('work_orders').addColumn('return_deadline_at', 'text').execute();
  await db.schema.alterTable('work_orders').addColumn('extension_requested_at', 'text').execute();
  // Dispatch-desk queues at 1,000,000 orders: status filter ordered by time.
  await db.schema
    .createIndex('work_orders_status_created_idx')
    .on('work_orders')
    .columns(['status', 'created_at'])
    .execute();

  // Clocks: one row per running time limit (sign / handle / reply / callback / supervision) of an order,
  // owned by one unit. `next_at` is when the sweeper must look at it next (null: stopped or paused).
  await db.schema
    .createTable('order_clocks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('supervision_id', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('warn_at', 'text', (c) => c.notNull())
    .addColumn('remind_at', 'text', (c) => c.notNull())
    .addColumn('escalate_at', 'text', (c) => c.notNull())
    .addColumn('stage', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('generation', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('next_at', 'text')
    .addColumn('open', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('paused_at', 'text')
    .addColumn('stopped_at', 'text')
    .addColumn('stop_reason', 'text')
    .execute();
  await db.schema.createIndex('order_clocks_next_idx').on('order_clocks').column('next_at').execute();
  await db.schema
    .createIndex('order_clocks_order_idx')
    .on('order_clocks')
    .columns(['order_id', 'open'])
    .execute();
  await db.schema
    .createIndex('order_clocks_inbox_idx')
    .on('order_clocks')
    .columns(['unit_id', 'open', 'stage', 'due_at'])
    .execute();
  await db.schema
    .createIndex('order_clocks_overdue_idx')
    .on('order_clocks')
    .columns(['open', 'stage', 'due_at'])
    .execute();

  // What the sweeper did (黄牌, 红牌, 催办, 督办/escalation): shown on the timeline; unique per clock
  // generation and step, so two sweepers can never record (or notify) a step twice.
  await db.schema
    .createTable('clock_marks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clock_id', 'text', (c) => c.notNull().references('order_clocks.id'))
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('clock_kind', 'text', (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addUniqueConstraint('clock_marks_step_uq', ['clock_id', 'generation', 'step'])
    .execute();
  await db.schema.createIndex('clock_marks_order_idx').on('clock_marks').column('order_id').execute();

  // 督办: a supervision order with its own deadline and the unit's reply.
  await db.schema
    .createTable('supervisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('requirement', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.references('users.id'))
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('deadline_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reply', 'text')
    .addColumn('replied_by', 'text', (c) => c.references('users.id'))
    .addColumn('replied_at', 'text')
    .execute();
  await db.schema.createIndex('supervisions_order_idx').on('supervisions').column('order_id').execute();
  await db.schema
    .createIndex('supervisions_unit_idx')
    .on('supervisions')
    .columns(['unit_id', 'status'])
    .execute();

  // 协商定主办: the record that fixes lead and co-units after repeated returns.
  await db.schema
    .createTable('negotiations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('conclusion', 'text', (c) => c.notNull())
    .addColumn('lead_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('co_unit_ids', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('negotiations_order_idx').on('negotiations').column('order_id').execute();

  // Work notes (internal, never shown to the caller) and attachments.
  await db.schema
    .createTable('work_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('work_notes_order_idx')
    .on('work_notes')
    .columns(['order_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('content', binary, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('attachments_order_idx')
    .on('attachments')
    .columns(['order_id', 'created_at'])
    .execute();
}
