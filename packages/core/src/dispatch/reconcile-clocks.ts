import { randomUUID } from 'node:crypto';
import {
  type ClockDue,
  type DeadlineContext,
  type DeadlinePolicy,
  type DesiredClock,
  type MachineTask,
  computeDeadline,
  desiredClocks,
  planClock,
  sameClock,
  stepInstant,
} from '@huawu/domain';
import type { Kysely } from 'kysely';
import {
  type ClockRecord,
  insertClock,
  listOpenClocks,
  refreshTaskClockSummary,
  saveClock,
} from '../storage/order-clocks.repository.js';
import type { Schema } from '../storage/schema.js';
import type { WorkOrderRecord } from '../work-order.record.js';

export interface ReconcileInput {
  order: WorkOrderRecord;
  tasks: readonly MachineTask[];
  supervisions: readonly { id: string; unitId: string; deadlineAt: string }[];
  centreUnitId: string | null;
  now: Date;
  calendar: DeadlineContext;
  policy: DeadlinePolicy;
  /** Why clocks stop (the event's name). */
  reason: string;
}

const dueInstant = (due: ClockDue, now: Date, calendar: DeadlineContext, policy: DeadlinePolicy): Date =>
  'at' in due ? new Date(due.at) : computeDeadline(now, policy[due.limit], calendar).deadline;

/** A clock armed for `dueAt`: its ladder instants, green, looking at its first step next. */
function armed(base: ClockRecord, dueAt: Date, paused: boolean, now: Date, r: ReconcileInput): ClockRecord {
  const times = planClock(dueAt, r.policy, r.calendar);
  return {
    ...base,
    dueAt: times.dueAt.toISOString(),
    warnAt: times.warnAt.toISOString(),
    remindAt: times.remindAt.toISOString(),
    escalateAt: times.escalateAt.toISOString(),
    stage: 0,
    nextAt: paused ? null : (stepInstant(times, 0)?.toISOString() ?? null),
    pausedAt: paused ? now.toISOString() : null,
  };
}

/**
 * Makes the stored clocks of an order match what its state wants (domain `desiredClocks`), inside the
 * transition's transaction: starts missing clocks, stops unwanted ones, re-arms a clock whose deadline
 * moved (a new generation: its ladder starts again), pauses and resumes handling clocks around an
 * extension request. Idempotent: running it twice changes nothing.
 */
export async function reconcileClocks(tx: Kysely<Schema>, r: ReconcileInput): Promise<void> {
  const { order, now } = r;
  const at = now.toISOString();
  const wanted: DesiredClock[] = desiredClocks({
    status: order.status,
    leadUnitId: order.leadUnitId,
    signDeadlineAt: order.signDeadlineAt,
    deadlineAt: order.deadlineAt,
    pendingExtension: order.pendingExtensionDays !== null,
    tasks: r.tasks,
    supervisions: r.supervisions,
    centreUnitId: r.centreUnitId,
  });
  const open = await listOpenClocks(tx, order.id);
  const stillOpen: ClockRecord[] = [];
  for (const clock of open) {
    const want = wanted.find((w) => sameClock(w, clock));
    if (!want) {
      await saveClock(tx, { ...clock, open: false, nextAt: null, stoppedAt: at, stopReason: r.reason });
      continue;
    }
    stillOpen.push(await keepClock(tx, clock, want, r));
  }
  for (const want of wanted) {
    if (open.some((c) => sameClock(want, c))) continue;
    const base: ClockRecord = {
      id: randomUUID(),
      orderId: order.id,
      unitId: want.unitId,
      kind: want.kind,
      supervisionId: want.supervisionId,
      startedAt: at,
      dueAt: at,
      warnAt: at,
      remindAt: at,
      escalateAt: at,
      stage: 0,
      generation: 1,
      nextAt: null,
      open: true,
      pausedAt: null,
      stoppedAt: null,
      stopReason: null,
    };
    const clock = armed(base, dueInstant(want.due, now, r.calendar, r.policy), want.paused, now, r);
    await insertClock(tx, clock);
    stillOpen.push(clock);
  }
  await refreshTaskClockSummary(tx, order.id, stillOpen);
}

/** A wanted clock that is already running: re-armed when its deadline moved, paused or resumed. */
async function keepClock(
  tx: Kysely<Schema>,
  clock: ClockRecord,
  want: DesiredClock,
  r: ReconcileInput,
): Promise<ClockRecord> {
  const at = r.now.toISOString();
  const fixedDue = 'at' in want.due ? want.due.at : null;
  const isPaused = clock.pausedAt !== null;
  let next = clock;
  if (fixedDue !== null && Date.parse(fixedDue) !== Date.parse(clock.dueAt)) {
    next = { ...armed(clock, new Date(fixedDue), want.paused, r.now, r), generation: clock.generation + 1 };
  } else if (want.paused && !isPaused) {
    next = { ...clock, pausedAt: at, nextAt: null };
  } else if (!want.paused && isPaused) {
    const times = {
      dueAt: new Date(clock.dueAt),
      warnAt: new Date(clock.warnAt),
      remindAt: new Date(clock.remindAt),
      escalateAt: new Date(clock.escalateAt),
    };
    next = { ...clock, pausedAt: null, nextAt: stepInstant(times, clock.stage)?.toISOString() ?? null };
  }
  if (next !== clock) await saveClock(tx, next);
  return next;
}
