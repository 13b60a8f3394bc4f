/**
 * Deadlines from time limits. The semantics, followed exactly by every function here:
 *
 * - **working_days N** from instant `t`: due at the end of the last working period of the N-th
 *   working day after the local date of `t`, i.e.
 *   `localDateTimeToInstant(addWorkingDays(toLocalDate(t), N), lastPeriod.end)`. The start day itself is
 *   never counted; if `t` is on a non-working day, counting starts as if from that day (the next
 *   working day is day 1). N = 0 means "by the end of today" (of the next working day on a rest day).
 * - **working_hours H**: H hours counted only inside the working periods of working days
 *   ({@link addWorkingHours}); a start outside working time begins at the next period.
 * - **calendar_hours H**: plain elapsed time, `t + H h`; the calendar is not consulted.
 *
 * Every result carries `missingYears`: years the computation walked through that have no holiday data
 * (plain weekends were assumed there). A non-empty list must be shown, never ignored.
 */
import type { HolidaySchedule } from './holiday-schedule.js';
import { type LocalDate, localDateTimeToInstant, toLocalDate } from './local-date.js';
import type { TimeLimit } from './deadline-policy.js';
import { addWorkingDays, coverage } from './working-days.js';
import { addWorkingHours, endOfWorkingDay, type WorkingHours, workingHoursBetween } from './working-hours.js';

export interface DeadlineContext {
  schedule: HolidaySchedule;
  workingHours: WorkingHours;
  /** IANA zone of the working calendar, normally Asia/Shanghai. */
  timeZone: string;
}

export interface DeadlineResult {
  deadline: Date;
  missingYears: number[];
}

/** 'warning' = 黄牌 (within `warningBefore` of the deadline), 'overdue' = 红牌 (past it). */
export type DeadlineState = 'ok' | 'warning' | 'overdue';

const HOUR_MS = 3_600_000;

/** End of the working day `n` working days after `date` (n = 0: `date`, or the next working day). */
const endOfNthWorkingDay = (date: LocalDate, n: number, ctx: DeadlineContext): DeadlineResult => {
  const due = addWorkingDays(date, n, ctx.schedule);
  return {
    deadline: localDateTimeToInstant(due, endOfWorkingDay(ctx.workingHours), ctx.timeZone),
    missingYears: coverage(ctx.schedule, date, due).missingYears,
  };
};

/** The instant a limit started at `start` falls due (see the module comment for the semantics). */
export const computeDeadline = (start: Date, limit: TimeLimit, ctx: DeadlineContext): DeadlineResult => {
  if (!(limit.amount >= 0)) throw new RangeError(`time limit must be ≥ 0, got ${limit.amount}`);
  switch (limit.unit) {
    case 'working_days':
      return endOfNthWorkingDay(toLocalDate(start, ctx.timeZone), limit.amount, ctx);
    case 'working_hours': {
      const deadline = addWorkingHours(start, limit.amount, ctx.schedule, ctx.workingHours, ctx.timeZone);
      const from = toLocalDate(start, ctx.timeZone);
      return {
        deadline,
        missingYears: coverage(ctx.schedule, from, toLocalDate(deadline, ctx.timeZone)).missingYears,
      };
    }
    case 'calendar_hours':
      return { deadline: new Date(start.getTime() + limit.amount * HOUR_MS), missingYears: [] };
  }
};

/**
 * 延期: a deadline moved `workingDays` working days later, due at the end of the working day reached
 * from the current deadline's local date (an hours-based deadline at 11:00 extended by 1 is due at
 * the end of the next working day). The cap per appeal type is checked by the caller
 * (`maxExtensionDays`).
 */
export const extendDeadline = (deadline: Date, workingDays: number, ctx: DeadlineContext): DeadlineResult => {
  if (!Number.isInteger(workingDays) || workingDays < 1) {
    throw new RangeError(`an extension is a whole number of working days ≥ 1, got ${workingDays}`);
  }
  return endOfNthWorkingDay(toLocalDate(deadline, ctx.timeZone), workingDays, ctx);
};

