import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;
export type DeskQueueName =
  | 'pending_dispatch'
  | 'returns'
  | 'extensions'
  | 'overdue'
  | 'supervisions'
  | 'review'
  | 'reply'
  | 'callback'
  | 'escalated'
  | 'appeals';
type Page = { offset: number; limit: number };

/** The order columns every queue row carries. */
const ORDER_COLUMNS = [
  'o.id as order_id',
  'o.order_no',
  'o.title',
  'o.status',
  'o.urgency',
  'o.appeal_type',
  'o.category',
  'o.division_code',
  'o.created_at',
  'o.deadline_at',
  'o.lead_unit_id',
  'o.return_count',
  'o.negotiated',
  'o.pending_extension_days',
  'o.extension_requested_at',
  'o.replied_at',
  'o.caller_replied_at',
  'o.callback_attempts',
  'o.last_callback_attempt_at',
  'o.satisfaction',
  'o.resolved',
  'o.redo_count',
  'o.closed_at',
  'o.appeal_deadline_at',
] as const;

// biome-ignore lint/suspicious/noExplicitAny: the queue bases differ in their joined tables
type AnyQuery = SelectQueryBuilder<any, any, any>;

/** Each queue: the filtered rows in index order (`base`), paged by `page` with its order and columns. */
function queueBase(db: Db, queue: DeskQueueName, now: string): AnyQuery {
  switch (queue) {
    case 'pending_dispatch':
      return db.selectFrom('work_orders as o').where('o.status', '=', 'pending_dispatch');
    case 'returns':
      return db.selectFrom('work_orders as o').where('o.status', '=', 'return_requested');
    case 'extensions':
      return db.selectFrom('work_orders as o').where('o.extension_requested_at', 'is not', null);
    case 'overdue':
      // Red at `now`: running clocks past their deadline, in (open, paused_at, due_at) index order. A paused
      // clock is never red (an extension cannot be requested once the handling deadline has passed).
      return db
        .selectFrom('order_clocks as c')
        .where('c.open', '=', 1)
        .where('c.paused_at', 'is', null)
        .where('c.due_at', '<', now);
    case 'supervisions':
      return db.selectFrom('supervisions as s').where('s.status', '=', 'open');
    case 'review':
      return db.selectFrom('work_orders as o').where('o.status', '=', 'unit_replied');
    case 'reply':
      return db.selectFrom('work_orders as o').where('o.status', '=', 'pending_reply');
    case 'callback':
      return db.selectFrom('work_orders as o').where('o.status', '=', 'pending_callback');
    case 'escalated':
      return db.selectFrom('work_orders as o').where('o.status', '=', 'escalated');
    case 'appeals':
      return db.selectFrom('work_orders as o').where('o.appeal_status', '=', 'pending');
  }
}

