import {
  type Actor,
  APPEAL_TYPES,
  STATUS_LABELS,
  type Satisfaction,
  isOpen,
  isPhoneNumber,
} from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { writeAudit } from '../storage/admin.repository.js';
import { callerOrderCounts, listCallerOrders } from '../storage/caller-history.repository.js';
import { findCallerFlag } from '../storage/caller-flags.repository.js';
import { assertMayReadCallerHistory } from './intake-access.js';

const HISTORY_LIMIT = 20;

/** A calling number as stored on orders (spaces removed), or a VALIDATION_FAILED on `phone`. */
export function callerPhoneOf(raw: unknown, field = 'phone'): string {
  const phone = typeof raw === 'string' ? raw.replaceAll(' ', '').trim() : '';
  if (!phone) throw AppError.validation(field, '请提供来电号码');
  if (!isPhoneNumber(phone))
    throw AppError.validation(field, '来电号码格式不正确（手机号11位，座机需带区号）');
  return phone;
}

/**
 * A caller's history for the screen pop (来电人历史): the centre's flag on the number, counts of their
 * orders (open, and satisfaction of those called back) and up to 20 orders, open ones first, then the
 * newest. Reading it is a read of personal data and is audited.
 */
export async function getCallerHistory(deps: CoreDeps, actor: Actor, rawPhone: unknown) {
  assertMayReadCallerHistory(actor);
  const phone = callerPhoneOf(rawPhone);
  const { db } = deps.database;
  const [flag, counts, orders] = await Promise.all([
    findCallerFlag(db, phone),
    callerOrderCounts(db, phone),
    listCallerOrders(db, phone, HISTORY_LIMIT),
  ]);
  const sum = (pick: (c: (typeof counts)[number]) => boolean) =>
    counts.filter(pick).reduce((n, c) => n + c.n, 0);
  const satisfied = (s: Satisfaction) => sum((c) => c.satisfaction === s);
  const items = orders
    .map((o) => ({
      id: o.id,
      orderNo: o.orderNo,
      status: o.status,
      statusLabel: STATUS_LABELS[o.status],
      title: o.title,
      appealType: o.appealType,
      appealTypeLabel: APPEAL_TYPES.labels[o.appealType as keyof typeof APPEAL_TYPES.labels] ?? o.appealType,
      category: o.category,
      createdAt: o.createdAt,
      satisfaction: o.satisfaction,
      open: isOpen(o.status),
    }))
    .sort((a, b) => Number(b.open) - Number(a.open) || b.createdAt.localeCompare(a.createdAt))
    .slice(0, HISTORY_LIMIT);
  await writeAudit(db, {
    at: deps.now().toISOString(),
    actorId: actor.userId,
    action: 'read_personal',
    targetType: 'caller',
    targetId: phone,
    detail: { view: 'caller_history', orders: items.length },
  });
  return {
    phone,
    flag: {
      harassment: flag?.harassment ?? false,
      note: flag?.note ?? null,
      setAt: flag?.setAt ?? null,
    },
    stats: {
      total: sum(() => true),
      open: sum((c) => isOpen(c.status)),
      satisfied: satisfied('satisfied'),
      basicallySatisfied: satisfied('basically_satisfied'),
      dissatisfied: satisfied('dissatisfied'),
    },
    orders: items,
  };
}
