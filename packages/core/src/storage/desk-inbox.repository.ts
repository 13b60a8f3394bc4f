import { type Kysely, sql } from 'kysely';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

/** One inbox row: an order on which the unit has an active task, with its most urgent open clock. */
export interface InboxRow {
  clockId: string;
  orderId: string;
  orderNo: string;
  title: string;
  status: string;
  appealType: string;
  urgency: string;
  role: string;
  taskStatus: string;
  clockKind: string;
  dueAt: string;
  warnAt: string;
  remindAt: string;
  escalateAt: string;
  stage: number;
  pausedAt: string | null;
  pendingExtensionDays: number | null;
  openSupervision: boolean;
}

export type InboxColour = 'red' | 'yellow' | 'green';

/**
 * A unit's active tasks that have an open clock, in the order of their most urgent clock's deadline
 * (the task row keeps that clock's due and warning instants: `refreshTaskClockSummary`). By deadline is
 * also by colour at `now`: red (past due, running) first, then yellow (warning started), then green.
 * One index range (`work_order_units_inbox_idx`); a colour is a sub-range.
 */
function inboxTasks(db: Db, unitId: string, colour: InboxColour | undefined, now: string) {
  let q = db
    .selectFrom('work_order_units as t')
    .where('t.unit_id', '=', unitId)
    .where('t.active', '=', 1)
    .where('t.clock_due_at', 'is not', null);
  if (colour === 'red') q = q.where('t.clock_due_at', '<', now).where('t.clock_paused', '=', 0);
  if (colour === 'yellow')
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('t.clock_due_at', '>=', now), eb('t.clock_warn_at', '<=', now)]),
        eb.and([eb('t.clock_due_at', '<', now), eb('t.clock_paused', '=', 1)]),
      ]),
    );
  if (colour === 'green') q = q.where('t.clock_due_at', '>=', now).where('t.clock_warn_at', '>', now);
  return q;
}

/** How many inbox rows (of one colour), counting at most `cap`. */
export async function countInbox(
  db: Db,
  unitId: string,
  colour: InboxColour | undefined,
  now: string,
  cap: number,
): Promise<number> {
  const row = await db
    .selectFrom(inboxTasks(db, unitId, colour, now).select(sql.lit(1).as('one')).limit(cap).as('x'))
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One page of inbox rows by deadline (the window found on the index, then its rows read). */
export async function listInbox(
  db: Db,
  unitId: string,
  colour: InboxColour | undefined,
  now: string,
  page: { offset: number; limit: number },
): Promise<InboxRow[]> {
  if (page.limit <= 0) return [];
  const window = await inboxTasks(db, unitId, colour, now)
    .select(['t.order_id', 't.clock_id'])
    // the leading index columns named so PostgreSQL reads in index order
    .orderBy('t.unit_id')
    .orderBy('t.active')
    .orderBy('t.clock_due_at')
    .orderBy('t.order_id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const clockIds = window.map((w) => w.clock_id).filter((id): id is string => id !== null);
  if (clockIds.length === 0) return [];
  const rows = await db
    .selectFrom('order_clocks as c')
    .innerJoin('work_orders as o', 'o.id', 'c.order_id')
    .innerJoin('work_order_units as u', (j) =>
      j.onRef('u.order_id', '=', 'c.order_id').onRef('u.unit_id', '=', 'c.unit_id'),
    )
    .select([
      'c.id as clock_id',
      'c.order_id',
      'o.order_no',
      'o.title',
      'o.status',
      'o.appeal_type',
      'o.urgency',
      'o.pending_extension_days',
      'u.role',
      'u.task_status',
      'c.kind',
      'c.due_at',
      'c.warn_at',
      'c.remind_at',
      'c.escalate_at',
      'c.stage',
      'c.paused_at',
    ])
    .where('c.id', 'in', clockIds)
    .execute();
  const supervised = new Set(
    (
      await db
        .selectFrom('supervisions')
        .select('order_id')
        .where('order_id', 'in', [...new Set(rows.map((r) => r.order_id))])
        .where('unit_id', '=', unitId)
        .where('status', '=', 'open')
        .execute()
    ).map((s) => s.order_id),
  );
  const position = new Map(clockIds.map((id, i) => [id, i]));
  rows.sort((x, y) => (position.get(x.clock_id) ?? 0) - (position.get(y.clock_id) ?? 0));
  return rows.map((r) => ({
    clockId: r.clock_id,
    orderId: r.order_id,
    orderNo: r.order_no,
    title: r.title,
    status: r.status,
    appealType: r.appeal_type,
    urgency: r.urgency,
    role: r.role,
    taskStatus: r.task_status,
    clockKind: r.kind,
    dueAt: r.due_at,
    warnAt: r.warn_at,
    remindAt: r.remind_at,
    escalateAt: r.escalate_at,
    stage: Number(r.stage),
    pausedAt: r.paused_at,
    pendingExtensionDays: r.pending_extension_days === null ? null : Number(r.pending_extension_days),
    openSupervision: supervised.has(r.order_id),
  }));
}
