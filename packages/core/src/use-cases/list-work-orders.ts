import {
  type Actor,
  STATUSES,
  type Status,
  isLocalDate,
  localDateTimeToInstant,
  addDays,
} from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { scopeFor } from '../security/access-scope.js';
import { findUnit } from '../storage/identity.repository.js';
import { listOrders } from '../storage/work-order.repository.js';
import { toSummary } from '../views/work-order.view.js';

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

/** The order list, always narrowed to what the reader may see. Dates are local (hotline zone). */
export async function listWorkOrders(deps: CoreDeps, actor: Actor, query: ListQuery) {
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
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const now = deps.now();
  const [scope, calendar, policy] = await Promise.all([
    scopeFor(deps, actor),
    deps.calendar.context(),
    deps.calendar.policy(),
  ]);
  const result = await listOrders(deps.database.db, scope, {
    statuses: statuses as Status[] | undefined,
    appealType: query.appealType,
    urgency: query.urgency,
    unitPath,
    createdFrom: query.from ? localDateTimeToInstant(query.from, '00:00', tz).toISOString() : undefined,
    createdBefore: query.to
      ? localDateTimeToInstant(addDays(query.to, 1), '00:00', tz).toISOString()
      : undefined,
    overdueAt: query.overdue ? now.toISOString() : undefined,
    keyword: query.q?.trim() || undefined,
    page,
    pageSize,
  });
  return {
    items: result.items.map((o) => toSummary(o, { actor, now, calendar, policy })),
    total: result.total,
    /** More matches than counted (the list shows "10000+"). */
    totalCapped: result.totalCapped,
    page,
    pageSize,
  };
}
