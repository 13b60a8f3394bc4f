import { randomUUID } from 'node:crypto';
import {
  type NotificationChannel,
  type NotificationKind,
  type NotificationStatus,
  notificationDedupeKey,
  renderTemplate,
} from '@huawu/domain';
import type { Kysely } from 'kysely';
import { type NewNotification, insertNotifications } from '../storage/notifications.repository.js';
import type { Schema } from '../storage/schema.js';
import type { listActiveEndpointsFor } from '../storage/webhook-endpoints.repository.js';

type Endpoint = Awaited<ReturnType<typeof listActiveEndpointsFor>>[number];

export interface NoticeBatch {
  kind: NotificationKind;
  channels: readonly NotificationChannel[];
  order: { id: string; orderNo: string; title: string; deadlineAt: string | null };
  /** Recipient units with the name the text should use and the duty phone for SMS. */
  recipients: readonly { unitId: string; unitName: string | null; dutyPhone: string | null }[];
  /** `{deadline}` as shown (local time). */
  deadline: string | null;
  /** The dedupe sequence: a transition's seq, or a ladder step's `c:<clock>:<generation>:<step>`. */
  seq: number | string;
  at: string;
  /** What else the payload carries (event name, step, …). */
  extra: Record<string, unknown>;
  endpoints: readonly Endpoint[];
  textOf: (kind: NotificationKind, channel: NotificationChannel) => string;
}

/**
 * Outbox rows of one notification: per recipient, an in-app notice (written as sent), a webhook row per
 * subscribed endpoint and an SMS to the unit's duty phone (pending, for `deliverDue`). Each row carries
 * a dedupe key, so writing the same batch twice adds nothing.
 */
export async function writeNotifications(tx: Kysely<Schema>, b: NoticeBatch): Promise<number> {
  return insertNotifications(tx, notificationRows(b));
}

/** The outbox rows of one notification (see {@link writeNotifications}); callers may batch several. */
export function notificationRows(b: NoticeBatch): NewNotification[] {
  const rows: NewNotification[] = [];
  for (const r of b.recipients) {
    const values = {
      orderNo: b.order.orderNo,
      title: b.order.title,
      deadline: b.deadline,
      unitName: r.unitName,
    };
    const row = (
      channel: NotificationChannel,
      target: string | null,
      status: NotificationStatus,
    ): NewNotification => ({
      id: randomUUID(),
      kind: b.kind,
      orderId: b.order.id,
      recipientUnitId: r.unitId,
      recipientUserId: null,
      channel,
      target,
      payload: {
        text: renderTemplate(b.textOf(b.kind, channel), values),
        ...b.extra,
        seq: b.seq,
        orderNo: b.order.orderNo,
        title: b.order.title,
        deadlineAt: b.order.deadlineAt,
        unitName: r.unitName,
        recipientUnitId: r.unitId,
      },
      status,
      nextAttemptAt: b.at,
      createdAt: b.at,
      sentAt: status === 'sent' ? b.at : null,
      dedupeKey: notificationDedupeKey({
        orderId: b.order.id,
        seq: b.seq,
        kind: b.kind,
        recipient: r.unitId,
        channel,
        ...(channel === 'webhook' && target ? { target } : {}),
      }),
    });
    if (b.channels.includes('in_app')) rows.push(row('in_app', null, 'sent'));
    if (b.channels.includes('webhook')) {
      for (const endpoint of b.endpoints) {
        const subscribed = endpoint.kinds.length === 0 || endpoint.kinds.includes(b.kind);
        if (subscribed && (endpoint.unitId === null || endpoint.unitId === r.unitId)) {
          rows.push(row('webhook', endpoint.id, 'pending'));
        }
      }
    }
    if (b.channels.includes('sms') && r.dutyPhone) rows.push(row('sms', r.dutyPhone, 'pending'));
  }
  return rows;
}
