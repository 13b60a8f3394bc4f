/**
 * Working hours: time counted only inside the working periods of working days, in a given zone.
 * Period boundaries are wall-clock times, converted per date (so DST zones work too).
 */
import { type FieldIssue, fail, ok, type Result } from '../errors.js';
import type { HolidaySchedule } from './holiday-schedule.js';
import {
  addDays,
  DEFAULT_TIME_ZONE,
  isLocalTime,
  type LocalDate,
  type LocalTime,
  localDateTimeToInstant,
  timeToMinutes,
  toLocalDate,
} from './local-date.js';
import { isWorkingDay } from './working-days.js';

export interface WorkingPeriod {
  start: LocalTime;
  end: LocalTime;
}

/** The periods of a working day, in order and not overlapping. */
export type WorkingHours = readonly WorkingPeriod[];

/** 09:00–12:00 and 13:30–17:30 (7 hours with a lunch break). */
export const DEFAULT_WORKING_HOURS: WorkingHours = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

const HOUR_MS = 3_600_000;
/** Enough to cross any real holiday run; protects against a schedule with no working day. */
const MAX_DAYS_SCANNED = 3660;

/** Validate working periods from configuration: `HH:mm`, start < end, ascending, not overlapping. */
export const parseWorkingHours = (json: unknown, path = 'workingHours'): Result<WorkingHours> => {
  if (!Array.isArray(json) || json.length === 0) {
    return fail('VALIDATION_FAILED', undefined, [{ field: path, message: '应为非空的时段列表' }]);
  }
  const issues: FieldIssue[] = [];
  let prevEnd = -1;
  json.forEach((p: unknown, i) => {
    const at = `${path}[${i}]`;
    const rec = (typeof p === 'object' && p !== null ? p : {}) as Record<string, unknown>;
    if (!isLocalTime(rec.start)) issues.push({ field: `${at}.start`, message: '应为 HH:mm' });
    if (!isLocalTime(rec.end)) issues.push({ field: `${at}.end`, message: '应为 HH:mm' });
    if (!isLocalTime(rec.start) || !isLocalTime(rec.end)) return;
    const [s, e] = [timeToMinutes(rec.start), timeToMinutes(rec.end)];
    if (s >= e) issues.push({ field: `${at}.end`, message: '结束时间应晚于开始时间' });
    else if (s < prevEnd) issues.push({ field: `${at}.start`, message: '时段应按时间先后排列且不重叠' });
    prevEnd = Math.max(prevEnd, e);
  });
  if (issues.length > 0) return fail('VALIDATION_FAILED', undefined, issues);
  return ok(json.map((p: WorkingPeriod) => ({ start: p.start, end: p.end })));
};

/** The end of the last working period, the time a working-day deadline falls due. */
export const endOfWorkingDay = (wh: WorkingHours): LocalTime => {
  const last = wh[wh.length - 1];
  if (!last) throw new RangeError('working hours must list at least one period');
  return last.end;
};

/** The working periods of one date as instants (none on a rest day). */
const periodsOn = (d: LocalDate, s: HolidaySchedule, wh: WorkingHours, tz: string): [number, number][] =>
  isWorkingDay(d, s)
    ? wh.map((p) => [
        localDateTimeToInstant(d, p.start, tz).getTime(),
        localDateTimeToInstant(d, p.end, tz).getTime(),
      ])
    : [];

/**
 * The instant `hours` working hours after `instant`. Time outside the periods of working days does
 * not count. With `hours = 0` the result is `instant` when it is inside a period, else the start of
 * the next period. A result that lands exactly on a period end stays there (12:00, not 13:30).
 */
export const addWorkingHours = (
  instant: Date,
  hours: number,
  s: HolidaySchedule,
  wh: WorkingHours = DEFAULT_WORKING_HOURS,
  timeZone: string = DEFAULT_TIME_ZONE,
): Date => {
  if (!(hours >= 0) || !Number.isFinite(hours)) throw new RangeError(`hours must be ≥ 0, got ${hours}`);
  endOfWorkingDay(wh);
  let remaining = Math.round(hours * HOUR_MS);
  let cursor = instant.getTime();
  let d = toLocalDate(instant, timeZone);
  for (let i = 0; i <= MAX_DAYS_SCANNED; i++, d = addDays(d, 1)) {
    for (const [start, end] of periodsOn(d, s, wh, timeZone)) {
      const from = Math.max(cursor, start);
      if (from >= end) continue;
      if (remaining <= end - from) return new Date(from + remaining);
      remaining -= end - from;
      cursor = end;
    }
  }
  throw new RangeError(`no working time within ${MAX_DAYS_SCANNED} days of ${instant.toISOString()}`);
};

/**
 * Working hours between two instants (fractional); negative when `b` is before `a`, so the function is
 * antisymmetric. Only the overlap with working periods of working days counts.
 */
export const workingHoursBetween = (
  a: Date,
  b: Date,
  s: HolidaySchedule,
  wh: WorkingHours = DEFAULT_WORKING_HOURS,
  timeZone: string = DEFAULT_TIME_ZONE,
): number => {
  if (b.getTime() < a.getTime()) return 0 - workingHoursBetween(b, a, s, wh, timeZone);
  const [lo, hi] = [a.getTime(), b.getTime()];
  const last = toLocalDate(b, timeZone);
  let ms = 0;
  for (let d = toLocalDate(a, timeZone); d <= last; d = addDays(d, 1)) {
    for (const [start, end] of periodsOn(d, s, wh, timeZone)) {
      ms += Math.max(0, Math.min(end, hi) - Math.max(start, lo));
    }
  }
  return ms / HOUR_MS;
};
