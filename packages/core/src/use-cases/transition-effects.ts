import {
  STATUS_TIMESTAMPS,
  type DeadlineContext,
  type DeadlinePolicy,
  type TransitionOutcome,
  computeDeadline,
  extendDeadline,
  handlingLimit,
  isDissatisfied,
  isOpen,
  maxExtensionDays,
  resumeAfterPause,
} from '@huawu/domain';
import type { Kysely } from 'kysely';
import { AppError } from '../app-error.js';
import { listUnitsByIds } from '../storage/identity.repository.js';
import type { Schema } from '../storage/schema.js';
import { type OrderScope, findOrder, isOrderInScope } from '../storage/work-order.repository.js';
import type { WorkOrderRecord } from '../work-order.record.js';

/** Checks what the pure machine cannot: that named units and orders exist and fit. */
export async function checkReferences(
  tx: Kysely<Schema>,
  scope: OrderScope,
  order: WorkOrderRecord,
  outcome: TransitionOutcome,
  policy: DeadlinePolicy,
): Promise<WorkOrderRecord | undefined> {
  const { input } = outcome;
  if (typeof input.leadUnitId === 'string') {
    const ids = [input.leadUnitId, ...((input.coUnitIds as string[] | undefined) ?? [])];
    const found = await listUnitsByIds(tx, ids);
    for (const unitId of ids) {
      const unit = found.find((u) => u.id === unitId);
      const field = unitId === input.leadUnitId ? 'input.leadUnitId' : 'input.coUnitIds';
      if (!unit) throw AppError.validation(field, `承办单位不存在：${unitId.slice(0, 40)}`);
      if (unit.kind === 'centre') throw AppError.validation(field, `不能派给热线中心：${unit.name}`);
      if (!unit.active) throw AppError.validation(field, `单位已停用：${unit.name}`);
    }
  }
  if (typeof input.days === 'number' && input.days > maxExtensionDays(policy, order.appealType)) {
    throw AppError.validation(
      'input.days',
      `此类诉求单次延期不超过 ${maxExtensionDays(policy, order.appealType)} 个工作日`,
    );
  }
  if (outcome.event !== 'merge') return undefined;
  const target = await findOrder(tx, input.targetOrderId as string);
  if (!target || !(await isOrderInScope(tx, target.id, scope))) {
    throw AppError.validation('input.targetOrderId', '并入的工单不存在');
  }
  if (target.id === order.id) throw AppError.validation('input.targetOrderId', '不能并入自身');
  if (!isOpen(target.status)) throw AppError.validation('input.targetOrderId', '只能并入尚未办结的工单');
  return target;
}

/** 重办: the next unit starts afresh (deadlines, sign and reply times, returns, callback attempts). */
const redoReset = (_order: WorkOrderRecord): Partial<WorkOrderRecord> => ({
  signDeadlineAt: null,
  deadlineAt: null,
  returnDeadlineAt: null,
  signedAt: null,
  repliedAt: null,
  returnCount: 0,
  negotiated: false,
  callerRepliedAt: null,
  callbackAttempts: 0,
  lastCallbackAttemptAt: null,
  closeReason: null,
});

interface EffectContext {
  /** Working days a unit may appeal a bad rating after closure (closure policy). */
  appealWindowDays: number;
  now: Date;
  calendar: DeadlineContext;
  policy: DeadlinePolicy;
  target: WorkOrderRecord | undefined;
}