/**
 * The moment the yellow card starts:
 * - working_days N: the end of the working day N working days before the deadline's local date
 *   (N = 1 with a 17:30 deadline: yellow from 17:30 the working day before, i.e. the whole last day);
 * - working_hours H: when H working hours remain (computed in {@link deadlineState});
 * - calendar_hours H: `deadline − H h`.
 */
const warningStart = (deadline: Date, before: TimeLimit, ctx: DeadlineContext): number => {
  if (before.unit === 'calendar_hours') return deadline.getTime() - before.amount * HOUR_MS;
  if (before.unit === 'working_hours') return workingHoursBefore(deadline, before.amount, ctx);
  const local = toLocalDate(deadline, ctx.timeZone);
  const day = addWorkingDays(local, -before.amount, ctx.schedule);
  const start = localDateTimeToInstant(day, endOfWorkingDay(ctx.workingHours), ctx.timeZone).getTime();
  return Math.min(start, deadline.getTime());
};

/**
 * 'overdue' (红牌) when `now` is after the deadline; 'warning' (黄牌) when `now` is within
 * `warningBefore` of it (the deadline instant itself is still 'warning', not overdue); else 'ok'.
 */
export const deadlineState = (
  now: Date,
  deadline: Date,
  warningBefore: TimeLimit,
  ctx: DeadlineContext,
): DeadlineState => {
  if (now.getTime() > deadline.getTime()) return 'overdue';
  if (warningBefore.amount <= 0) return 'ok';
  if (warningBefore.unit === 'working_hours') {
    const left = workingHoursBetween(now, deadline, ctx.schedule, ctx.workingHours, ctx.timeZone);
    return left <= warningBefore.amount ? 'warning' : 'ok';
  }
  return now.getTime() >= warningStart(deadline, warningBefore, ctx) ? 'warning' : 'ok';
};

/**
 * The latest instant from which `hours` working hours remain until `deadline` (bisection over
 * {@link workingHoursBetween}, to the second). Used for an hours-based yellow card.
 */
const workingHoursBefore = (deadline: Date, hours: number, ctx: DeadlineContext): number => {
  if (hours <= 0) return deadline.getTime();
  const left = (t: number) =>
    workingHoursBetween(new Date(t), deadline, ctx.schedule, ctx.workingHours, ctx.timeZone);
  let lo = deadline.getTime() - Math.max(24, hours * 24) * 7 * HOUR_MS;
  while (left(lo) < hours) lo -= 30 * 24 * HOUR_MS;
  let hi = deadline.getTime();
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if (left(mid) >= hours) lo = mid;
    else hi = mid;
  }
  return lo;
};

/** When the yellow card (黄牌) of a deadline starts: the instant {@link deadlineState} turns 'warning'. */
export const warningInstant = (deadline: Date, warningBefore: TimeLimit, ctx: DeadlineContext): Date =>
  warningBefore.amount <= 0 ? deadline : new Date(warningStart(deadline, warningBefore, ctx));

/**
 * A deadline moved by a pause (a clock stopped from `pausedAt` to `resumedAt`, e.g. while the centre
 * decides on an extension): later by exactly the working hours that passed meanwhile, so the unit
 * loses no working time. A pause wholly outside working time moves nothing.
 */
export const resumeAfterPause = (
  deadline: Date,
  pausedAt: Date,
  resumedAt: Date,
  ctx: DeadlineContext,
): Date => {
  const paused = workingHoursBetween(pausedAt, resumedAt, ctx.schedule, ctx.workingHours, ctx.timeZone);
  if (!(paused > 0)) return deadline;
  return addWorkingHours(deadline, paused, ctx.schedule, ctx.workingHours, ctx.timeZone);
};
