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
