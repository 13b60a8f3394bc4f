/**
 * Working days (工作日): Monday–Friday unless a statutory holiday, plus 调休 make-up days on weekends.
 * A year missing from the schedule falls back to plain weekends; use {@link coverage} to report it.
 */
import type { HolidaySchedule } from './holiday-schedule.js';
import { addDays, type LocalDate, weekday, yearOf } from './local-date.js';

/** Years a computation touched that have no holiday data (it then assumed plain weekends). */
export interface CalendarCheck {
  missingYears: number[];
}

/** No real schedule has this many rest days in a row; stops a broken schedule from looping forever. */
const MAX_REST_RUN = 3660;

export const isWorkingDay = (d: LocalDate, s: HolidaySchedule): boolean => {
  const special = s.days.get(d);
  if (special) return special.kind === 'workday';
  const w = weekday(d);
  return w !== 0 && w !== 6;
};

const stepToWorkingDay = (d: LocalDate, step: 1 | -1, s: HolidaySchedule): LocalDate => {
  let cur = addDays(d, step);
  for (let i = 0; !isWorkingDay(cur, s); i++) {
    if (i > MAX_REST_RUN) throw new RangeError(`no working day within ${MAX_REST_RUN} days of ${d}`);
    cur = addDays(cur, step);
  }
  return cur;
};

/** The first working day strictly after `d`. */
export const nextWorkingDay = (d: LocalDate, s: HolidaySchedule): LocalDate => stepToWorkingDay(d, 1, s);

/** The last working day strictly before `d`. */
export const previousWorkingDay = (d: LocalDate, s: HolidaySchedule): LocalDate => stepToWorkingDay(d, -1, s);

/**
 * The `n`-th working day after `d` (`d` itself is never counted, working or not).
 * - `n = 0` returns `d` when it is a working day, else the next working day (a "same day" limit
 *   started on a holiday is due on the first day back).
 * - `n < 0` returns the `|n|`-th working day before `d`.
 * `n` must be an integer (RangeError otherwise).
 */
export const addWorkingDays = (d: LocalDate, n: number, s: HolidaySchedule): LocalDate => {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be an integer, got ${n}`);
  if (n === 0) return isWorkingDay(d, s) ? d : nextWorkingDay(d, s);
  const step = n > 0 ? 1 : -1;
  let cur = d;
  for (let i = 0; i < Math.abs(n); i++) cur = stepToWorkingDay(cur, step, s);
  return cur;
};

/**
 * Number of working days in the half-open range (a, b]; negative (−count of (b, a]) when b < a, so
 * `workingDaysBetween(a, b) === -workingDaysBetween(b, a)`. Adjacent to {@link addWorkingDays}:
 * for n ≥ 1, `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
 */
export const workingDaysBetween = (a: LocalDate, b: LocalDate, s: HolidaySchedule): number => {
  if (b < a) return 0 - workingDaysBetween(b, a, s);
  let count = 0;
  for (let cur = a; cur < b; ) {
    cur = addDays(cur, 1);
    if (isWorkingDay(cur, s)) count++;
  }
  return count;
};

/** Years between the two dates (inclusive, any order) that the schedule does not cover, ascending. */
export const missingYears = (s: HolidaySchedule, fromDate: LocalDate, toDate: LocalDate): number[] => {
  const [lo, hi] = [yearOf(fromDate), yearOf(toDate)].sort((x, y) => x - y) as [number, number];
  const out: number[] = [];
  for (let y = lo; y <= hi; y++) if (!s.years.has(y)) out.push(y);
  return out;
};

/** The {@link CalendarCheck} for a computation that walked the dates from `from` to `to`. */
export const coverage = (s: HolidaySchedule, from: LocalDate, to: LocalDate): CalendarCheck => ({
  missingYears: missingYears(s, from, to),
});
