/**
 * How many wrong guesses the public lookup allows (docs/PUBLIC-LOOKUP.md). Per order number: few, so the
 * 10 000 possible last-four digits cannot be walked; per address: more, since a household or an office
 * may share one, but bounded, so one client cannot sweep many order numbers.
 */
export interface PublicLookupLimits {
  orderFailures: number;
  orderWindowMinutes: number;
  orderLockMinutes: number;
  ipFailures: number;
  ipWindowMinutes: number;
  ipLockMinutes: number;
}

export const PUBLIC_LOOKUP_LIMITS: Readonly<PublicLookupLimits> = {
  orderFailures: 5,
  orderWindowMinutes: 60,
  orderLockMinutes: 60,
  ipFailures: 20,
  ipWindowMinutes: 60,
  ipLockMinutes: 60,
};

/** The one answer to every failed lookup, so it never tells which order numbers exist. */
export const LOOKUP_FAILED_MESSAGE = '工单号或手机号后四位不正确';
