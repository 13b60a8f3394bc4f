/**
 * The statutory holiday schedule (domain.md §3): holidays and 调休 make-up working days, passed in as
 * data. The State Council publishes each year around November; a year without data is not guessed.
 */
import { type FieldIssue, fail, ok, type Result } from '../errors.js';
import { isLocalDate, type LocalDate } from './local-date.js';

/** 'holiday' = statutory day off; 'workday' = 调休 make-up working day (usually on a weekend). */
export type HolidayKind = 'holiday' | 'workday';

export interface HolidayDay {
  date: LocalDate;
  kind: HolidayKind;
  name: string;
}

export interface HolidaySchedule {
  /** Years whose schedule is known. Dates in other years fall back to plain weekends (and are reported). */
  years: ReadonlySet<number>;
  days: ReadonlyMap<LocalDate, HolidayDay>;
}

/** One imported year. `days` may be empty: the year is then published as "no data yet". */
export interface HolidayYear {
  year: number;
  days: HolidayDay[];
}

/**
 * A schedule from explicit data. `years` says which years are covered; it is the caller's choice
 * (a year with an empty day list should normally not be listed, see {@link scheduleFromYears}).
 * A date given twice keeps the last entry.
 */
export const buildSchedule = (years: number[], days: HolidayDay[]): HolidaySchedule => ({
  years: new Set(years),
  days: new Map(days.map((d) => [d.date, d])),
});

/** A schedule from imported years; a year with no days ("no data yet", e.g. holiday-cn 2027) is not covered. */
export const scheduleFromYears = (years: HolidayYear[]): HolidaySchedule => {
  const known = years.filter((y) => y.days.length > 0);
  return buildSchedule(
    known.map((y) => y.year),
    known.flatMap((y) => y.days),
  );
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const parseDay = (row: unknown, path: string, issues: FieldIssue[]): HolidayDay | undefined => {
  if (!isRecord(row)) {
    issues.push({ field: path, message: '应为对象 {name, date, isOffDay}' });
    return undefined;
  }
  const before = issues.length;
  if (typeof row.name !== 'string' || row.name.trim() === '') {
    issues.push({ field: `${path}.name`, message: '节日名称应为非空字符串' });
  }
  if (!isLocalDate(row.date)) {
    issues.push({ field: `${path}.date`, message: '日期应为有效的 YYYY-MM-DD' });
  }
  if (typeof row.isOffDay !== 'boolean') {
    issues.push({ field: `${path}.isOffDay`, message: 'isOffDay 应为 true 或 false' });
  }
  if (issues.length > before) return undefined;
  return {
    date: row.date as LocalDate,
    kind: row.isOffDay ? 'holiday' : 'workday',
    name: (row.name as string).trim(),
  };
};

/**
 * Parse one year in the holiday-cn format (`{ year, papers[], days: [{ name, date, isOffDay }] }`,
 * https://github.com/NateScarlet/holiday-cn). Every bad row is reported with its path
 * (`days[3].date`); duplicate dates are errors. An empty `days` list is valid and returns `days: []`:
 * the year has no data yet and must not be treated as covered.
 */
export const parseHolidayCnYear = (json: unknown): Result<HolidayYear> => {
  if (!isRecord(json)) {
    return fail('VALIDATION_FAILED', '节假日数据应为对象', [{ field: '', message: '应为 JSON 对象' }]);
  }
  const issues: FieldIssue[] = [];
  const year = json.year;
  const yearOk = typeof year === 'number' && Number.isInteger(year) && year >= 1000 && year <= 9999;
  if (!yearOk) issues.push({ field: 'year', message: '年份应为四位整数' });
  if (!Array.isArray(json.papers) || json.papers.some((p) => typeof p !== 'string')) {
    issues.push({ field: 'papers', message: '应为文件网址（字符串）列表' });
  }
  if (!Array.isArray(json.days)) {
    issues.push({ field: 'days', message: '应为数组' });
    return fail('VALIDATION_FAILED', undefined, issues);
  }
  const days: HolidayDay[] = [];
  const seen = new Map<LocalDate, number>();
  json.days.forEach((row, i) => {
    const path = `days[${i}]`;
    const day = parseDay(row, path, issues);
    if (!day) return;
    const first = seen.get(day.date);
    if (first !== undefined) {
      issues.push({ field: `${path}.date`, message: `日期与 days[${first}] 重复` });
      return;
    }
    seen.set(day.date, i);
    days.push(day);
  });
  if (issues.length > 0) return fail('VALIDATION_FAILED', undefined, issues);
  return ok({ year: year as number, days });
};
