/** Outbox row statuses and the retry schedule of deliveries. Pure. */
export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export const NOTIFICATION_STATUS_LABELS: Record<NotificationStatus, string> = {
  pending: '待发送',
  sent: '已发送',
  failed: '发送失败',
};

const MINUTE = 60_000;
/** Waits after the 1st, 2nd, … failed attempt; after the last one the notification is failed. */
export const RETRY_BACKOFF_MS: readonly number[] = [
  MINUTE,
  5 * MINUTE,
  30 * MINUTE,
  120 * MINUTE,
  720 * MINUTE,
];
/** Attempts in all: the first one plus one per back-off step. */
export const MAX_DELIVERY_ATTEMPTS = RETRY_BACKOFF_MS.length + 1;

export type RetryDecision = { status: 'pending'; nextAttemptAt: Date } | { status: 'failed' };

/** After attempt number `attempts` (1-based) failed at `now`: when to try again, or give up. */
export function nextRetry(attempts: number, now: Date): RetryDecision {
  const wait = RETRY_BACKOFF_MS[attempts - 1];
  if (wait === undefined || attempts < 1) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + wait) };
}

/**
 * Webhook signature (verified by receivers): header `x-huawu-signature: t=<unix seconds>,v1=<hex>`,
 * where hex is HMAC-SHA256(secret, `${t}.${body}`). The core computes the HMAC (node:crypto).
 */
export const SIGNATURE_HEADER = 'x-huawu-signature';
/** Receivers should refuse signatures older than this (replay protection). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signedContent(timestamp: number, body: string): string {
  return `${timestamp}.${body}`;
}

export function formatSignatureHeader(timestamp: number, hex: string): string {
  return `t=${timestamp},v1=${hex}`;
}

export function parseSignatureHeader(
  header: string,
): { timestamp: number; signatures: string[] } | undefined {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}
