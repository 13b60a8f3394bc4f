import { timingSafeEqual } from 'node:crypto';
import { publicLookupIssues } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { writeAudit } from '../storage/admin.repository.js';
import {
  type PublicOrderRow,
  clearLookupKey,
  countLookupAttempt,
  findPublicOrder,
  listPublicTimeline,
  lockLookupKey,
  releaseLookupAttempt,
} from '../storage/public-lookup.repository.js';
import { LOOKUP_FAILED_MESSAGE, PUBLIC_LOOKUP_LIMITS, type PublicLookupLimits } from './lookup-limits.js';
import { type PublicCaseView, toPublicCaseView } from './public-case.view.js';

export interface LookupCaseInput {
  orderNo: string;
  phoneLast4: string;
  /** The client's address (throttled as a key of its own). */
  ip: string | null;
}

interface Throttled {
  key: string;
  max: number;
  windowMs: number;
  lockMs: number;
}

const MINUTE = 60_000;

/**
 * 市民办件查询: a caller's own case by order number and the last four digits of the phone they called
 * from. Attempts are counted per order number and per address before the order is read (atomically, so
 * parallel guesses cannot outrun the lock); every failure gets the same answer, whether the order exists
 * or not; a success takes back its count and is audited.
 */
export async function lookupCase(
  deps: CoreDeps,
  input: LookupCaseInput,
  options: { limits?: Partial<PublicLookupLimits> } = {},
): Promise<PublicCaseView> {
  const orderNo = String(input.orderNo ?? '').trim();
  const phoneLast4 = String(input.phoneLast4 ?? '').trim();
  const issues = publicLookupIssues({ orderNo, phoneLast4 });
  if (issues.length === 1) throw AppError.validation(issues[0]!.field, issues[0]!.message);
  if (issues.length > 1) throw new AppError('VALIDATION_FAILED', undefined, issues);

  const limits = { ...PUBLIC_LOOKUP_LIMITS, ...options.limits };
  const keys: Throttled[] = [
    {
      key: `order:${orderNo}`,
      max: limits.orderFailures,
      windowMs: limits.orderWindowMinutes * MINUTE,
      lockMs: limits.orderLockMinutes * MINUTE,
    },
    {
      key: `ip:${(input.ip ?? 'unknown').slice(0, 100)}`,
      max: limits.ipFailures,
      windowMs: limits.ipWindowMinutes * MINUTE,
      lockMs: limits.ipLockMinutes * MINUTE,
    },
  ];
  const { db } = deps.database;
  const now = deps.now();
  const at = now.toISOString();

  // Count first (order key, then address key: one order of row locks on PostgreSQL), decide after.
  const counts = await db.transaction().execute(async (tx) => {
    const out = [];
    for (const k of keys) {
      out.push(await countLookupAttempt(tx, k.key, at, new Date(now.getTime() - k.windowMs).toISOString()));
    }
    return out;
  });
  const locks = counts.map((c) => (c.lockedUntil !== null && c.lockedUntil > at ? c.lockedUntil : null));
  const over = keys.filter((k, i) => locks[i] === null && (counts[i]?.attempts ?? 0) > k.max);
  if (locks.some((l) => l !== null) || over.length > 0) {
    // Over the count without a lock (a lost race with a reset): lock now, so the answer names a time.
    const lockedUntil = over.map((k) => new Date(now.getTime() + k.lockMs).toISOString());
    for (const [i, k] of over.entries()) await lockLookupKey(db, k.key, at, lockedUntil[i] as string);
    const retryAt = [...locks, ...lockedUntil]
      .filter((l) => l !== null)
      .sort()
      .at(-1) as string;
    throw new AppError(
      'RATE_LIMITED',
      `查询失败次数过多，请于 ${localTime(retryAt, deps.config.timeZone)} 后再试`,
    );
  }

  const order = await findPublicOrder(db, orderNo);
  if (!order || !phoneMatches(order, phoneLast4)) {
    const reached = keys.filter((k, i) => (counts[i]?.attempts ?? 0) >= k.max);
    if (reached.length > 0) {
      await db.transaction().execute(async (tx) => {
        for (const k of reached) {
          await lockLookupKey(tx, k.key, at, new Date(now.getTime() + k.lockMs).toISOString());
        }
      });
    }
    throw new AppError('NOT_FOUND', LOOKUP_FAILED_MESSAGE);
  }

  const timeline = await listPublicTimeline(db, order.id);
  const [orderKey, ipKey] = keys as [Throttled, Throttled];
  await db.transaction().execute(async (tx) => {
    await clearLookupKey(tx, orderKey.key);
    await releaseLookupAttempt(tx, ipKey.key);
    await writeAudit(tx, {
      at,
      actorId: null,
      action: 'public_lookup',
      targetType: 'work_order',
      targetId: order.id,
      ip: input.ip,
    });
  });
  return toPublicCaseView(order, timeline, deps.config.timeZone);
}

/**
 * Anonymous callers are never identified by their number (匿名), so their orders cannot be looked up;
 * nor can orders without a number. The digits compare in constant time.
 */
function phoneMatches(order: PublicOrderRow, last4: string): boolean {
  if (order.anonymous || !order.callerPhone) return false;
  const digits = order.callerPhone.replace(/\D/g, '');
  if (digits.length < 4) return false;
  return timingSafeEqual(Buffer.from(digits.slice(-4)), Buffer.from(last4));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "11月29日 14:05" in the hotline's zone (the caller reads it as their own wall clock). */
function localTime(iso: string, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('month')}月${part('day')}日 ${part('hour')}:${part('minute')}`;
}
