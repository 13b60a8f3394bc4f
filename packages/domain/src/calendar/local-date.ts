/**
 * Local calendar dates (`YYYY-MM-DD`) and their link to instants in an IANA time zone.
 * Pure: date arithmetic uses UTC on the date parts, zone conversions use `Intl`; the process time zone
 * and the clock are never consulted.
 */

/** A calendar date without a time or zone, `YYYY-MM-DD`. */
export type LocalDate = string;

/** A local wall-clock time, `HH:mm` (24-hour). */
export type LocalTime = string;

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

/** UTC midnight of the given date parts (years below 100 are not shifted to 19xx). */
const utcMidnight = (year: number, month: number, day: number): number => {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const fromUtcMs = (ms: number): LocalDate => {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

/** True when `s` is a `YYYY-MM-DD` string naming a real Gregorian date (2026-02-30 is not). */
export const isLocalDate = (s: unknown): s is LocalDate => {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return fromUtcMs(utcMidnight(y, mo, d)) === s;
};

/** True when `s` is an `HH:mm` wall-clock time between 00:00 and 23:59. */
export const isLocalTime = (s: unknown): s is LocalTime => typeof s === 'string' && TIME_RE.test(s);

const parts = (d: LocalDate): [number, number, number] => {
  const m = DATE_RE.exec(d);
  if (!m || !isLocalDate(d)) throw new RangeError(`not a local date (YYYY-MM-DD): ${d}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
};

const minutesOf = (t: LocalTime): number => {
  const m = TIME_RE.exec(t);
  if (!m) throw new RangeError(`not a local time (HH:mm): ${t}`);
  return Number(m[1]) * 60 + Number(m[2]);
};

/** Minutes since local midnight of an `HH:mm` time. */
export const timeToMinutes = minutesOf;

/** The calendar year of a local date. */
export const yearOf = (d: LocalDate): number => parts(d)[0];

/** The date `n` days after `d` (negative `n` goes back). */
export const addDays = (d: LocalDate, n: number): LocalDate => {
  const [y, m, day] = parts(d);
  return fromUtcMs(utcMidnight(y, m, day) + n * DAY_MS);
};

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export const weekday = (d: LocalDate): number => {
  const [y, m, day] = parts(d);
  return new Date(utcMidnight(y, m, day)).getUTCDay();
};

/** Signed number of calendar days from `a` to `b`. */
export const daysBetween = (a: LocalDate, b: LocalDate): number => {
  const [ya, ma, da] = parts(a);
  const [yb, mb, db] = parts(b);
  return Math.round((utcMidnight(yb, mb, db) - utcMidnight(ya, ma, da)) / DAY_MS);
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One cached formatter per zone, giving the zone's wall-clock parts of an instant. */
const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
};

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const wallClock = (instantMs: number, timeZone: string): WallClock => {
  const out: Record<string, number> = {};
  let bc = false;
  for (const p of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type === 'era') bc = p.value.startsWith('B');
    else if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  const year = bc ? 1 - (out.year ?? 0) : (out.year ?? 0);
  const w = { month: 1, day: 1, hour: 0, minute: 0, second: 0, ...out };
  return { year, month: w.month, day: w.day, hour: w.hour % 24, minute: w.minute, second: w.second };
};

/** Offset of `timeZone` from UTC at the given instant, in milliseconds (east positive). */
const offsetMs = (instantMs: number, timeZone: string): number => {
  const w = wallClock(instantMs, timeZone);
  const asUtc = utcMidnight(w.year, w.month, w.day) + ((w.hour * 60 + w.minute) * 60 + w.second) * 1000;
  return asUtc - (instantMs - (((instantMs % 1000) + 1000) % 1000));
};

/** The local date of an instant in `timeZone` (default Asia/Shanghai). */
export const toLocalDate = (instant: Date, timeZone: string = DEFAULT_TIME_ZONE): LocalDate => {
  const w = wallClock(instant.getTime(), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
};

/**
 * The instant at which the wall clock in `timeZone` shows `date` `time`.
 * Daylight-saving edges follow the usual "compatible" rule (as in Temporal and most calendars):
 * a time skipped by a spring-forward gap moves forward by the gap (02:30 → 03:30), and a time that
 * occurs twice in a fall-back overlap resolves to the earlier instant.
 */
export const localDateTimeToInstant = (
  date: LocalDate,
  time: LocalTime,
  timeZone: string = DEFAULT_TIME_ZONE,
): Date => {
  const [y, m, d] = parts(date);
  const wallMs = utcMidnight(y, m, d) + minutesOf(time) * 60_000;
  const before = offsetMs(wallMs - DAY_MS, timeZone);
  const after = offsetMs(wallMs + DAY_MS, timeZone);
  const candidates = [wallMs - before, wallMs - after]
    .filter((c) => c + offsetMs(c, timeZone) === wallMs)
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? wallMs - before);
};
