import type { Kysely } from 'kysely';

/**
 * Reply, callback and closure (issue 5): the order keeps its callback attempts (回访未接通), when the
 * caller was answered (回复), the closing reason (办结原因), whether the caller said the problem was
 * solved, and the state of a unit's appeal against a bad rating (申诉核减) with its deadline.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  const add = (column: string, type: 'text' | 'integer', notNullDefault?: string | number) =>
    db.schema
      .alterTable('work_orders')
      .addColumn(column, type, (c) =>
        notNullDefault === undefined ? c : c.notNull().defaultTo(notNullDefault),
      )
      .execute();
  await add('callback_attempts', 'integer', 0);
  await add('last_callback_attempt_at', 'text');
  await add('caller_replied_at', 'text');
  await add('close_reason', 'text');
  await add('resolved', 'text');
  await add('appeal_status', 'text', 'none');
  await add('appeal_deadline_at', 'text');
  // 回访队列: the oldest reply first; 申诉审核: pending appeals.
  await db.schema
    .createIndex('work_orders_callback_queue_idx')
    .on('work_orders')
    .columns(['status', 'caller_replied_at'])
    .execute();
}
