import { PUBLIC_REPLY_EVENTS, type PublicTimelineEntry, type Status } from '@huawu/domain';
import { type Kysely, sql } from 'kysely';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

/**
 * Counts one lookup attempt on `key` in a single atomic upsert (concurrent requests and processes cannot
 * outrun it). The window starts again at 1 when it is older than `windowStart` and no lock holds, or
 * when the lock has run out; a running lock is kept. Returns the attempts in the window and the lock.
 */
export async function countLookupAttempt(
  db: Db,
  key: string,
  now: string,
  windowStart: string,
): Promise<{ attempts: number; lockedUntil: string | null }> {
  const t = 'public_lookup_throttle';
  const restart = sql<boolean>`((${sql.ref(`${t}.locked_until`)} is not null and ${sql.ref(`${t}.locked_until`)} <= ${now})
    or (${sql.ref(`${t}.locked_until`)} is null and ${sql.ref(`${t}.window_started_at`)} < ${windowStart}))`;
  const row = await db
    .insertInto('public_lookup_throttle')
    .values({ key, failures: 1, window_started_at: now, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when ${restart} then 1 else ${sql.ref(`${t}.failures`)} + 1 end`,
        window_started_at: sql<string>`case when ${restart} then ${now} else ${sql.ref(`${t}.window_started_at`)} end`,
        locked_until: sql<
          string | null
        >`case when ${restart} then null else ${sql.ref(`${t}.locked_until`)} end`,
      }),
    )
    .returning(['failures', 'locked_until'])
    .executeTakeFirstOrThrow();
  return { attempts: Number(row.failures), lockedUntil: row.locked_until };
}

/** Locks `key` until `lockedUntil` unless a lock already runs (a later guess does not extend it). */
export async function lockLookupKey(db: Db, key: string, now: string, lockedUntil: string): Promise<void> {
  await db
    .updateTable('public_lookup_throttle')
    .set({ locked_until: lockedUntil })
    .where('key', '=', key)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .execute();
}

/** Takes back the attempt a success counted (successes are not failures). */
export async function releaseLookupAttempt(db: Db, key: string): Promise<void> {
  await db
    .updateTable('public_lookup_throttle')
    .set({ failures: sql<number>`failures - 1` })
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}

export async function clearLookupKey(db: Db, key: string): Promise<void> {
  await db.deleteFrom('public_lookup_throttle').where('key', '=', key).execute();
}

/** The columns the public view may use, and nothing else (the caller's phone only to be checked). */
export interface PublicOrderRow {
  id: string;
  orderNo: string;
  status: Status;
  anonymous: boolean;
  confidential: boolean;
  callerPhone: string | null;
  appealType: string;
  title: string;
  createdAt: string;
  deadlineAt: string | null;
  leadUnitName: string | null;
}

export async function findPublicOrder(db: Db, orderNo: string): Promise<PublicOrderRow | undefined> {
  const row = await db
    .selectFrom('work_orders as o')
    .leftJoin('units as u', 'u.id', 'o.lead_unit_id')
    .select([
      'o.id',
      'o.order_no',
      'o.status',
      'o.anonymous',
      'o.confidential',
      'o.caller_phone',
      'o.appeal_type',
      'o.title',
      'o.created_at',
      'o.deadline_at',
      'u.name as lead_unit_name',
    ])
    .where('o.order_no', '=', orderNo)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    orderNo: row.order_no,
    status: row.status as Status,
    anonymous: Number(row.anonymous) === 1,
    confidential: Number(row.confidential) === 1,
    callerPhone: row.caller_phone,
    appealType: row.appeal_type,
    title: row.title,
    createdAt: row.created_at,
    deadlineAt: row.deadline_at,
    leadUnitName: row.lead_unit_name,
  };
}

/**
 * The order's timeline as the public view reads it: event, statuses and time — no actor, no comment —
 * and the payload only of the events that carry what the caller was told.
 */
export async function listPublicTimeline(db: Db, orderId: string): Promise<PublicTimelineEntry[]> {
  const replyEvents = sql.join(PUBLIC_REPLY_EVENTS.map((e) => sql.lit(e)));
  const rows = await db
    .selectFrom('work_order_events')
    .select([
      'event',
      'from_status',
      'to_status',
      'at',
      sql<string | null>`case when event in (${replyEvents}) then payload else null end`.as('public_payload'),
    ])
    .where('order_id', '=', orderId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    event: r.event,
    fromStatus: r.from_status as Status | null,
    toStatus: r.to_status as Status,
    at: r.at,
    ...(r.public_payload ? { payload: JSON.parse(r.public_payload) as Record<string, unknown> } : {}),
  }));
}
