import { type Actor, transition } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { scopeFor } from '../security/access-scope.js';
import {
  assignOrderUnits,
  findOrder,
  insertEvent,
  isOrderInScope,
  listOrderUnits,
  updateOrder,
} from '../storage/work-order.repository.js';
import { toMachineOrder } from '../work-order.record.js';
import { applyTransitionEffects, checkReferences } from './transition-effects.js';
import { detailOf } from './get-work-order.js';

export interface TransitionRequest {
  event: string;
  input?: unknown;
  /** The order version the client saw; a different current version is a conflict (409). */
  version: number;
}

/**
 * Applies one lifecycle event. The state machine decides; this use case loads, checks references,
 * computes deadlines and writes the order, its units and the timeline entry in one transaction,
 * guarded by the version (optimistic concurrency: a stale version never overwrites a newer one).
 */
export async function transitionWorkOrder(
  deps: CoreDeps,
  actor: Actor,
  orderId: string,
  req: TransitionRequest,
) {
  const { db } = deps.database;
  const scope = await scopeFor(deps, actor);
  const [calendar, policy] = await Promise.all([deps.calendar.context(), deps.calendar.policy()]);
  const result = await db.transaction().execute(async (tx) => {
    const order = await findOrder(tx, orderId);
    if (!order || !(await isOrderInScope(tx, order.id, scope))) {
      throw new AppError('NOT_FOUND', '工单不存在或无权查看');
    }
    if (order.version !== req.version) throw new AppError('VERSION_CONFLICT');
    const units = await listOrderUnits(tx, order.id);
    const result = transition(toMachineOrder(order, units), actor, req.event, req.input, deps.config.machine);
    if (!result.ok) throw AppError.from(result.error);
    const outcome = result.value;
    const target = await checkReferences(tx, scope, order, outcome, policy);
    const now = deps.now();
    const { next, unitsChanged, warnings } = applyTransitionEffects(order, outcome, {
      now,
      calendar,
      policy,
      target,
    });
    if (!(await updateOrder(tx, next, order.version))) throw new AppError('VERSION_CONFLICT');
    if (unitsChanged) {
      await assignOrderUnits(tx, order.id, next.leadUnitId, outcome.patch.coUnitIds ?? [], now.toISOString());
    }
    const { comment, ...payload } = outcome.input;
    await insertEvent(tx, {
      orderId: order.id,
      seq: next.version,
      event: outcome.event,
      fromStatus: outcome.from,
      toStatus: outcome.to,
      actorId: actor.userId,
      actorRole: actor.role,
      at: now.toISOString(),
      comment: typeof comment === 'string' ? comment : null,
      payload: { ...payload, ...(target ? { targetOrderNo: target.orderNo } : {}), ...warnings },
    });
    return { next, units: unitsChanged ? await listOrderUnits(tx, order.id) : units };
  });
  return detailOf(deps, actor, result.next, result.units);
}
