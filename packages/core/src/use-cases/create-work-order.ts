import { randomUUID } from 'node:crypto';
import { type Actor, INITIAL_STATUS, isUnitRole, parseIntake, toLocalDate } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import {
  insertEvent,
  insertOrder,
  nextOrderNumber,
  setOrderNumber,
} from '../storage/work-order.repository.js';
import type { WorkOrderRecord } from '../work-order.record.js';
import { detailOf } from './get-work-order.js';

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
  const created = {
    seq: 1,
    event: 'create',
    fromStatus: null,
    toStatus: INITIAL_STATUS,
    actorId: actor.userId,
    actorRole: actor.role,
    at,
    comment: null,
    payload: { channel: input.channel, appealType: input.appealType, urgency: input.urgency },
  };
  const postgres = deps.database.dialect === 'postgres';
  const day = toLocalDate(now, deps.config.timeZone);
  const order = await deps.database.db.transaction().execute(async (tx) => {
    const order: WorkOrderRecord = {
      id,
      // On PostgreSQL the number is taken last so the day's counter row stays locked only briefly;
      // SQLite has one writer at a time, so it takes the number at once (one statement fewer).
      orderNo: postgres ? id : await nextOrderNumber(tx, day),
      status: INITIAL_STATUS,
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
    await insertEvent(tx, { orderId: id, ...created });
    if (postgres) {
      order.orderNo = await nextOrderNumber(tx, day);
      await setOrderNumber(tx, id, order.orderNo);
    }
    return order;
  });
  // The reader's own first timeline entry is known: no read-back needed when the name is too.
  const events = actor.displayName ? [{ ...created, actorName: actor.displayName }] : undefined;
  return detailOf(deps, actor, order, [], events);
}