/** The new order record after an event: status, units, clocks and timestamps. Pure. */
export function applyTransitionEffects(
  order: WorkOrderRecord,
  outcome: TransitionOutcome,
  ctx: EffectContext,
) {
  const at = ctx.now.toISOString();
  const { input, patch } = outcome;
  const next: WorkOrderRecord = { ...order, status: outcome.to, version: order.version + 1, updatedAt: at };
  const missing = new Set<number>();
  const deadline = (result: { deadline: Date; missingYears: number[] }) => {
    for (const y of result.missingYears) missing.add(y);
    return result.deadline.toISOString();
  };
  let unitsChanged = false;
  if (patch.redoCount !== undefined) next.redoCount = patch.redoCount;
  if (patch.extensionCount !== undefined) next.extensionCount = patch.extensionCount;
  if (patch.returnCount !== undefined) next.returnCount = patch.returnCount;
  if (patch.negotiated !== undefined) next.negotiated = patch.negotiated;
  if (patch.callbackAttempts !== undefined) next.callbackAttempts = patch.callbackAttempts;
  if (patch.closeReason !== undefined) next.closeReason = patch.closeReason;
  if (patch.appealStatus !== undefined) next.appealStatus = patch.appealStatus;
  // The time the handling clock stood still while the centre decided on an extension (docs/DISPATCH.md).
  const resumed = (deadlineAt: string) =>
    order.extensionRequestedAt
      ? resumeAfterPause(new Date(deadlineAt), new Date(order.extensionRequestedAt), ctx.now, ctx.calendar)
      : new Date(deadlineAt);
  if (patch.leadUnitId !== undefined) {
    next.leadUnitId = patch.leadUnitId;
    unitsChanged = true;
  }
  switch (outcome.event) {
    case 'dispatch':
    case 'approve_return':
    case 'negotiate':
      next.signDeadlineAt = deadline(computeDeadline(ctx.now, ctx.policy.sign, ctx.calendar));
      next.returnDeadlineAt = deadline(computeDeadline(ctx.now, ctx.policy.return, ctx.calendar));
      next.deadlineAt = deadline(
        computeDeadline(ctx.now, handlingLimit(ctx.policy, order.appealType, order.urgency), ctx.calendar),
      );
      next.signedAt = null;
      next.pendingExtensionDays = null;
      next.extensionRequestedAt = null;
      break;
    case 'sign':
      next.signedAt = at;
      break;
    case 'reject_return':
      next.signedAt = order.signedAt ?? at;
      break;
    case 'request_extension':
      next.pendingExtensionDays = input.days as number;
      next.extensionRequestedAt = at;
      break;
    case 'approve_extension': {
      const days = (input.days as number | undefined) ?? order.pendingExtensionDays ?? 0;
      if (order.deadlineAt)
        next.deadlineAt = deadline(extendDeadline(resumed(order.deadlineAt), days, ctx.calendar));
      next.pendingExtensionDays = null;
      next.extensionRequestedAt = null;
      break;
    }
    case 'refuse_extension':
      if (order.deadlineAt) next.deadlineAt = resumed(order.deadlineAt).toISOString();
      next.pendingExtensionDays = null;
      next.extensionRequestedAt = null;
      break;
    case 'reply':
      next.repliedAt = at;
      next.pendingExtensionDays = null;
      next.extensionRequestedAt = null;
      break;
    // A direct answer is the reply to the caller (回复), told on the call itself.
    case 'answer_directly':
    case 'reply_to_caller':
      next.callerRepliedAt = at;
      break;
    case 'callback_attempt':
      next.lastCallbackAttemptAt = at;
      break;
    case 'callback':
      next.satisfaction = input.satisfaction as string;
      next.resolved = input.resolved as string;
      if (outcome.to === 'pending_dispatch') Object.assign(next, redoReset(next));
      break;
    case 'leader_redo':
      Object.assign(next, redoReset(next));
      break;
    case 'decide_appeal':
    case 'appeal_rating':
      break;
    case 'merge':
      next.mergedIntoId = ctx.target?.id ?? null;
      break;
  }
  const stamp = STATUS_TIMESTAMPS[outcome.to];
  if (stamp) next[stamp] = at;
  // Closing on a bad rating opens the rated unit's appeal window (申诉核减), counted in working days.
  if (outcome.to === 'closed' && outcome.from !== 'closed') {
    next.appealDeadlineAt =
      isDissatisfied(next.satisfaction) && next.leadUnitId
        ? deadline(
            computeDeadline(ctx.now, { amount: ctx.appealWindowDays, unit: 'working_days' }, ctx.calendar),
          )
        : null;
  }
  const warnings = missing.size > 0 ? { calendarMissingYears: [...missing].sort() } : {};
  return { next, unitsChanged, warnings };
}
