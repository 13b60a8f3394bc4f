import {
  HANDLING_STATUSES,
  type Status,
  type UnitTaskStatus,
  isUnitTaskRole,
  isUnitTaskStatus,
} from '@huawu/domain';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { OrderEventRecord, OrderUnitRecord, WorkOrderRecord } from '../work-order.record.js';
import { eventHash } from '../archive/event-hash.js';
import type { Schema } from './schema.js';
import { orderToRow, rowToOrder } from './work-order.rows.js';
import { containsPattern, subtreePattern } from './sql-like.js';

type Db = Kysely<Schema>;

/** Which orders a caller may see: the whole centre, or orders involving a unit subtree. */
export type OrderScope = { kind: 'all' } | { kind: 'unit'; unitPath: string };

export interface OrderFilter {
  statuses?: Status[];
  appealType?: string;
  urgency?: string;
  unitPath?: string;
  createdFrom?: string;
  createdBefore?: string;
  overdueAt?: string;
  keyword?: string;
  page: number;
  pageSize: number;
  /** Count at most this many matches (default {@link LIST_COUNT_CAP}). */
  countCap?: number;
}

export async function insertOrder(db: Db, order: WorkOrderRecord): Promise<void> {
  await db.insertInto('work_orders').values(orderToRow(order)).execute();
}

/** Compare-and-set on `version`: false when someone else changed the order first. */
export async function updateOrder(db: Db, order: WorkOrderRecord, expectedVersion: number): Promise<boolean> {
  const { id, ...row } = orderToRow(order);
  const result = await db
    .updateTable('work_orders')
    .set(row)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findOrder(db: Db, idOrNumber: string): Promise<WorkOrderRecord | undefined> {
  const row = await db
    .selectFrom('work_orders')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrNumber), eb('order_no', '=', idOrNumber)]))
    .executeTakeFirst();
  return row ? rowToOrder(row) : undefined;
}

/** Allocates the day's next order number atomically (safe across processes on one PostgreSQL). */
export async function nextOrderNumber(db: Db, day: string): Promise<string> {
  const row = await db
    .insertInto('order_counters')
    .values({ day, last: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql`order_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${day.replaceAll('-', '')}${String(row.last).padStart(4, '0')}`;
}

export async function setOrderNumber(db: Db, id: string, orderNo: string): Promise<void> {
  await db.updateTable('work_orders').set({ order_no: orderNo }).where('id', '=', id).execute();
}

export async function listOrderUnits(db: Db, orderId: string): Promise<OrderUnitRecord[]> {
  const rows = await db
    .selectFrom('work_order_units as wu')
    .innerJoin('units as u', 'u.id', 'wu.unit_id')
    .select([
      'wu.unit_id',
      'u.name',
      'wu.role',
      'wu.assigned_at',
      'wu.active',
      'wu.task_status',
      'wu.parent_unit_id',
      'wu.signed_at',
      'wu.reported_at',
      'wu.report',
      'wu.instructions',
    ])
    .where('wu.order_id', '=', orderId)
    .orderBy('wu.assigned_at')
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    unitName: r.name,
    role: isUnitTaskRole(r.role) ? r.role : 'co',
    assignedAt: r.assigned_at,
    active: Number(r.active) === 1,
    taskStatus: isUnitTaskStatus(r.task_status) ? r.task_status : 'pending_sign',
    parentUnitId: r.parent_unit_id,
    signedAt: r.signed_at,
    reportedAt: r.reported_at,
    report: r.report,
    instructions: r.instructions,
  }));
}

const FRESH_TASK = {
  task_status: 'pending_sign',
  parent_unit_id: null,
  signed_at: null,
  reported_at: null,
  report: null,
  instructions: null,
} as const;

/**
 * Makes `leadUnitId` + `coUnitIds` the active units of an order, each with a fresh task (待签收);
 * earlier units stay on record, inactive (their unfinished tasks withdrawn).
 */
