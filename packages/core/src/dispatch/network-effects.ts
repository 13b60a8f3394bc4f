import { randomUUID } from 'node:crypto';
import {
  type Actor,
  type DeadlineContext,
  type DeadlinePolicy,
  type TransitionOutcome,
  computeDeadline,
} from '@huawu/domain';
import type { Kysely } from 'kysely';
import { AppError } from '../app-error.js';
import { findUnit } from '../storage/identity.repository.js';
import { insertNegotiation } from '../storage/negotiations.repository.js';
import type { Schema } from '../storage/schema.js';
import {
  closeOpenSupervisions,
  insertSupervision,
  replySupervisions,
} from '../storage/supervisions.repository.js';
import { updateTask, upsertTask } from '../storage/work-order.repository.js';
import type { WorkOrderRecord } from '../work-order.record.js';

/** Events after which no unit works on the order any more (or others take over): open 督办 orders close. */
const HANDS_OFF = ['reply', 'approve_return', 'negotiate', 'callback'];

/**
 * Checks what the machine cannot for 下派: the unit exists, is active, and lies below the lead unit in
 * the unit tree (a district re-dispatches to a street it supervises, never sideways or up).
 */
export async function checkSubDispatch(
  tx: Kysely<Schema>,
  order: WorkOrderRecord,
  outcome: TransitionOutcome,
): Promise<void> {
  if (outcome.event !== 'sub_dispatch') return;
  const unitId = outcome.input.unitId as string;
  const [target, lead] = await Promise.all([
    findUnit(tx, unitId),
    order.leadUnitId ? findUnit(tx, order.leadUnitId) : undefined,
  ]);
  if (!target) throw AppError.validation('input.unitId', `单位不存在：${unitId.slice(0, 40)}`);
  if (!target.active) throw AppError.validation('input.unitId', `单位已停用：${target.name}`);
  if (!lead || target.id === lead.id || !target.path.startsWith(lead.path)) {
    throw AppError.validation('input.unitId', `只能下派给本单位的下级单位：${target.name}`);
  }
}

/**
 * The unit tasks, 督办 orders and negotiation records a transition changes, inside its transaction
 * (after the order row and its unit rows are written). Returns what the timeline entry adds.
 */
export async function recordNetworkEffects(
  tx: Kysely<Schema>,
  e: {
    order: WorkOrderRecord;
    next: WorkOrderRecord;
    outcome: TransitionOutcome;
    actor: Actor;
    at: string;
    now: Date;
    calendar: DeadlineContext;
    policy: DeadlinePolicy;
  },
): Promise<Record<string, unknown>> {
  const { order, next, outcome, actor, at } = e;
  const input = outcome.input;
  if (HANDS_OFF.includes(outcome.event)) await closeOpenSupervisions(tx, order.id, at);
  switch (outcome.event) {
    case 'sign':
    case 'reject_return':
      if (next.leadUnitId)
        await updateTask(tx, order.id, next.leadUnitId, { taskStatus: 'signed', signedAt: at });
      return {};
    case 'co_sign':
      await updateTask(tx, order.id, actor.unitId, { taskStatus: 'signed', signedAt: at });
      return { unitId: actor.unitId };
    case 'co_report':
      await updateTask(tx, order.id, actor.unitId, {
        taskStatus: 'reported',
        reportedAt: at,
        report: input.report as string,
      });
      return { unitId: actor.unitId };
    case 'sub_dispatch':
      await upsertTask(tx, order.id, input.unitId as string, 'delegate', at, {
        parentUnitId: actor.unitId,
        instructions: input.instructions as string,
      });
      return { parentUnitId: actor.unitId };
    case 'negotiate':
      await insertNegotiation(tx, {
        id: randomUUID(),
        orderId: order.id,
        seq: next.version,
        participants: input.participants as string,
        conclusion: input.conclusion as string,
        leadUnitId: input.leadUnitId as string,
        coUnitIds: (input.coUnitIds as string[] | undefined) ?? [],
        actorId: actor.userId,
        at,
      });
      return {};
    case 'supervise': {
      if (!order.leadUnitId) return {};
      const limit =
        typeof input.days === 'number'
          ? { amount: input.days, unit: 'working_days' as const }
          : e.policy.supervision;
      const deadlineAt = computeDeadline(e.now, limit, e.calendar).deadline.toISOString();
      const id = randomUUID();
      await insertSupervision(tx, {
        id,
        orderId: order.id,
        unitId: order.leadUnitId,
        kind: 'manual',
        requirement: input.requirement as string,
        issuedBy: actor.userId,
        issuedAt: at,
        deadlineAt,
      });
      return { supervisionId: id, supervisionDeadlineAt: deadlineAt };
    }
    case 'reply_supervision':
      await replySupervisions(tx, {
        orderId: order.id,
        unitId: actor.unitId,
        reply: input.reply as string,
        by: actor.userId,
        at,
      });
      return { unitId: actor.unitId };
    default:
      return {};
  }
}

/** Events that change unit tasks: the transition reads the unit rows again after them. */
export const TASK_EVENTS: readonly string[] = [
  'sign',
  'reject_return',
  'co_sign',
  'co_report',
  'sub_dispatch',
];
