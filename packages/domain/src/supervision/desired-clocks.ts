/**
 * Which clocks an order should have running, from its state: one pure function, so every transition
 * simply reconciles the stored clocks with it (start what is missing, stop what is no longer wanted,
 * re-arm a clock whose deadline moved, pause the handling clocks while an extension waits).
 */
import type { MachineTask } from '../work-order.machine-types.js';
import type { Status } from '../work-order.status.js';
import type { ClockKind } from './clock-ladder.js';

/** A deadline fixed by the order (ISO instant), or a limit counted from when the clock starts. */
export type ClockDue = { at: string } | { limit: 'sign' | 'reply' | 'callback' };

export interface DesiredClock {
  kind: ClockKind;
  unitId: string;
  due: ClockDue;
  /** Handling clocks pause while an extension request waits for the centre (docs/DISPATCH.md). */
  paused: boolean;
  supervisionId: string | null;
}

export interface ClockState {
  status: Status;
  leadUnitId: string | null;
  signDeadlineAt: string | null;
  deadlineAt: string | null;
  pendingExtension: boolean;
  tasks: readonly MachineTask[];
  /** Open 督办 orders. */
  supervisions: readonly { id: string; unitId: string; deadlineAt: string }[];
  /** The hotline centre's unit (owner of the reply and callback clocks). */
  centreUnitId: string | null;
}

const UNIT_WORK: readonly Status[] = ['dispatched', 'return_requested', 'in_progress'];
const CENTRE_CLOCKS: readonly Status[] = ['pending_reply', 'pending_callback'];

/** Whether an order in this status has a clock of the hotline centre (reply or callback). */
export const hasCentreClock = (status: Status): boolean => CENTRE_CLOCKS.includes(status);

/** Whether units work on an order in this status (their tasks, clocks and 督办 are live). */
export const isUnitWork = (status: Status): boolean => UNIT_WORK.includes(status);

export function desiredClocks(s: ClockState): DesiredClock[] {
  const out: DesiredClock[] = [];
  const add = (
    kind: ClockKind,
    unitId: string,
    due: ClockDue,
    paused = false,
    supervisionId: string | null = null,
  ) => out.push({ kind, unitId, due, paused, supervisionId });
  if (UNIT_WORK.includes(s.status)) {
    for (const task of s.tasks) {
      const isLead = task.role === 'lead';
      // The lead's part waits while the centre reviews its return request.
      if (isLead && s.status === 'return_requested') continue;
      if (task.status === 'pending_sign') {
        add('sign', task.unitId, isLead && s.signDeadlineAt ? { at: s.signDeadlineAt } : { limit: 'sign' });
      }
      const handles = isLead ? task.status !== 'withdrawn' : task.status === 'signed';
      if (handles && s.deadlineAt) add('handle', task.unitId, { at: s.deadlineAt }, s.pendingExtension);
    }
    for (const sup of s.supervisions) add('supervision', sup.unitId, { at: sup.deadlineAt }, false, sup.id);
  }
  if (s.centreUnitId && s.status === 'pending_reply') add('reply', s.centreUnitId, { limit: 'reply' });
  if (s.centreUnitId && s.status === 'pending_callback')
    add('callback', s.centreUnitId, { limit: 'callback' });
  return out;
}

/** Two clocks are the same clock when kind, unit and (for 督办) the supervision order agree. */
export const sameClock = (
  a: { kind: string; unitId: string; supervisionId: string | null },
  b: { kind: string; unitId: string; supervisionId: string | null },
): boolean =>
  a.kind === b.kind && a.unitId === b.unitId && (a.supervisionId ?? null) === (b.supervisionId ?? null);
