import type { Kysely } from 'kysely';

/**
 * Desk queues and unit assessment (issue 4). The unit inbox pages a unit's running clocks by due time
 * and checks each against the unit's other clocks on the same order: both indexes cover every column
 * those queries read, so they never touch the table rows. The overdue queue pages running clocks past
 * due; the 督办 queue pages open supervisions by deadline; unit statistics read timeline events, ladder
 * marks and 督办 of a period.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('order_clocks_unit_due_idx')
    .on('order_clocks')
    .columns(['unit_id', 'open', 'paused_at', 'due_at', 'id', 'warn_at', 'stage', 'order_id'])
    .execute();
  await db.schema
    .createIndex('order_clocks_order_unit_idx')
    .on('order_clocks')
    .columns(['order_id', 'unit_id', 'open', 'paused_at', 'due_at', 'warn_at', 'stage', 'id'])
    .execute();
  await db.schema
    .createIndex('order_clocks_open_due_idx')
    .on('order_clocks')
    .columns(['open', 'paused_at', 'due_at', 'id'])
    .execute();
  await db.schema
    .createIndex('supervisions_status_deadline_idx')
    .on('supervisions')
    .columns(['status', 'deadline_at'])
    .execute();
  await db.schema.createIndex('supervisions_issued_idx').on('supervisions').column('issued_at').execute();
  await db.schema
    .createIndex('work_order_events_event_at_idx')
    .on('work_order_events')
    .columns(['event', 'at'])
    .execute();
  await db.schema.createIndex('clock_marks_step_at_idx').on('clock_marks').columns(['step', 'at']).execute();
}
