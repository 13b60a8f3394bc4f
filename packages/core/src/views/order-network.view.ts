import {
  CLOCK_KIND_LABELS,
  type ClockKind,
  LADDER_STEP_LABELS,
  type LadderStep,
  UNIT_TASK_ROLE_LABELS,
  UNIT_TASK_STATUS_LABELS,
  clockColour,
  stageAt,
} from '@huawu/domain';
import type { Kysely } from 'kysely';
import { type ClockMarkRecord, listClockMarks } from '../storage/clock-marks.repository.js';
import { listNegotiations } from '../storage/negotiations.repository.js';
import { type ClockRecord, listOrderClocks } from '../storage/order-clocks.repository.js';
import type { Schema } from '../storage/schema.js';
import { listSupervisions } from '../storage/supervisions.repository.js';
import type { OrderUnitRecord } from '../work-order.record.js';

/** Everything about an order's dispatch network beyond its row: clocks, ladder steps, 督办, negotiations. */
export async function networkOf(db: Kysely<Schema>, orderId: string) {
  const [clocks, marks, supervisions, negotiations] = await Promise.all([
    listOrderClocks(db, orderId),
    listClockMarks(db, orderId),
    listSupervisions(db, orderId),
    listNegotiations(db, orderId),
  ]);
  return { clocks, marks, supervisions, negotiations };
}

type Network = Awaited<ReturnType<typeof networkOf>>;

/** The network of an order no unit has touched yet. */
export const EMPTY_NETWORK: Network = { clocks: [], marks: [], supervisions: [], negotiations: [] };

/** A clock as the UI shows it: the colour is computed at `now` (the sweeper may lag a few seconds). */
export function clockView(c: ClockRecord, unitName: string | null, now: Date) {
  const times = {
    dueAt: new Date(c.dueAt),
    warnAt: new Date(c.warnAt),
    remindAt: new Date(c.remindAt),
    escalateAt: new Date(c.escalateAt),
  };
  const stage = c.open && !c.pausedAt ? Math.max(c.stage, stageAt(times, now)) : c.stage;
  return {
    id: c.id,
    kind: c.kind,
    kindLabel: CLOCK_KIND_LABELS[c.kind as ClockKind] ?? c.kind,
    unitId: c.unitId,
    unitName,
    startedAt: c.startedAt,
    dueAt: c.dueAt,
    stage,
    colour: clockColour(stage),
    open: c.open,
    paused: c.pausedAt !== null,
    stoppedAt: c.stoppedAt,
    stopReason: c.stopReason,
  };
}

export function markView(m: ClockMarkRecord) {
  return {
    id: m.id,
    at: m.at,
    step: m.step,
    stepLabel: LADDER_STEP_LABELS[m.step as LadderStep] ?? m.step,
    clockKind: m.clockKind,
    clockKindLabel: CLOCK_KIND_LABELS[m.clockKind as ClockKind] ?? m.clockKind,
    unitId: m.unitId,
    unitName: m.unitName ?? null,
    dueAt: m.dueAt,
    detail: m.detail,
  };
}

export function networkView(n: Network, units: readonly OrderUnitRecord[], now: Date) {
  const nameOf = (id: string) => units.find((u) => u.unitId === id)?.unitName ?? null;
  const clocks = n.clocks.map((c) =>
    clockView(
      c,
      nameOf(c.unitId) ?? n.supervisions.find((s) => s.unitId === c.unitId)?.unitName ?? null,
      now,
    ),
  );
  return {
    tasks: units.map((u) => ({
      ...u,
      roleLabel: UNIT_TASK_ROLE_LABELS[u.role],
      taskStatusLabel: UNIT_TASK_STATUS_LABELS[u.taskStatus],
      parentUnitName: u.parentUnitId ? nameOf(u.parentUnitId) : null,
      clocks: clocks.filter((c) => c.open && c.unitId === u.unitId),
    })),
    clocks,
    ladder: n.marks.map(markView),
    supervisions: n.supervisions,
    negotiations: n.negotiations.map((x) => ({
      ...x,
      leadUnitName: nameOf(x.leadUnitId),
      coUnitNames: x.coUnitIds.map((id) => nameOf(id) ?? id),
    })),
  };
}