export async function assignOrderUnits(
  db: Db,
  orderId: string,
  leadUnitId: string | null,
  coUnitIds: readonly string[],
  at: string,
): Promise<void> {
  await db
    .updateTable('work_order_units')
    .set({ active: 0, task_status: 'withdrawn' })
    .where('order_id', '=', orderId)
    .where('active', '=', 1)
    .where('task_status', '!=', 'reported')
    .execute();
  await db.updateTable('work_order_units').set({ active: 0 }).where('order_id', '=', orderId).execute();
  const rows = [
    ...(leadUnitId ? [{ unit_id: leadUnitId, role: 'lead' }] : []),
    ...coUnitIds.map((unit_id) => ({ unit_id, role: 'co' })),
  ];
  for (const r of rows) await upsertTask(db, orderId, r.unit_id, r.role, at, {});
}

/** Adds (or re-activates) one unit's task, e.g. a unit the lead re-dispatches to (下派). */
export async function upsertTask(
  db: Db,
  orderId: string,
  unitId: string,
  role: string,
  at: string,
  extra: { parentUnitId?: string; instructions?: string },
): Promise<void> {
  const values = {
    ...FRESH_TASK,
    role,
    assigned_at: at,
    active: 1,
    parent_unit_id: extra.parentUnitId ?? null,
    instructions: extra.instructions ?? null,
  };
  await db
    .insertInto('work_order_units')
    .values({ order_id: orderId, unit_id: unitId, ...values })
    .onConflict((oc) => oc.columns(['order_id', 'unit_id']).doUpdateSet(values))
    .execute();
}

/** Changes one active task's state (签收, 反馈). */
export async function updateTask(
  db: Db,
  orderId: string,
  unitId: string,
  patch: { taskStatus: UnitTaskStatus; signedAt?: string; reportedAt?: string; report?: string },
): Promise<void> {
  await db
    .updateTable('work_order_units')
    .set({
      task_status: patch.taskStatus,
      ...(patch.signedAt !== undefined ? { signed_at: patch.signedAt } : {}),
      ...(patch.reportedAt !== undefined ? { reported_at: patch.reportedAt } : {}),
      ...(patch.report !== undefined ? { report: patch.report } : {}),
    })
    .where('order_id', '=', orderId)
    .where('unit_id', '=', unitId)
    .where('active', '=', 1)
    .execute();
}

export interface NewEvent {
  orderId: string;
  seq: number;
  event: string;
  fromStatus: Status | null;
  toStatus: Status;
  actorId: string;
  actorRole: string;
  at: string;
  comment: string | null;
  payload: Record<string, unknown>;
}

/**
 * Appends one timeline event, chained to the order's previous event: `prev_hash` is that event's hash
 * ('' for the first) and `hash` covers it and this row's stored columns (archive/event-hash.ts). The
 * table is append-only (triggers); this is the only writer.
 */
export async function insertEvent(db: Db, e: NewEvent): Promise<void> {
  // One primary-key lookup; the first event of an order has no predecessor to read.
  const prev =
    e.seq > 1
      ? await db
          .selectFrom('work_order_events')
          .select('hash')
          .where('order_id', '=', e.orderId)
          .where('seq', '<', e.seq)
          .orderBy('seq', 'desc')
          .limit(1)
          .executeTakeFirst()
      : undefined;
  const row = {
    order_id: e.orderId,
    seq: e.seq,
    event: e.event,
    from_status: e.fromStatus,
    to_status: e.toStatus,
    actor_id: e.actorId,
    actor_role: e.actorRole,
    at: e.at,
    comment: e.comment,
    payload: JSON.stringify(e.payload),
  };
  const prevHash = prev?.hash ?? '';
  await db
    .insertInto('work_order_events')
    .values({ ...row, prev_hash: prevHash, hash: eventHash(prevHash, row) })
    .execute();
}

export async function listEvents(db: Db, orderId: string): Promise<OrderEventRecord[]> {
  const rows = await db
    .selectFrom('work_order_events as e')
    .innerJoin('users as u', 'u.id', 'e.actor_id')
    .selectAll('e')
    .select('u.display_name')
    .where('e.order_id', '=', orderId)
    .orderBy('e.seq')
    .execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    event: r.event,
    fromStatus: r.from_status as Status | null,
    toStatus: r.to_status as Status,
    actorId: r.actor_id,
    actorName: r.display_name,
    actorRole: r.actor_role,
    at: r.at,
    comment: r.comment,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
  }));
}

