import { type Actor, LINK_FIELDS } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { scopeFor } from '../security/access-scope.js';
import { writeAudit } from '../storage/admin.repository.js';
import { insertLink } from '../storage/order-links.repository.js';
import { findOrder, isOrderInScope } from '../storage/work-order.repository.js';
import { relatedView } from '../views/work-order.view.js';
import { assertMayLinkOrders } from './intake-access.js';
import { visibleLinks } from './order-links.js';
import { parseInputOrThrow } from './parse-input.js';

/**
 * 关联: records that two orders concern related matters (each stays its own order, unlike 并单). The
 * link is symmetric and stored once; linking twice is harmless. Returns the order's related orders.
 */
export async function linkOrders(deps: CoreDeps, actor: Actor, orderId: string, raw: unknown) {
  assertMayLinkOrders(actor);
  const input = parseInputOrThrow(LINK_FIELDS, raw);
  const { db } = deps.database;
  const scope = await scopeFor(deps, actor);
  const order = await findOrder(db, orderId);
  if (!order || !(await isOrderInScope(db, order.id, scope))) {
    throw new AppError('NOT_FOUND', '工单不存在或无权查看');
  }
  const related = await findOrder(db, input.relatedOrderId as string);
  if (!related || !(await isOrderInScope(db, related.id, scope))) {
    throw AppError.validation('relatedOrderId', '要关联的工单不存在');
  }
  if (related.id === order.id) throw AppError.validation('relatedOrderId', '不能关联工单自身');
  const [a, b] = order.id < related.id ? [order.id, related.id] : [related.id, order.id];
  const at = deps.now().toISOString();
  await db.transaction().execute(async (tx) => {
    const added = await insertLink(tx, {
      orderId: a,
      relatedId: b,
      kind: 'related',
      comment: (input.comment as string | undefined) ?? null,
      by: actor.userId,
      at,
    });
    if (added) {
      await writeAudit(tx, {
        at,
        actorId: actor.userId,
        action: 'link_orders',
        targetType: 'work_order',
        targetId: order.id,
        detail: { relatedOrderId: related.id },
      });
    }
  });
  const { links } = await visibleLinks(deps, actor, order.id);
  return { items: links.map(relatedView) };
}
