import { randomUUID } from 'node:crypto';
import {
  type Actor,
  type FieldIssue,
  INITIAL_STATUS,
  type IntakeInput,
  isUnitRole,
  parseIntake,
  toLocalDate,
} from '@huawu/domain';
import type { Kysely } from 'kysely';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { categoryIssue } from '../intake/category-check.js';
import type { Schema } from '../storage/schema.js';
import {
  type NewEvent,
  insertEvent,
  insertOrder,
  nextOrderNumber,
  setOrderNumber,
} from '../storage/work-order.repository.js';
import type { WorkOrderRecord } from '../work-order.record.js';
import { detailOf } from './get-work-order.js';

/** Units and inspectors never take calls. */
export function assertMayTakeIntake(actor: Actor): void {
  if (isUnitRole(actor.role) || actor.role === 'inspector') {
    throw new AppError('ROLE_NOT_PERMITTED', '您的角色不能受理工单');
  }
}

/** Parses an intake and checks its category against the taxonomy (unknown or inactive → `category`). */
export async function parseIntakeChecked(deps: CoreDeps, raw: unknown): Promise<IntakeInput> {
  const parsed = parseIntake(raw);
  const issues: FieldIssue[] = parsed.ok ? [] : [...(parsed.error.issues ?? [])];
  const category = parsed.ok
    ? parsed.value.category
    : typeof (raw as { category?: unknown } | null)?.category === 'string'
      ? (raw as { category: string }).category.trim() || null
      : null;
  if (category && !issues.some((i) => i.field === 'category')) {
    const issue = await categoryIssue(deps.database.db, category);
    if (issue) issues.push(issue);
  }
  if (issues.length > 0) {
    const message = parsed.ok ? `输入不符合要求：${issues[0]?.message}` : parsed.error.message;
    throw new AppError('VALIDATION_FAILED', message, issues);
  }
  if (!parsed.ok) throw AppError.from(parsed.error);
  return parsed.value;
}

/** An order inserted in a transaction that is not committed yet, and its first timeline entry. */
export interface InsertedOrder {
  order: WorkOrderRecord;
  created: Omit<NewEvent, 'orderId'>;
}

/**
 * Inserts a new order in status `intake` with its first timeline entry, inside the caller's transaction.
 * On SQLite the order number is taken at once; on PostgreSQL the order carries a provisional number (its
 * id) until `assignOrderNumber`, which must be the transaction's last statement (the day's counter row
 * stays locked only briefly).
 */
export async function insertNewOrder(
  deps: CoreDeps,
  tx: Kysely<Schema>,
  actor: Actor,
  input: IntakeInput,
  now: Date,
): Promise<InsertedOrder> {
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
  const order: WorkOrderRecord = {
    id,
    orderNo: postgres ? id : await nextOrderNumber(tx, toLocalDate(now, deps.config.timeZone)),
    status: INITIAL_STATUS,
    version: 1,
    ...input,
    leadUnitId: null,
    redoCount: 0,
    extensionCount: 0,
    returnCount: 0,
    negotiated: false,
    returnDeadlineAt: null,
    extensionRequestedAt: null,
    callbackAttempts: 0,
    lastCallbackAttemptAt: null,
    callerRepliedAt: null,
    closeReason: null,
    resolved: null,
    appealStatus: 'none',
    appealDeadlineAt: null,
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
  return { order, created };
}

/** PostgreSQL: replaces the provisional number (last statement before COMMIT). No-op on SQLite. */
export async function assignOrderNumber(
  deps: CoreDeps,
  tx: Kysely<Schema>,
  order: WorkOrderRecord,
  now: Date,
): Promise<void> {
  if (deps.database.dialect !== 'postgres') return;
  order.orderNo = await nextOrderNumber(tx, toLocalDate(now, deps.config.timeZone));
  await setOrderNumber(tx, order.id, order.orderNo);
}

/** 受理: records a new appeal in status `intake`, with its number and the first timeline entry. */
export async function createWorkOrder(deps: CoreDeps, actor: Actor, raw: unknown) {
  assertMayTakeIntake(actor);
  const input = await parseIntakeChecked(deps, raw);
  const now = deps.now();
  const { order, created } = await deps.database.db.transaction().execute(async (tx) => {
    const inserted = await insertNewOrder(deps, tx, actor, input, now);
    await assignOrderNumber(deps, tx, inserted.order, now);
    return inserted;
  });
  // The reader's own first timeline entry is known: no read-back needed when the name is too.
  const events = actor.displayName ? [{ ...created, actorName: actor.displayName }] : undefined;
  return detailOf(deps, actor, order, [], events, { links: [], mergedCount: 0 });
}
