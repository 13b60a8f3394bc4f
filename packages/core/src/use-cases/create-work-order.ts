import { randomUUID } from 'node:crypto';
import { type Actor, isUnitRole, parseIntake, toLocalDate } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { insertEvent, insertOrder, nextOrderNumber } from '../storage/work-order.repository.js';
import type { WorkOrderRecord } from '../work-order.record.js';
import { getWorkOrder } from './get-work-order.js';

/** 受理: records a new appeal in status `intake`, with its number and the first timeline entry. */
export async function createWorkOrder(deps: CoreDeps, actor: Actor, raw: unknown) {
  if (isUnitRole(actor.role) || actor.role === 'inspector') {
    throw new AppError('ROLE_NOT_PERMITTED', '您的角色不能受理工单');
  }
  const parsed = parseIntake(raw);
  if (!parsed.ok) throw AppError.from(parsed.error);
  const input = parsed.value;
  const now = deps.now();
  const at = now.toISOString();
  const id = randomUUID();
  await deps.database.db.transaction().execute(async (tx) => {
    const orderNo = await nextOrderNumber(tx, toLocalDate(now, deps.config.timeZone));
    const order: WorkOrderRecord = {
      id,
      orderNo,
      status: 'intake',
      version: 1,
      ...input,
      leadUnitId: null,
      redoCount: 0,
      extensionCount: 0,
      pendingExtensionDays: null,
      mergedIntoId: null,
      signDeadlineAt: null,
      deadlineAt: null,
      signedAt: null,
      repliedAt: null,
      closedAt: null,
      archivedAt: null,
      satisfaction: null,
      createdBy: actor.userId,
      createdAt: at,
      updatedAt: at,
    };
    await insertOrder(tx, order);
    await insertEvent(tx, {
      orderId: id,
      seq: 1,
      event: 'create',
      fromStatus: null,
      toStatus: 'intake',
      actorId: actor.userId,
      actorRole: actor.role,
      at,
      comment: null,
      payload: { channel: input.channel, appealType: input.appealType, urgency: input.urgency },
    });
  });
  return getWorkOrder(deps, actor, id, { audit: false });
}
