import type { Actor } from '@huawu/domain';
import type { CoreDeps } from '../deps.js';
import { scopeFor } from '../security/access-scope.js';
import { listLinkedOrders } from '../storage/order-links.repository.js';
import { isOrderInScope } from '../storage/work-order.repository.js';
import type { OrderLinks } from '../views/work-order.view.js';

/**
 * An order's links as `actor` may see them: linked orders outside the actor's scope are left out (a
 * unit never learns of orders it was not involved in); the count of merged-in orders stays whole.
 */
export async function visibleLinks(deps: CoreDeps, actor: Actor, orderId: string): Promise<OrderLinks> {
  const { db } = deps.database;
  const all = await listLinkedOrders(db, orderId);
  const mergedCount = all.filter((l) => l.kind === 'merged_from').length;
  if (all.length === 0) return { links: [], mergedCount };
  const scope = await scopeFor(deps, actor);
  if (scope.kind === 'all') return { links: all, mergedCount };
  const links = [];
  for (const l of all) if (await isOrderInScope(db, l.id, scope)) links.push(l);
  return { links, mergedCount };
}
