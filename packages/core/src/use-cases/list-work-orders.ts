import type { Actor } from '@huawu/domain';
import type { CoreDeps } from '../deps.js';
import { scopeFor } from '../security/access-scope.js';
import { listOrders } from '../storage/work-order.repository.js';
import { toSummary } from '../views/work-order.view.js';
import { type ListQuery, orderFilterOf } from './order-list-filter.js';

export type { ListQuery };

/** The order list, always narrowed to what the reader may see. Dates are local (hotline zone). */
export async function listWorkOrders(deps: CoreDeps, actor: Actor, query: ListQuery) {
  const filter = await orderFilterOf(deps, query);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const now = deps.now();
  const [scope, calendar, policy] = await Promise.all([
    scopeFor(deps, actor),
    deps.calendar.context(),
    deps.calendar.policy(),
  ]);
  const result = await listOrders(deps.database.db, scope, {
    ...filter,
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
