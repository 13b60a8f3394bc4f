import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  SIGNATURE_TOLERANCE_SECONDS,
  formatSignatureHeader,
  parseSignatureHeader,
  signedContent,
} from '@huawu/domain';

/** `x-huawu-signature` value for a body sent at `timestamp` (unix seconds): HMAC-SHA256 over `t.body`. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  const hex = createHmac('sha256', secret).update(signedContent(timestamp, body)).digest('hex');
  return formatSignatureHeader(timestamp, hex);
}

/** What a receiver does: recompute, compare in constant time, refuse stale timestamps. */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined,
  body: string,
  nowSeconds: number,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): boolean {
  const parsed = header ? parseSignatureHeader(header) : undefined;
  if (!parsed || Math.abs(nowSeconds - parsed.timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(
    createHmac('sha256', secret).update(signedContent(parsed.timestamp, body)).digest('hex'),
  );
  return parsed.signatures.some((s) => {
    const given = Buffer.from(s);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