export async function countQueue(db: Db, queue: DeskQueueName, now: string, cap: number): Promise<number> {
  const row = await db
    .selectFrom(queueBase(db, queue, now).select(sql<number>`1`.as('one')).limit(cap).as('x'))
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type QueueRow = Record<string, unknown> & { order_id: string };

export async function listQueue(db: Db, queue: DeskQueueName, now: string, page: Page): Promise<QueueRow[]> {
  if (page.limit <= 0) return [];
  let q = queueBase(db, queue, now);
  switch (queue) {
    case 'pending_dispatch':
    case 'returns':
    case 'escalated':
      // (status, created_at) index.
      q = q.select(ORDER_COLUMNS).orderBy('o.created_at').orderBy('o.id');
      break;
    case 'review':
    case 'reply':
      // The oldest unit reply first ((status, replied_at) index).
      q = q.select(ORDER_COLUMNS).orderBy('o.replied_at').orderBy('o.id');
      break;
    case 'callback':
      // The caller answered longest ago first ((status, caller_replied_at) index).
      q = q.select(ORDER_COLUMNS).orderBy('o.caller_replied_at').orderBy('o.id');
      break;
    case 'appeals':
      // The appeal whose filing window closes first ((appeal_status, appeal_deadline_at) index).
      q = q.select(ORDER_COLUMNS).orderBy('o.appeal_deadline_at').orderBy('o.id');
      break;
    case 'extensions':
      q = q.select(ORDER_COLUMNS).orderBy('o.extension_requested_at').orderBy('o.id');
      break;
    case 'overdue':
      q = q
        .innerJoin('work_orders as o', 'o.id', 'c.order_id')
        .innerJoin('units as un', 'un.id', 'c.unit_id')
        .select(ORDER_COLUMNS)
        .select([
          'c.id as clock_id',
          'c.kind as clock_kind',
          'c.due_at',
          'c.warn_at',
          'c.remind_at',
          'c.escalate_at',
          'c.stage',
          'c.paused_at',
          'c.unit_id',
          'un.name as unit_name',
        ])
        // Leading index columns (constants here) named so PostgreSQL reads in index order.
        .orderBy('c.open')
        .orderBy('c.paused_at')
        .orderBy('c.due_at')
        .orderBy('c.id');
      break;
    case 'supervisions':
      q = q
        .innerJoin('work_orders as o', 'o.id', 's.order_id')
        .innerJoin('units as un', 'un.id', 's.unit_id')
        .select(ORDER_COLUMNS)
        .select([
          's.id as supervision_id',
          's.kind as supervision_kind',
          's.requirement',
          's.issued_at',
          's.deadline_at as supervision_deadline_at',
          's.unit_id',
          'un.name as unit_name',
        ])
        .orderBy('s.deadline_at')
        .orderBy('s.id');
      break;
  }
  return (await q.limit(page.limit).offset(page.offset).execute()) as QueueRow[];
}

export interface LastEvent {
  at: string;
  actorId: string;
  payload: string;
  comment: string | null;
  unitId: string | null;
  unitName: string | null;
}

/** The last event of `event` per order, for a page of orders (one query). */
export async function lastEventsOf(db: Db, orderIds: readonly string[], event: string) {
  if (orderIds.length === 0) return new Map<string, LastEvent>();
  const rows = await db
    .selectFrom('work_order_events as e')
    .leftJoin('users as us', 'us.id', 'e.actor_id')
    .leftJoin('units as un', 'un.id', 'us.unit_id')
    .select([
      'e.order_id',
      'e.seq',
      'e.at',
      'e.actor_id',
      'e.payload',
      'e.comment',
      'us.unit_id',
      'un.name as unit_name',
    ])
    .where('e.order_id', 'in', [...orderIds])
    .where('e.event', '=', event)
    .orderBy('e.seq')
    .execute();
  const last = new Map<string, LastEvent>();
  for (const r of rows) {
    last.set(r.order_id, {
      at: r.at,
      actorId: r.actor_id,
      payload: r.payload,
      comment: r.comment,
      unitId: r.unit_id,
      unitName: r.unit_name,
    });
  }
  return last;
}

/** The open clocks of a kind on a page of orders (index (order_id, open)). */
export async function openClocksOf(db: Db, orderIds: readonly string[], kind: string) {
  if (orderIds.length === 0) return new Map<string, OpenClockRow>();
  const rows = await db
    .selectFrom('order_clocks')
    .select(['order_id', 'due_at', 'warn_at', 'remind_at', 'escalate_at', 'stage', 'paused_at'])
    .where('order_id', 'in', [...orderIds])
    .where('open', '=', 1)
    .where('kind', '=', kind)
    .execute();
  return new Map(rows.map((r) => [r.order_id, r as OpenClockRow]));
}

export interface OpenClockRow {
  order_id: string;
  due_at: string;
  warn_at: string;
  remind_at: string;
  escalate_at: string;
  stage: number;
  paused_at: string | null;
}

/** Unit names by id (one query). */
export async function unitNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('units').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
