import {
  type Actor,
  DEFAULT_DEADLINE_POLICY,
  type HolidayDay,
  isLocalDate,
  parseDeadlinePolicy,
  parseHolidayCnYear,
  yearOf,
} from '@huawu/domain';
import { AppError } from '../app-error.js';
import { DEADLINE_POLICY_KEY } from '../calendar-service.js';
import type { CoreDeps } from '../deps.js';
import {
  loadHolidays,
  readSetting,
  replaceYear,
  writeAudit,
  writeSetting,
} from '../storage/admin.repository.js';

function requireCalendarAdmin(actor: Actor | null): void {
  if (actor && actor.role !== 'admin' && actor.role !== 'supervisor') {
    throw new AppError('FORBIDDEN', '只有管理员可以维护工作日历');
  }
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw AppError.validation('year', '年份应在 2000–2100 之间');
}

export async function getCalendarYear(deps: CoreDeps, year: number) {
  checkYear(year);
  const { years, days } = await loadHolidays(deps.database.db);
  return {
    year,
    hasData: years.includes(year),
    days: days.filter((d) => yearOf(d.date) === year),
  };
}

/** Replaces a year's holidays; a year with no day is refused (it would hide the missing data). */
export async function putCalendarYear(
  deps: CoreDeps,
  actor: Actor | null,
  year: number,
  days: unknown,
  source = 'manual',
) {
  requireCalendarAdmin(actor);
  checkYear(year);
  if (!Array.isArray(days) || days.length === 0)
    throw AppError.validation('days', '请提供该年度的节假日与调休日');
  const issues: { field: string; message: string }[] = [];
  const parsed: HolidayDay[] = [];
  days.forEach((d: unknown, i) => {
    const row = (d ?? {}) as Record<string, unknown>;
    if (!isLocalDate(row.date) || yearOf(row.date) !== year) {
      issues.push({ field: `days[${i}].date`, message: `应为 ${year} 年内的日期 YYYY-MM-DD` });
    } else if (row.kind !== 'holiday' && row.kind !== 'workday') {
      issues.push({ field: `days[${i}].kind`, message: '应为 holiday（休）或 workday（调休上班）' });
    } else if (parsed.some((p) => p.date === row.date)) {
      issues.push({ field: `days[${i}].date`, message: '日期重复' });
    } else {
      parsed.push({
        date: row.date,
        kind: row.kind,
        name: typeof row.name === 'string' ? row.name.slice(0, 50) : '',
      });
    }
  });
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', undefined, issues);
  const at = deps.now().toISOString();
  await deps.database.db.transaction().execute(async (tx) => {
    await replaceYear(tx, year, parsed, { source, at, by: actor?.userId ?? null });
    await writeAudit(tx, {
      at,
      actorId: actor?.userId ?? null,
      action: 'calendar_import',
      targetType: 'calendar',
      targetId: String(year),
      detail: { days: parsed.length, source },
    });
  });
  deps.calendar.invalidate();
  return getCalendarYear(deps, year);
}

/** Imports a holiday-cn year file ({ year, days: [{ name, date, isOffDay }] }). */
export async function importHolidayCnYear(
  deps: CoreDeps,
  actor: Actor | null,
  json: unknown,
  source = 'holiday-cn',
) {
  requireCalendarAdmin(actor);
  const parsed = parseHolidayCnYear(json);
  if (!parsed.ok) throw AppError.from(parsed.error);
  if (parsed.value.days.length === 0) {
    throw AppError.validation('days', `${parsed.value.year} 年的节假日安排尚未发布（文件中没有日期）`);
  }
  return putCalendarYear(deps, actor, parsed.value.year, parsed.value.days, source);
}

export async function getDeadlinePolicy(deps: CoreDeps) {
  return (await readSetting(deps.database.db, DEADLINE_POLICY_KEY)) ?? DEFAULT_DEADLINE_POLICY;
}

export async function putDeadlinePolicy(deps: CoreDeps, actor: Actor | null, json: unknown) {
  if (actor && actor.role !== 'admin') throw new AppError('FORBIDDEN', '只有系统管理员可以修改时限规则');
  const parsed = parseDeadlinePolicy(json);
  if (!parsed.ok) throw AppError.from(parsed.error);
  const at = deps.now().toISOString();
  await deps.database.db.transaction().execute(async (tx) => {
    await writeSetting(tx, DEADLINE_POLICY_KEY, parsed.value, at, actor?.userId ?? null);
    await writeAudit(tx, {
      at,
      actorId: actor?.userId ?? null,
      action: 'settings_change',
      targetType: 'setting',
      targetId: DEADLINE_POLICY_KEY,
    });
  });
  deps.calendar.invalidate();
  return parsed.value;
}
