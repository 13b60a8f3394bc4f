import type { NotificationStatus } from '@huawu/domain';
import { type Kysely, sql } from 'kysely';
import type { DialectName } from './database.js';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

const PENDING: NotificationStatus = 'pending';
const SENT: NotificationStatus = 'sent';
const FAILED: NotificationStatus = 'failed';

export interface NotificationRow {
  id: string;
  kind: string;
  orderId: string;
  recipientUnitId: string | null;
  recipientUserId: string | null;
  channel: string;
  target: string | null;
  payload: Record<string, unknown>;
  status: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  dedupeKey: string;
}

export type NewNotification = Omit<NotificationRow, 'attempts' | 'lastError'>;

function toRow(r: Schema['notifications']): NotificationRow {
  return {
    id: r.id,
    kind: r.kind,
    orderId: r.order_id,
    recipientUnitId: r.recipient_unit_id,
    recipientUserId: r.recipient_user_id,
    channel: r.channel,
    target: r.target,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    dedupeKey: r.dedupe_key,
  };
}

/** Inserts outbox rows; a row whose dedupe key exists already is skipped. Returns how many were new. */
/** Rows per INSERT statement (16 columns each; SQLite allows 32,766 bound values per statement). */
const INSERT_CHUNK = 1000;

export async function insertNotifications(db: Db, rows: readonly NewNotification[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    inserted += await insertChunk(db, rows.slice(i, i + INSERT_CHUNK));
  }
  return inserted;
}

async function insertChunk(db: Db, rows: readonly NewNotification[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db
    .insertInto('notifications')
    .values(
      rows.map((n) => ({
        id: n.id,
        kind: n.kind,
        order_id: n.orderId,
        recipient_unit_id: n.recipientUnitId,
        recipient_user_id: n.recipientUserId,
        channel: n.channel,
        target: n.target,
        payload: JSON.stringify(n.payload),
        status: n.status,
        attempts: 0,
        next_attempt_at: n.nextAttemptAt,
        last_error: null,
        claim_token: null,
        created_at: n.createdAt,
        sent_at: n.sentAt,
        dedupe_key: n.dedupeKey,
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function listOrderNotifications(db: Db, orderId: string): Promise<NotificationRow[]> {
  const rows = await db
    .selectFrom('notifications')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('dedupe_key')
    .execute();
  return rows.map(toRow);
}

/**
 * Claims up to `limit` due rows for one worker in ONE statement: their `next_attempt_at` moves to the
 * lease end and they carry the worker's token, so no other worker sees them as due. On PostgreSQL the
 * candidate rows are locked with `FOR UPDATE SKIP LOCKED` (concurrent workers take different rows and
 * never wait); SQLite has a single writer, so the statement is atomic as it is.
 */
export async function claimDueNotifications(
  db: Db,
  dialect: DialectName,
  c: { token: string; now: string; leaseUntil: string; limit: number; channels: readonly string[] },
): Promise<NotificationRow[]> {
  await db
    .updateTable('notifications')
    .set({ claim_token: c.token, next_attempt_at: c.leaseUntil })
    .where('id', 'in', (eb) => {
      const q = eb
        .selectFrom('notifications')
        .select('id')
        .where('status', '=', PENDING)
        .where('next_attempt_at', '<=', c.now)
        .where('channel', 'in', c.channels)
        .orderBy('next_attempt_at')
        .limit(c.limit);
      return dialect === 'postgres' ? q.forUpdate().skipLocked() : q;
    })
    .where('status', '=', PENDING)
    .where('next_attempt_at', '<=', c.now)
    .execute();
  const rows = await db
    .selectFrom('notifications')
    .selectAll()
    .where('claim_token', '=', c.token)
    .where('status', '=', PENDING)
    .orderBy('created_at')
    .execute();
  return rows.map(toRow);
}

/** The outcome of one attempt on a claimed row (only while the claim is still ours). */
export async function settleNotification(
  db: Db,
  s: {
    id: string;
    token: string;
    attempts: number;
    outcome:
      | { status: 'sent'; at: string }
      | { status: 'pending'; nextAttemptAt: string; error: string }
      | {
          status: 'failed';
          error: string;
        };
  },
): Promise<void> {
  const base = db
    .updateTable('notifications')
    .where('id', '=', s.id)
    .where('claim_token', '=', s.token)
    .where('status', '=', PENDING);
  const o = s.outcome;
  if (o.status === 'sent') {
    await base
      .set({ status: SENT, attempts: s.attempts, sent_at: o.at, last_error: null, claim_token: null })
      .execute();
  } else if (o.status === 'pending') {
    await base
      .set({ attempts: s.attempts, next_attempt_at: o.nextAttemptAt, last_error: o.error, claim_token: null })
      .execute();
  } else {
    await base
      .set({ status: FAILED, attempts: s.attempts, last_error: o.error, claim_token: null })
      .execute();
  }
}

export interface NoticeRow {
  id: string;
  kind: string;
  orderId: string;
  text: string;
  payload: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

/** In-app notices addressed to a unit, newest first, with this user's read state. */
export async function listNotices(
  db: Db,
  q: { unitId: string; userId: string; limit: number; unreadOnly: boolean },
): Promise<NoticeRow[]> {
  let query = db
    .selectFrom('notifications as n')
    .leftJoin('notices as r', (j) => j.onRef('r.notification_id', '=', 'n.id').on('r.user_id', '=', q.userId))
    .select(['n.id', 'n.kind', 'n.order_id', 'n.payload', 'n.created_at', 'r.read_at'])
    .where('n.recipient_unit_id', '=', q.unitId)
    .where('n.channel', '=', 'in_app');
  if (q.unreadOnly) query = query.where('r.read_at', 'is', null);
  const rows = await query.orderBy('n.created_at', 'desc').orderBy('n.id').limit(q.limit).execute();
  return rows.map((r) => {
    const payload = JSON.parse(r.payload) as Record<string, unknown>;
    return {
      id: r.id,
      kind: r.kind,
      orderId: r.order_id,
      text: typeof payload.text === 'string' ? payload.text : '',
      payload,
      createdAt: r.created_at,
      readAt: r.read_at ?? null,
    };
  });
}

export async function countUnreadNotices(db: Db, unitId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications as n')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('n.recipient_unit_id', '=', unitId)
    .where('n.channel', '=', 'in_app')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('notices as r')
            .select(sql<number>`1`.as('one'))
            .whereRef('r.notification_id', '=', 'n.id')
            .where('r.user_id', '=', userId),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** An in-app notice of the unit, if it exists. */
export async function findUnitNotice(
  db: Db,
  id: string,
  unitId: string,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('notifications')
    .select('id')
    .where('id', '=', id)
    .where('recipient_unit_id', '=', unitId)
    .where('channel', '=', 'in_app')
    .executeTakeFirst();
}

export async function markNoticeRead(db: Db, id: string, userId: string, at: string): Promise<void> {
  await db
    .insertInto('notices')
    .values({ notification_id: id, user_id: userId, read_at: at })
    .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing())
    .execute();
}

/** The hotline centre's unit(s): recipients of notices addressed to the centre. */
export async function findCentreUnitIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('units').select('id').where('kind', '=', 'centre').orderBy('id').execute();
  return rows.map((r) => r.id);
}
