import { randomUUID } from 'node:crypto';
import { notificationDedupeKey } from '@huawu/domain';
import type { Kysely } from 'kysely';
import { insertNotifications } from '../storage/notifications.repository.js';
import type { Schema } from '../storage/schema.js';
import type { WorkOrderRecord } from '../work-order.record.js';

/**
 * 回复来电人 by SMS: one outbox row to the caller's phone with the text the centre approved, written
 * in the transition's transaction (so a rolled-back reply sends nothing) and delivered by
 * `deliverDue` like every other SMS. The dedupe key makes a retried transaction add nothing.
 */
export async function enqueueCallerSms(
  tx: Kysely<Schema>,
  e: { order: WorkOrderRecord; text: string; seq: number; at: string },
): Promise<number> {
  if (!e.order.callerPhone) return 0;
  return insertNotifications(tx, [
    {
      id: randomUUID(),
      kind: 'caller_reply',
      orderId: e.order.id,
      recipientUnitId: null,
      recipientUserId: null,
      channel: 'sms',
      target: e.order.callerPhone,
      payload: {
        text: e.text,
        orderNo: e.order.orderNo,
        title: e.order.title,
        seq: e.seq,
        event: 'reply_to_caller',
      },
      status: 'pending',
      nextAttemptAt: e.at,
      createdAt: e.at,
      sentAt: null,
      dedupeKey: notificationDedupeKey({
        orderId: e.order.id,
        seq: e.seq,
        kind: 'caller_reply',
        recipient: 'caller',
        channel: 'sms',
      }),
    },
  ]);
}
