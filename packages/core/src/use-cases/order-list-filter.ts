import { STATUSES, type Status, addDays, isLocalDate, localDateTimeToInstant } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { findUnit } from '../storage/identity.repository.js';
import type { OrderFilter } from '../storage/work-order.repository.js';

/** The order list's query (GET /api/work-orders and its exports). */
export interface ListQuery {
  status?: string[];
  appealType?: string;
  urgency?: string;
  unitId?: string;
  from?: string;
  to?: string;
  overdue?: boolean;
  q?: string;
  page?: number;
  pageSize?: number;
}

/**
 * The order list's filters (status, appeal type, urgency, unit subtree, local date range, overdue,
 * keyword) as a storage filter, checked once for the list and its exports, so an export holds exactly
 * the orders the list shows for the same query string.
 */
export async function orderFilterOf(
  deps: CoreDeps,
  query: ListQuery,
): Promise<Omit<OrderFilter, 'page' | 'pageSize' | 'countCap'>> {
  const statuses = query.status?.filter((s) => s !== '');
  const bad = statuses?.find((s) => !(STATUSES as readonly string[]).includes(s));
  if (bad) throw AppError.validation('status', `未知状态：${bad.slice(0, 30)}`);
  for (const key of ['from', 'to'] as const) {
    const value = query[key];
    if (value !== undefined && !isLocalDate(value)) throw AppError.validation(key, '日期格式应为 YYYY-MM-DD');
  }
  const tz = deps.config.timeZone;
  let unitPath: string | undefined;
  if (query.unitId) {
    const unit = await findUnit(deps.database.db, query.unitId);
    if (!unit) throw AppError.validation('unitId', '单位不存在');
    unitPath = unit.path;
  }
  return {
    statuses: statuses as Status[] | undefined,
    appealType: query.appealType,
    urgency: query.urgency,
    unitPath,
    createdFrom: query.from ? localDateTimeToInstant(query.from, '00:00', tz).toISOString() : undefined,
    createdBefore: query.to
      ? localDateTimeToInstant(addDays(query.to, 1), '00:00', tz).toISOString()
      : undefined,
    overdueAt: query.overdue ? deps.now().toISOString() : undefined,
    keyword: query.q?.trim() || undefined,
  };
}

/** The filter as written to the audit row: only what was set. */
export function auditedFilter(query: ListQuery): Record<string, unknown> {
  const { page: _p, pageSize: _s, ...rest } = query;
  return Object.fromEntries(
    Object.entries(rest).filter(([, v]) => v !== undefined && v !== false && v !== ''),
  );
}
