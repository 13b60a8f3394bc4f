import type { ClockKind } from '@huawu/domain';
import type { Kysely, Selectable } from 'kysely';
import type { OrderClocksTable } from './schema.dispatch-network.js';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

/** A clock as the core sees it (instants ISO-8601 UTC). */
export interface ClockRecord {
  id: string;
  orderId: string;
  unitId: string;
  kind: ClockKind;
  supervisionId: string | null;
  startedAt: string;
  dueAt: string;
  warnAt: string;
  remindAt: string;
  escalateAt: string;
  stage: number;
  generation: number;
  nextAt: string | null;
  open: boolean;
  pausedAt: string | null;
  stoppedAt: string | null;
  stopReason: string | null;
}

export function rowToClock(r: Selectable<OrderClocksTable>): ClockRecord {
  return {
    id: r.id,
    orderId: r.order_id,
    unitId: r.unit_id,
    kind: r.kind as ClockKind,
    supervisionId: r.supervision_id,
    startedAt: r.started_at,
    dueAt: r.due_at,
    warnAt: r.warn_at,
    remindAt: r.remind_at,
    escalateAt: r.escalate_at,
    stage: Number(r.stage),
    generation: Number(r.generation),
    nextAt: r.next_at,
    open: Number(r.open) === 1,
    pausedAt: r.paused_at,
    stoppedAt: r.stopped_at,
    stopReason: r.stop_reason,
  };
}

function clockToRow(c: ClockRecord) {
  return {
    id: c.id,
    order_id: c.orderId,
    unit_id: c.unitId,
    kind: c.kind,
    supervision_id: c.supervisionId,
    started_at: c.startedAt,
    due_at: c.dueAt,
    warn_at: c.warnAt,
    remind_at: c.remindAt,
    escalate_at: c.escalateAt,
    stage: c.stage,
    generation: c.generation,
    next_at: c.nextAt,
    open: c.open ? 1 : 0,
    paused_at: c.pausedAt,
    stopped_at: c.stoppedAt,
    stop_reason: c.stopReason,
  };
}

export async function listOpenClocks(db: Db, orderId: string): Promise<ClockRecord[]> {
  const rows = await db
    .selectFrom('order_clocks')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('open', '=', 1)
    .execute();
  return rows.map(rowToClock);
}

/** Every clock of an order, running and stopped, oldest first (the order page). */
export async function listOrderClocks(db: Db, orderId: string): Promise<ClockRecord[]> {
  const rows = await db
    .selectFrom('order_clocks')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('started_at')
    .orderBy('id')
    .execute();
  return rows.map(rowToClock);
}

export async function insertClock(db: Db, c: ClockRecord): Promise<void> {
  await db.insertInto('order_clocks').values(clockToRow(c)).execute();
}

/** Writes a clock changed by a transition (re-armed, paused, stopped). */
export async function saveClock(db: Db, c: ClockRecord): Promise<void> {
  const { id, ...rest } = clockToRow(c);
  await db.updateTable('order_clocks').set(rest).where('id', '=', id).execute();
}

/**
 * Keeps each task row's clock summary (its most urgent open clock: the earliest-due running one, else
 * the earliest paused one) equal to the order's open clocks. Called after every clock change of an
 * order, in the same transaction; rows without an open clock get none.
 */
export async function refreshTaskClockSummary(
  db: Db,
  orderId: string,
  /** The order's open clocks when the caller holds them (saves reading them again). */
  known?: readonly ClockRecord[],
): Promise<void> {
  const open = known ?? (await listOpenClocks(db, orderId));
  const best = new Map<string, ClockRecord>();
  for (const c of open) {
    const cur = best.get(c.unitId);
    const rank = (x: ClockRecord) => [x.pausedAt ? 1 : 0, Date.parse(x.dueAt)] as const;
    if (!cur) {
      best.set(c.unitId, c);
      continue;
    }
    const [a, b] = [rank(c), rank(cur)];
    if (a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && c.id < cur.id))))
      best.set(c.unitId, c);
  }
  const tasks = await db
    .selectFrom('work_order_units')
    .select(['unit_id', 'active', 'clock_id', 'clock_due_at', 'clock_warn_at', 'clock_paused'])
    .where('order_id', '=', orderId)
    .execute();
  for (const t of tasks) {
    const c = Number(t.active) === 1 ? best.get(t.unit_id) : undefined;
    const next = {
      clock_id: c?.id ?? null,
      clock_due_at: c?.dueAt ?? null,
      clock_warn_at: c?.warnAt ?? null,
      clock_paused: c?.pausedAt ? 1 : 0,
    };
    const same =
      t.clock_id === next.clock_id &&
      t.clock_due_at === next.clock_due_at &&
      t.clock_warn_at === next.clock_warn_at &&
      Number(t.clock_paused) === next.clock_paused;
    if (same) continue;
    await db
      .updateTable('work_order_units')
      .set(next)
      .where('order_id', '=', orderId)
      .where('unit_id', '=', t.unit_id)
      .execute();
  }
}
