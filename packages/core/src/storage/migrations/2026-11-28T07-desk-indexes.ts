import type { Kysely } from 'kysely';

/**
 * Desk queues and unit assessment (issue 4). The overdue queue pages running clocks past due; the
 * extensions queue pages pending requests by time; the 督办 queue pages open supervisions by deadline;
 * unit statistics read timeline events, ladder marks and 督办 of a period. (The unit inbox reads the
 * task rows' clock summary: `work_order_units_inbox_idx`, migration T06.)
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
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
  await db.schema
    .createIndex('work_orders_extension_requested_idx')
    .on('work_orders')
    .column('extension_requested_at')
    .execute();
}
