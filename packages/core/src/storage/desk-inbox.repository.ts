import { type Kysely, sql } from 'kysely';
import { type DeskColour, colourRank, pausedColourIs, runningColourIs } from './desk-sql.js';
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

/** Running clocks (a range on due_at, index order) or paused ones (few: pending extensions). */
export type InboxPart = 'running' | 'paused';

/**
 * (`LIMIT 1 OFFSET 0` keeps PostgreSQL from turning the NOT EXISTS into a hash anti-join over all the
 * unit's clocks: it stays one index probe per candidate row, which the LIMIT of the callers bounds.)
 *
 * The unit's open clocks of one colour at `now` that are the most urgent of that unit on their order
 * (colour, then due time, then id) — one row per order. An open clock of a unit means the unit has an
 * active task on the order (clocks are reconciled with the tasks in every transition).
 */
function inboxBase(db: Db, unitId: string, colour: DeskColour | null, part: InboxPart, now: string) {
  let q = db
    .selectFrom('order_clocks as c')
    .where('c.unit_id', '=', unitId)
    .where('c.open', '=', 1)
    .where('c.paused_at', part === 'running' ? 'is' : 'is not', null);
  if (colour)
    q = q.where(part === 'running' ? runningColourIs('c', colour, now) : pausedColourIs('c', colour));
  return q.where(
    sql<boolean>`NOT EXISTS (SELECT 1 FROM order_clocks c2 WHERE c2.order_id = c.order_id
        AND c2.unit_id = c.unit_id AND c2.open = 1 AND c2.id <> c.id AND (${colourRank('c2', now)} < ${colourRank('c', now)}
        OR (${colourRank('c2', now)} = ${colourRank('c', now)} AND (c2.due_at < c.due_at
        OR (c2.due_at = c.due_at AND c2.id < c.id)))) LIMIT 1 OFFSET 0)`,
  );
}

/** How many inbox rows of one colour, counting at most `cap`. */
export async function countInbox(
  db: Db,
  unitId: string,
  colour: DeskColour,
  part: InboxPart,
  now: string,
  cap: number,
) {
  const row = await db
    .selectFrom(inboxBase(db, unitId, colour, part, now).select('c.id').limit(cap).as('x'))
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One page of inbox rows of one colour, by due time. */
export async function listInbox(
  db: Db,
  unitId: string,
  /** null: every colour (used for the few paused clocks, read whole). */
  colour: DeskColour | null,
  part: InboxPart,
  now: string,
  page: { offset: number; limit: number },
): Promise<InboxRow[]> {
  if (page.limit <= 0) return [];
  // The window is found on the covering index alone (OFFSET rows cost no joins), then its rows are read.
  const base = inboxBase(db, unitId, colour, part, now).select('c.id');
  // Running: the leading index columns are constants; naming them lets PostgreSQL read in index order
  // (it does not treat `paused_at IS NULL` as fixing the column for ordering). Paused: few rows, sorted.
  const ordered =
    part === 'running' ? base.orderBy('c.unit_id').orderBy('c.open').orderBy('c.paused_at') : base;
  const ids = (
    await ordered.orderBy('c.due_at').orderBy('c.id').limit(page.limit).offset(page.offset).execute()
  ).map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('order_clocks as c')
    .where('c.id', 'in', ids)
    .innerJoin('work_orders as o', 'o.id', 'c.order_id')
    .leftJoin('work_order_units as u', (j) =>
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
    .execute();
  // Open 督办 of the unit on these orders (by the order index; few rows).
  const supervised = new Set(
    (
      await db
        .selectFrom('supervisions')
        .select(['order_id', 'unit_id'])
        .where('order_id', 'in', [...new Set(rows.map((r) => r.order_id))])
        .where('status', '=', 'open')
        .execute()
    )
      .filter((s) => s.unit_id === unitId)
      .map((s) => s.order_id),
  );
  const at = new Map(ids.map((id, i) => [id, i]));
  rows.sort((x, y) => (at.get(x.clock_id) ?? 0) - (at.get(y.clock_id) ?? 0));
  return rows.map((r) => ({
    clockId: r.clock_id,
    orderId: r.order_id,
    orderNo: r.order_no,
    title: r.title,
    status: r.status,
    appealType: r.appeal_type,
    urgency: r.urgency,
    role: r.role ?? 'lead',
    taskStatus: r.task_status ?? 'signed',
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
