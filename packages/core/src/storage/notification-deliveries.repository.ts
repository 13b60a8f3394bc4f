import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

export interface DeliveryRecord {
  id: string;
  notificationId: string;
  attempt: number;
  channel: string;
  target: string | null;
  at: string;
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** One attempt to deliver a notification (webhook call, SMS hand-off), success or not. */
export async function insertDelivery(db: Db, d: DeliveryRecord): Promise<void> {
  await db
    .insertInto('notification_deliveries')
    .values({
      id: d.id,
      notification_id: d.notificationId,
      attempt: d.attempt,
      channel: d.channel,
      target: d.target,
      at: d.at,
      ok: d.ok ? 1 : 0,
      status_code: d.statusCode,
      error: d.error,
      duration_ms: d.durationMs,
    })
    .execute();
}

export interface DeliveryLogRow extends DeliveryRecord {
  kind: string;
  orderId: string;
  orderNo: string;
  recipientUnitId: string | null;
  notificationStatus: string;
}

/** The delivery log, newest first (optionally one notification's attempts). */
export async function listDeliveries(
  db: Db,
  q: { limit: number; notificationId?: string },
): Promise<DeliveryLogRow[]> {
  let query = db
    .selectFrom('notification_deliveries as d')
    .innerJoin('notifications as n', 'n.id', 'd.notification_id')
    .innerJoin('work_orders as o', 'o.id', 'n.order_id')
    .select([
      'd.id',
      'd.notification_id',
      'd.attempt',
      'd.channel',
      'd.target',
      'd.at',
      'd.ok',
      'd.status_code',
      'd.error',
      'd.duration_ms',
      'n.kind',
      'n.order_id',
      'o.order_no',
      'n.recipient_unit_id',
      'n.status',
    ]);
  if (q.notificationId) query = query.where('d.notification_id', '=', q.notificationId);
  const rows = await query.orderBy('d.at', 'desc').orderBy('d.attempt', 'desc').limit(q.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    notificationId: r.notification_id,
    attempt: r.attempt,
    channel: r.channel,
    target: r.target,
    at: r.at,
    ok: r.ok === 1,
    statusCode: r.status_code,
    error: r.error,
    durationMs: r.duration_ms,
    kind: r.kind,
    orderId: r.order_id,
    orderNo: r.order_no,
    recipientUnitId: r.recipient_unit_id,
    notificationStatus: r.status,
  }));
}
