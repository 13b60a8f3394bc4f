import type { Kysely } from 'kysely';

/**
 * 回访台 queues read in index order: 待审核 / 待回复 by the unit's reply time (status, replied_at), 申诉审核
 * by the appeal window's end (appeal_status, appeal_deadline_at).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('work_orders_status_replied_idx')
    .on('work_orders')
    .columns(['status', 'replied_at'])
    .execute();
  await db.schema
    .createIndex('work_orders_appeal_deadline_idx')
    .on('work_orders')
    .columns(['appeal_status', 'appeal_deadline_at'])
    .execute();
}
