import { type Actor, isOpen } from '@huawu/domain';
import type { Kysely } from 'kysely';
import { AppError } from '../app-error.js';
import type { Schema } from '../storage/schema.js';
import type { CoreDeps } from '../deps.js';
import { scopeFor } from '../security/access-scope.js';
import { type OrderScope, findOrder, isOrderInScope } from '../storage/work-order.repository.js';
import type { WorkOrderRecord } from '../work-order.record.js';

/**
 * The order whose notes and attachments the actor wants: centre roles reach every order, unit users
 * the orders their unit (or a sub-unit) is or was assigned to — the same scope as the order itself,
 * so an order out of scope (and a confidential one a unit was never given) is simply not found.
 * Adding needs the order to be still open.
 */
export async function orderForFiles(
  deps: CoreDeps,
  actor: Actor,
  idOrNumber: string,
  purpose: 'read' | 'add',
): Promise<WorkOrderRecord> {
  return orderInScope(deps.database.db, await scopeFor(deps, actor), idOrNumber, purpose);
}

/**
 * As {@link orderForFiles} inside the caller's transaction, so the open-status check and the write are
 * one unit. The scope is resolved before the transaction: on SQLite a query outside the transaction's
 * connection would wait for it (one connection).
 */
export async function orderInScope(
  db: Kysely<Schema>,
  scope: OrderScope,
  idOrNumber: string,
  purpose: 'read' | 'add',
): Promise<WorkOrderRecord> {
  const order = await findOrder(db, idOrNumber);
  if (!order || !(await isOrderInScope(db, order.id, scope))) {
    throw new AppError('NOT_FOUND', '工单不存在或无权查看');
  }
  if (purpose === 'add' && !isOpen(order.status)) {
    throw new AppError('TRANSITION_NOT_ALLOWED', '工单已办结，不能再添加办理记录或附件');
  }
  return order;
}