/**
 * Orders involving a unit subtree. `exists` suits a page read in index order (it stops early);
 * `in` suits counting (the subquery runs once instead of once per order).
 */
function applyScope<O>(
  query: SelectQueryBuilder<Schema, 'work_orders', O>,
  unitPath: string,
  style: 'exists' | 'in' = 'exists',
): SelectQueryBuilder<Schema, 'work_orders', O> {
  // Escaped: `_` and `%` in unit ids are literal characters, not wildcards.
  const pattern = subtreePattern(unitPath);
  if (style === 'in') {
    return query.where('work_orders.id', 'in', (eb) =>
      eb
        .selectFrom('work_order_units as wu')
        .innerJoin('units as su', 'su.id', 'wu.unit_id')
        .select('wu.order_id')
        .where('su.path', 'like', pattern),
    );
  }
  return query.where(({ exists, selectFrom }) =>
    exists(
      selectFrom('work_order_units as wu')
        .innerJoin('units as su', 'su.id', 'wu.unit_id')
        .select(sql.lit(1).as('one'))
        .whereRef('wu.order_id', '=', 'work_orders.id')
        .where('su.path', 'like', pattern),
    ),
  );
}

export async function isOrderInScope(db: Db, orderId: string, scope: OrderScope): Promise<boolean> {
  if (scope.kind === 'all') return true;
  const row = await applyScope(
    db.selectFrom('work_orders').select('id').where('id', '=', orderId),
    scope.unitPath,
  ).executeTakeFirst();
  return row !== undefined;
}

/** The order list counts at most this many matches (then reports `totalCapped`). */
export const LIST_COUNT_CAP = 10_000;

export async function listOrders(
  db: Db,
  scope: OrderScope,
  f: OrderFilter,
): Promise<{
  items: (WorkOrderRecord & { leadUnitName: string | null })[];
  total: number;
  totalCapped: boolean;
}> {
  // A capped count: at a million orders an exact count costs more than the page itself; past the cap
  // the list says "10000+" (the page still reads in index order).
  const count = await db
    .selectFrom(
      filtered(db, scope, f, 'exists')
        .select(sql.lit(1).as('one'))
        .limit((f.countCap ?? LIST_COUNT_CAP) + 1)
        .as('capped'),
    )
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await filtered(db, scope, f, 'exists')
    .leftJoin('units as lu', 'lu.id', 'work_orders.lead_unit_id')
    .selectAll('work_orders')
    .select('lu.name as lead_unit_name')
    .orderBy('work_orders.created_at', 'desc')
    .orderBy('work_orders.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return {
    items: rows.map((r) => ({ ...rowToOrder(r), leadUnitName: r.lead_unit_name })),
    total: Math.min(Number(count.n), f.countCap ?? LIST_COUNT_CAP),
    totalCapped: Number(count.n) > (f.countCap ?? LIST_COUNT_CAP),
  };
}

function filtered(db: Db, scope: OrderScope, f: OrderFilter, style: 'exists' | 'in') {
  let q = db.selectFrom('work_orders');
  if (scope.kind === 'unit') q = applyScope(q, scope.unitPath, style);
  if (f.unitPath) q = applyScope(q, f.unitPath, style);
  // Columns are qualified: the page query below joins `units`, which has `created_at` too.
  if (f.statuses?.length) q = q.where('work_orders.status', 'in', f.statuses);
  if (f.appealType) q = q.where('work_orders.appeal_type', '=', f.appealType);
  if (f.urgency) q = q.where('work_orders.urgency', '=', f.urgency);
  if (f.createdFrom) q = q.where('work_orders.created_at', '>=', f.createdFrom);
  if (f.createdBefore) q = q.where('work_orders.created_at', '<', f.createdBefore);
  if (f.overdueAt) {
    q = q
      .where('work_orders.status', 'in', [...HANDLING_STATUSES])
      .where('work_orders.deadline_at', '<', f.overdueAt);
  }
  if (f.keyword) {
    const pattern = containsPattern(f.keyword.toLowerCase());
    q = q.where((eb) =>
      eb.or(
        (['order_no', 'title', 'content', 'address'] as const).map((c) =>
          eb(sql`lower(${sql.ref(`work_orders.${c}`)})`, 'like', pattern),
        ),
      ),
    );
  }
  return q;
}
