import {
  type Actor,
  type ClosurePolicy,
  type DeadlineContext,
  type DeadlinePolicy,
  hasCentreClock,
  isUnitWork,
  transition,
} from '@huawu/domain';
import type { Kysely } from 'kysely';
import { AppError } from '../app-error.js';
import { sealArchive } from '../archive/seal-archive.js';
import { machineConfigOf, readClosurePolicy } from '../closure/closure-policy.js';
import type { CoreDeps } from '../deps.js';
import { recordOverride } from '../dispatch/dispatch-overrides.js';
import { TASK_EVENTS, checkSubDispatch, recordNetworkEffects } from '../dispatch/network-effects.js';
import { reconcileClocks } from '../dispatch/reconcile-clocks.js';
import { findCentreUnitIds } from '../storage/notifications.repository.js';
import { listSupervisions, openSupervisionUnits } from '../storage/supervisions.repository.js';
import { checkIntakeReferences, recordIntakeEffects } from '../intake/transition-intake-effects.js';
import { publishNewNotices } from '../notifications/after-commit.js';
import { enqueueCallerSms } from '../notifications/caller-sms.js';
import { enqueueForTransition } from '../notifications/enqueue-for-transition.js';
import { scopeFor } from '../security/access-scope.js';
import type { Schema } from '../storage/schema.js';
import {
  type OrderScope,
  assignOrderUnits,
  findOrder,
  insertEvent,
  isOrderInScope,
  listOrderUnits,
  updateOrder,
} from '../storage/work-order.repository.js';
import { type OrderUnitRecord, type WorkOrderRecord, toMachineOrder } from '../work-order.record.js';
import { applyTransitionEffects, checkReferences } from './transition-effects.js';
import { detailOf } from './get-work-order.js';

export interface TransitionRequest {
  event: string;
  input?: unknown;
  /** The order version the client saw; a different current version is a conflict (409). */
  version: number;
}

/** What a transition needs besides the order: the actor's scope and the deadline calendar. */
export interface TransitionContext {
  scope: OrderScope;
  calendar: DeadlineContext;
  policy: DeadlinePolicy;
  /** Review checklist, callback rules, closure conditions (admin-editable; docs/CLOSURE.md). */
  closure: ClosurePolicy;
}

export async function transitionContext(deps: CoreDeps, actor: Actor): Promise<TransitionContext> {
  const [scope, calendar, policy, closure] = await Promise.all([
    scopeFor(deps, actor),
    deps.calendar.context(),
    deps.calendar.policy(),
    readClosurePolicy(deps.database.db),
  ]);
  return { scope, calendar, policy, closure };
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
  const ctx = await transitionContext(deps, actor);
  const result = await db.transaction().execute(async (tx) => {
    const order = await findOrder(tx, orderId);
    if (!order || !(await isOrderInScope(tx, order.id, ctx.scope))) {
      throw new AppError('NOT_FOUND', '工单不存在或无权查看');
    }
    if (order.version !== req.version) throw new AppError('VERSION_CONFLICT');
    const units = await listOrderUnits(tx, order.id);
    return applyTransition(deps, tx, actor, ctx, order, units, req);
  });
  // After commit: browsers of the notified units reload their notices (never throws).
  await publishNewNotices(deps, result.noticeUnitIds);
  return detailOf(deps, actor, result.next, result.units);
}

/**
 * One event on an order already loaded (and checked for scope and version) inside the caller's
 * transaction: machine, reference checks, clocks, the order row, its units, the intake side records
 * (knowledge evidence, gaps, merge links) and the timeline entry.
 */
export async function applyTransition(
  deps: CoreDeps,
  tx: Kysely<Schema>,
  actor: Actor,
  ctx: TransitionContext,
  order: WorkOrderRecord,
  units: OrderUnitRecord[],
  req: { event: string; input?: unknown },
): Promise<{ next: WorkOrderRecord; units: OrderUnitRecord[]; noticeUnitIds: string[] }> {
  const now = deps.now();
  const at = now.toISOString();
  const facts = {
    now,
    openSupervisionUnitIds: await openSupervisionUnits(tx, order.id),
    directAnswerSampleRate: ctx.closure.directAnswerSampleRate,
  };
  const machineOrder = toMachineOrder(order, units, facts);
  const machine = machineConfigOf(deps.config.machine, ctx.closure);
  const result = transition(machineOrder, actor, req.event, req.input, machine);
  if (!result.ok) throw AppError.from(result.error);
  const outcome = result.value;
  const target = await checkReferences(tx, ctx.scope, order, outcome, ctx.policy);
  await checkSubDispatch(tx, order, outcome);
  const evidence = await checkIntakeReferences(tx, outcome);
  const { next, unitsChanged, warnings } = applyTransitionEffects(order, outcome, {
    now,
    calendar: ctx.calendar,
    policy: ctx.policy,
    target,
    appealWindowDays: ctx.closure.appealWindowDays,
  });
  if (!(await updateOrder(tx, next, order.version))) throw new AppError('VERSION_CONFLICT');
  if (unitsChanged) {
    await assignOrderUnits(tx, order.id, next.leadUnitId, outcome.patch.coUnitIds ?? [], at);
  }
  const extra = await recordIntakeEffects(tx, { order, outcome, evidence, target, actor, at });
  const dispatchExtra = await recordOverride(tx, { order, outcome, actor, at });
  const networkExtra = await recordNetworkEffects(tx, { order, next, outcome, actor, at, now, ...ctx });
  const { comment, ...payload } = outcome.input;
  await insertEvent(tx, {
    orderId: order.id,
    seq: next.version,
    event: outcome.event,
    fromStatus: outcome.from,
    toStatus: outcome.to,
    actorId: actor.userId,
    actorRole: actor.role,
    at,
    comment: typeof comment === 'string' ? comment : null,
    payload: {
      ...payload,
      ...(target ? { targetOrderNo: target.orderNo } : {}),
      ...warnings,
      ...extra,
      ...dispatchExtra,
      ...networkExtra,
    },
  });
  const finalUnits =
    unitsChanged || TASK_EVENTS.includes(outcome.event) ? await listOrderUnits(tx, order.id) : units;
  await reconcileClocks(tx, {
    order: next,
    tasks: toMachineOrder(next, finalUnits, facts).tasks,
    // 督办 clocks exist only while units work on the order; the centre's clocks only in its statuses.
    supervisions: isUnitWork(next.status) ? await listSupervisions(tx, order.id, true) : [],
    centreUnitId: hasCentreClock(next.status) ? ((await findCentreUnitIds(tx))[0] ?? null) : null,
    now,
    calendar: ctx.calendar,
    policy: ctx.policy,
    reason: outcome.event,
  });
  const notices = await enqueueForTransition(tx, {
    order: next,
    units: finalUnits,
    input: outcome.input,
    event: outcome.event,
    seq: next.version,
    at,
    timeZone: deps.config.timeZone,
  });
  // 归档 seals the whole case as one record, chained to the previous archive (docs/ARCHIVE.md).
  if (outcome.to === 'archived') await sealArchive(deps, tx, { order: next, actor, at });
  if (outcome.event === 'reply_to_caller' && outcome.input.method === 'sms') {
    await enqueueCallerSms(tx, { order: next, text: outcome.input.content as string, seq: next.version, at });
  }
  return { next, units: finalUnits, noticeUnitIds: notices.inAppUnitIds };
}
