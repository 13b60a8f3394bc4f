import { type Actor, INITIAL_STATUS, allowedEvents } from '@huawu/domain';
import { AppError } from '../app-error.js';
import { machineConfigOf, readClosurePolicy } from '../closure/closure-policy.js';
import { closureView } from '../views/order-closure.view.js';
import type { CoreDeps } from '../deps.js';
import { scopeFor } from '../security/access-scope.js';
import { writeAudit } from '../storage/admin.repository.js';
import { findCategory } from '../storage/categories.repository.js';
import { findOrder, isOrderInScope, listEvents, listOrderUnits } from '../storage/work-order.repository.js';
import { visibleLinks } from '../intake/order-links.js';
import { EMPTY_NETWORK, networkOf, networkView } from '../views/order-network.view.js';
import { type OrderLinks, callerFields, toDetail } from '../views/work-order.view.js';
import {
  type OrderEventRecord,
  type OrderUnitRecord,
  type WorkOrderRecord,
  toMachineOrder,
} from '../work-order.record.js';

/**
 * One order with its units, timeline and the actions this reader may take. An order outside the
 * reader's scope is reported as not found (no hint that it exists). Reading unmasked caller data
 * is written to the audit log.
 */
export async function getWorkOrder(deps: CoreDeps, actor: Actor, idOrNumber: string, opts = { audit: true }) {
  const { db } = deps.database;
  const order = await findOrder(db, idOrNumber);
  if (!order || !(await isOrderInScope(db, order.id, await scopeFor(deps, actor)))) {
    throw new AppError('NOT_FOUND', '工单不存在或无权查看');
  }
  const units = await listOrderUnits(db, order.id);
  if (opts.audit && order.callerPhone && callerFields(order, actor).unmasked) {
    await writeAudit(db, {
      at: deps.now().toISOString(),
      actorId: actor.userId,
      action: 'read_personal',
      targetType: 'work_order',
      targetId: order.id,
      detail: { fields: ['callerName', 'callerPhone'] },
    });
  }
  return detailOf(deps, actor, order, units);
}

/** The detail view of an order the caller already holds (after a write: no second lookup). */
export async function detailOf(
  deps: CoreDeps,
  actor: Actor,
  order: WorkOrderRecord,
  units: OrderUnitRecord[],
  knownEvents?: OrderEventRecord[],
  knownLinks?: OrderLinks,
) {
  const [events, calendar, policy, closure, linked, category] = await Promise.all([
    knownEvents ?? listEvents(deps.database.db, order.id),
    deps.calendar.context(),
    deps.calendar.policy(),
    readClosurePolicy(deps.database.db),
    knownLinks ?? visibleLinks(deps, actor, order.id),
    order.category ? findCategory(deps.database.db, order.category) : undefined,
  ]);
  const now = deps.now();
  // A fresh order (受理中, no unit yet) has no clocks, ladder steps, 督办 or negotiations: no queries.
  const network =
    order.status === INITIAL_STATUS && units.length === 0
      ? EMPTY_NETWORK
      : await networkOf(deps.database.db, order.id);
  const facts = {
    now,
    openSupervisionUnitIds: network.supervisions.filter((s) => s.status === 'open').map((s) => s.unitId),
    directAnswerSampleRate: closure.directAnswerSampleRate,
  };
  const machine = machineConfigOf(deps.config.machine, closure);
  const machineOrder = toMachineOrder(order, units, facts);
  const allowed = allowedEvents(machineOrder, actor, machine);
  const detail = toDetail(order, units, events, allowed, machine, { actor, now, calendar, policy }, linked);
  // The taxonomy path (城乡建设/市政设施) beside the stored code; null for a code no longer listed.
  return {
    ...detail,
    categoryPath: category?.path ?? null,
    network: networkView(network, units, now),
    closure: closureView(order, units, events, machineOrder, closure, actor, deps.config.timeZone),
  };
}

/** The detail as use cases return it: the view plus the taxonomy path and the dispatch network. */
export type WorkOrderFull = Awaited<ReturnType<typeof detailOf>>;
