import { SATISFACTION, SATISFACTION_5 } from '../work-order.fields.js';
import type { ClosurePolicy } from './closure-policy.js';

/** What decides whether an order is called back (回访). */
export interface CallbackSubject {
  id: string;
  anonymous: boolean;
  wantsCallback: boolean;
  /** The order went to a handling unit (转办) at least once. */
  dispatched: boolean;
}

/**
 * FNV-1a of the order id mapped to [0, 1): a stable sample — the same order is always in or out, on
 * every process and after a restart, and the share matches the configured rate over many orders.
 */
export function sampleFraction(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 0x1_0000_0000;
}

/**
 * The callback rule: never for anonymous callers or callers who declined; always for dispatched
 * orders; a configured sample of direct answers.
 */
export function needsCallback(order: CallbackSubject, policy: Pick<ClosurePolicy, 'directAnswerSampleRate'>) {
  if (order.anonymous || !order.wantsCallback) return false;
  if (order.dispatched) return true;
  return sampleFraction(order.id) < policy.directAnswerSampleRate;
}

/** The satisfaction options of the configured scale. */
export const satisfactionOptions = (scale: 3 | 5) => (scale === 5 ? SATISFACTION_5 : SATISFACTION);

/** 不满意 and 非常不满意 open 重办 and may be appealed. */
export function isDissatisfied(value: unknown): boolean {
  return value === 'dissatisfied' || value === 'very_dissatisfied';
}

/** The 好差评 grade of a rating: 好评 / 中评 / 差评. */
export function ratingGrade(value: string | null): 'good' | 'fair' | 'bad' | null {
  if (value === 'very_satisfied' || value === 'satisfied') return 'good';
  if (value === 'basically_satisfied') return 'fair';
  if (isDissatisfied(value)) return 'bad';
  return null;
}

/** Counts toward 满意率 (满意 + 基本满意, domain.md §7; 非常满意 on the five-level scale). */
export const countsAsSatisfied = (value: string | null): boolean =>
  ratingGrade(value) !== 'bad' && value !== null;
