import { randomUUID } from 'node:crypto';
import { SIGNATURE_HEADER, nextRetry } from '@huawu/domain';
import type { CoreDeps } from '../deps.js';
import { insertDelivery } from '../storage/notification-deliveries.repository.js';
import {
  type NotificationRow,
  claimDueNotifications,
  settleNotification,
} from '../storage/notifications.repository.js';
import { findWebhookEndpoint } from '../storage/webhook-endpoints.repository.js';
import { type SmsGateway, smsGatewayFor } from './sms-gateway.js';
import { signWebhook } from './webhook-signature.js';

export const WEBHOOK_TIMEOUT_MS = 5000;
/** How long a claim holds a row; a worker that dies mid-delivery releases it when this passes. */
export const CLAIM_LEASE_MS = 2 * 60_000;

export interface DeliverOptions {
  limit?: number;
  /** The worker's clock (tests pass a fake one); defaults to deps.now(). */
  now?: Date;
  sms?: SmsGateway;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface DeliverSummary {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

interface Attempt {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  /** Give up now (endpoint gone or disabled) instead of following the retry schedule. */
  final?: boolean;
}

/**
 * One step of the outbox worker: claims due webhook/SMS rows (safe across processes), delivers each,
 * logs the attempt in `notification_deliveries` and marks the row sent, schedules a retry on the
 * back-off, or fails it after the last attempt. The server calls it every few seconds; tests call it
 * directly with a fake clock.
 */
export async function deliverDue(deps: CoreDeps, options: DeliverOptions = {}): Promise<DeliverSummary> {
  const now = options.now ?? deps.now();
  const token = randomUUID();
  const { db } = deps.database;
  const rows = await claimDueNotifications(db, deps.database.dialect, {
    token,
    now: now.toISOString(),
    leaseUntil: new Date(now.getTime() + CLAIM_LEASE_MS).toISOString(),
    limit: Math.max(1, Math.min(options.limit ?? 20, 200)),
    channels: ['webhook', 'sms'],
  });
  const summary: DeliverSummary = { claimed: rows.length, sent: 0, retried: 0, failed: 0 };
  await Promise.all(
    rows.map(async (row) => {
      const started = performance.now();
      const result = await attempt(deps, row, now, options).catch(
        (e: unknown): Attempt => ({ ok: false, statusCode: null, error: errorText(e) }),
      );
      const attempts = row.attempts + 1;
      const at = now.toISOString();
      const decision = result.ok
        ? undefined
        : result.final
          ? { status: 'failed' as const }
          : nextRetry(attempts, now);
      const error = result.error ?? (result.ok ? null : '发送失败');
      await db.transaction().execute(async (tx) => {
        await insertDelivery(tx, {
          id: randomUUID(),
          notificationId: row.id,
          attempt: attempts,
          channel: row.channel,
          target: row.channel === 'sms' ? row.target : (row.target ?? null),
          at,
          ok: result.ok,
          statusCode: result.statusCode,
          error: result.ok ? null : error,
          durationMs: Math.round(performance.now() - started),
        });
        await settleNotification(tx, {
          id: row.id,
          token,
          attempts,
          outcome: !decision
            ? { status: 'sent', at }
            : decision.status === 'pending'
              ? { status: 'pending', nextAttemptAt: decision.nextAttemptAt.toISOString(), error: error ?? '' }
              : { status: 'failed', error: error ?? '' },
        });
      });
      if (!decision) summary.sent++;
      else if (decision.status === 'pending') summary.retried++;
      else summary.failed++;
    }),
  );
  return summary;
}

async function attempt(
  deps: CoreDeps,
  row: NotificationRow,
  now: Date,
  options: DeliverOptions,
): Promise<Attempt> {
  const text = typeof row.payload.text === 'string' ? row.payload.text : '';
  if (row.channel === 'sms') {
    if (!row.target) return { ok: false, statusCode: null, error: '缺少手机号', final: true };
    const sms = options.sms ?? smsGatewayFor(deps.config);
    const result = await sms.send({ to: row.target, text, notificationId: row.id });
    return {
      ok: result.ok,
      statusCode: null,
      error: result.ok ? `gateway:${sms.name}` : (result.error ?? '短信发送失败'),
    };
  }
  const endpoint = row.target ? await findWebhookEndpoint(deps.database.db, row.target) : undefined;
  if (!endpoint?.active) return { ok: false, statusCode: null, error: '接收地址不存在或已停用', final: true };
  const body = JSON.stringify({
    id: row.id,
    kind: row.kind,
    orderId: row.orderId,
    createdAt: row.createdAt,
    attempt: row.attempts + 1,
    ...row.payload,
  });
  const timestamp = Math.floor(now.getTime() / 1000);
  const response = await (options.fetch ?? fetch)(endpoint.url, {
    method: 'POST',
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Huawu-Webhook/1',
      [SIGNATURE_HEADER]: signWebhook(endpoint.secret, timestamp, body),
      'x-huawu-notification-id': row.id,
      'x-huawu-kind': row.kind,
    },
  });
  await response.arrayBuffer().catch(() => undefined);
  return response.ok
    ? { ok: true, statusCode: response.status, error: null }
    : { ok: false, statusCode: response.status, error: `HTTP ${response.status}` };
}

function errorText(e: unknown): string {
  if (e instanceof Error) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const detail = cause?.code ?? cause?.message;
    return `${e.name === 'TimeoutError' ? '超时' : e.message}${detail ? ` (${detail})` : ''}`.slice(0, 300);
  }
  return String(e).slice(0, 300);
}
