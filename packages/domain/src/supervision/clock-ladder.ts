/**
 * Clocks and the supervision ladder (督办阶梯). Every running time limit of an order is a clock owned
 * by one unit. Before its deadline a clock turns yellow (黄牌), after it red (红牌); a missed deadline
 * brings a reminder (催办) and later a supervision order plus escalation to the unit's superior
 * (督办并报上级). Pure: the sweeper in core applies these steps on time, once each.
 */
import {
  type DeadlineContext,
  type DeadlinePolicy,
  computeDeadline,
  warningInstant,
} from '../calendar/index.js';

export const CLOCK_KINDS = ['sign', 'handle', 'reply', 'callback', 'supervision'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

export const CLOCK_KIND_LABELS: Record<ClockKind, string> = {
  sign: '签收',
  handle: '办理',
  reply: '回复来电人',
  callback: '回访',
  supervision: '督办回复',
};

/** The ladder's steps in order; a clock's stage is how many it has passed (0 = green). */
export const LADDER_STEPS = ['yellow', 'red', 'remind', 'escalate'] as const;
export type LadderStep = (typeof LADDER_STEPS)[number];
export const FINAL_STAGE = LADDER_STEPS.length;

export const LADDER_STEP_LABELS: Record<LadderStep, string> = {
  yellow: '黄牌预警',
  red: '红牌超期',
  remind: '超期催办',
  escalate: '督办并报上级',
};

/** The colour a clock shows: green before the yellow card, then yellow, then red. */
export type ClockColour = 'green' | 'yellow' | 'red';
export const clockColour = (stage: number): ClockColour =>
  stage >= 2 ? 'red' : stage === 1 ? 'yellow' : 'green';

export interface ClockTimes {
  dueAt: Date;
  warnAt: Date;
  remindAt: Date;
  escalateAt: Date;
}

/** The instants of a clock's ladder, from its deadline and the policy. */
export function planClock(dueAt: Date, policy: DeadlinePolicy, ctx: DeadlineContext): ClockTimes {
  return {
    dueAt,
    warnAt: warningInstant(dueAt, policy.warningBefore, ctx),
    remindAt: computeDeadline(dueAt, policy.remindAfter, ctx).deadline,
    escalateAt: computeDeadline(dueAt, policy.escalateAfter, ctx).deadline,
  };
}

/** The instant a clock reaches step `stage + 1` (null when no step is left). */
export function stepInstant(times: ClockTimes, stage: number): Date | null {
  switch (stage) {
    case 0:
      return times.warnAt;
    case 1:
      // red: strictly after the deadline (the deadline instant itself is still yellow)
      return new Date(times.dueAt.getTime() + 1);
    case 2:
      return times.remindAt.getTime() > times.dueAt.getTime()
        ? times.remindAt
        : new Date(times.dueAt.getTime() + 1);
    case 3:
      return times.escalateAt.getTime() > times.dueAt.getTime()
        ? times.escalateAt
        : new Date(times.dueAt.getTime() + 1);
    default:
      return null;
  }
}

/** The stage a clock should be in at `now`: how many steps are due. Monotonic in `now`. */
export function stageAt(times: ClockTimes, now: Date): number {
  let stage = 0;
  for (;;) {
    const at = stepInstant(times, stage);
    if (!at || at.getTime() > now.getTime()) return stage;
    stage++;
  }
}

/** The steps a clock passes going from stage `from` to stage `to` (a late sweeper applies each once). */
export function stepsBetween(from: number, to: number): LadderStep[] {
  return LADDER_STEPS.slice(Math.max(0, from), Math.max(0, to));
}

/** Who hears of a step: the clock's unit; the centre from red on; the unit's superior on escalation. */
export interface StepAudience {
  unit: boolean;
  centre: boolean;
  superior: boolean;
}

export const STEP_AUDIENCE: Record<LadderStep, StepAudience> = {
  yellow: { unit: true, centre: false, superior: false },
  red: { unit: true, centre: true, superior: false },
  remind: { unit: true, centre: false, superior: false },
  escalate: { unit: true, centre: true, superior: true },
};

/**
 * Escalation opens an automatic 督办 for a unit's sign or handling clock; not on a 督办's own clock (no
 * 督办 of a 督办) nor on the centre's reply and callback clocks (the centre does not supervise itself).
 */
export const escalationOpensSupervision = (kind: ClockKind): boolean => kind === 'sign' || kind === 'handle';
