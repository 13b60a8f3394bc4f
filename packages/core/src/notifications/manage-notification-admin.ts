import { randomBytes, randomUUID } from 'node:crypto';
import {
  type Actor,
  DEFAULT_TEMPLATES,
  type FieldIssue,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_CHANNEL_LABELS,
  NOTIFICATION_KINDS,
  NOTIFICATION_KIND_LABELS,
  TEMPLATE_PLACEHOLDERS,
  isNotificationChannel,
  isNotificationKind,
  validateTemplate,
} from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { writeAudit } from '../storage/admin.repository.js';
import { listUnitsByIds } from '../storage/identity.repository.js';
import { listDeliveries } from '../storage/notification-deliveries.repository.js';
import {
  deleteTemplate,
  listTemplateOverrides,
  upsertTemplate,
} from '../storage/notification-templates.repository.js';
import {
  type WebhookEndpointRecord,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  listWebhookEndpoints,
  updateWebhookEndpoint,
} from '../storage/webhook-endpoints.repository.js';

function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new AppError('ROLE_NOT_PERMITTED', '通知设置由系统管理员维护');
}

function invalid(issues: FieldIssue[]): never {
  const first = issues[0];
  throw new AppError('VALIDATION_FAILED', `输入不符合要求：${first?.message ?? ''}`, issues);
}

/** An endpoint as admins see it: the secret only by its last four characters. */
function view(e: WebhookEndpointRecord) {
  const { secret, ...rest } = e;
  return { ...rest, secretHint: `…${secret.slice(-4)}` };
}

export interface WebhookInput {
  unitId?: string | null;
  url: string;
  secret?: string;
  active?: boolean;
  kinds?: string[];
}

async function checkWebhook(deps: CoreDeps, input: WebhookInput): Promise<void> {
  const issues: FieldIssue[] = [];
  let url: URL | undefined;
  try {
    url = new URL(input.url);
  } catch {
    issues.push({ field: 'url', message: '接收地址不是有效的网址' });
  }
  if (url && url.protocol !== 'http:' && url.protocol !== 'https:') {
    issues.push({ field: 'url', message: '接收地址须以 http:// 或 https:// 开头' });
  }
  if (input.url.length > 500) issues.push({ field: 'url', message: '接收地址不超过 500 个字符' });
  if (input.secret !== undefined && (input.secret.length < 16 || input.secret.length > 200)) {
    issues.push({ field: 'secret', message: '签名密钥为 16–200 个字符' });
  }
  (input.kinds ?? []).forEach((k, i) => {
    if (!isNotificationKind(k))
      issues.push({ field: `kinds[${i}]`, message: `未知的通知类型：${String(k).slice(0, 40)}` });
  });
  if (input.unitId) {
    const [unit] = await listUnitsByIds(deps.database.db, [input.unitId]);
    if (!unit) issues.push({ field: 'unitId', message: '单位不存在' });
  }
  if (issues.length > 0) invalid(issues);
}

export async function listWebhooks(deps: CoreDeps, actor: Actor) {
  requireAdmin(actor);
  return { items: (await listWebhookEndpoints(deps.database.db)).map(view) };
}

/** Adds an endpoint; the secret (given, or generated) is returned this once. */
export async function createWebhook(deps: CoreDeps, actor: Actor, input: WebhookInput) {
  requireAdmin(actor);
  await checkWebhook(deps, input);
  const at = deps.now().toISOString();
  const endpoint: WebhookEndpointRecord = {
    id: randomUUID(),
    unitId: input.unitId ?? null,
    url: input.url,
    secret: input.secret ?? randomBytes(24).toString('hex'),
    active: input.active ?? true,
    kinds: [...new Set(input.kinds ?? [])],
    createdAt: at,
    updatedAt: at,
  };
  await deps.database.db.transaction().execute(async (tx) => {
    await insertWebhookEndpoint(tx, endpoint);
    await writeAudit(tx, webhookAudit(actor, 'webhook_add', endpoint, at));
  });
  return { ...view(endpoint), secret: endpoint.secret };
}

/** Replaces an endpoint's settings; the secret stays unless a new one is given. */
export async function updateWebhook(deps: CoreDeps, actor: Actor, id: string, input: WebhookInput) {
  requireAdmin(actor);
  const current = await findWebhookEndpoint(deps.database.db, id);
  if (!current) throw new AppError('NOT_FOUND', 'Webhook 不存在');
  await checkWebhook(deps, input);
  const next: WebhookEndpointRecord = {
    ...current,
    unitId: input.unitId ?? null,
    url: input.url,
    secret: input.secret ?? current.secret,
    active: input.active ?? current.active,
    kinds: [...new Set(input.kinds ?? current.kinds)],
    updatedAt: deps.now().toISOString(),
  };
  await deps.database.db.transaction().execute(async (tx) => {
    await updateWebhookEndpoint(tx, next);
    await writeAudit(tx, {
      ...webhookAudit(actor, 'webhook_change', next, next.updatedAt),
      detail: {
        url: next.url,
        active: next.active,
        kinds: next.kinds,
        secretChanged: input.secret !== undefined,
      },
    });
  });
  return view(next);
}

/** The audit row of a webhook change: the endpoint, never its secret. */
function webhookAudit(actor: Actor, action: string, e: WebhookEndpointRecord, at: string) {
  return {
    at,
    actorId: actor.userId,
    action,
    targetType: 'webhook_endpoint',
    targetId: e.id,
    detail: { url: e.url, unitId: e.unitId, active: e.active, kinds: e.kinds } as Record<string, unknown>,
  };
}

/** Every kind × channel with its text (the admin's or the default). */
export async function listNotificationTemplates(deps: CoreDeps, actor: Actor) {
  requireAdmin(actor);
  const overrides = await listTemplateOverrides(deps.database.db);
  const items = NOTIFICATION_KINDS.flatMap((kind) =>
    NOTIFICATION_CHANNELS.map((channel) => {
      const o = overrides.find((x) => x.kind === kind && x.channel === channel);
      return {
        kind,
        kindLabel: NOTIFICATION_KIND_LABELS[kind],
        channel,
        channelLabel: NOTIFICATION_CHANNEL_LABELS[channel],
        text: o?.text ?? DEFAULT_TEMPLATES[kind],
        defaultText: DEFAULT_TEMPLATES[kind],
        custom: o !== undefined,
        updatedAt: o?.updatedAt ?? null,
        updatedBy: o?.updatedBy ?? null,
      };
    }),
  );
  return { items, placeholders: TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`) };
}

/** Sets the text of a kind on a channel (only known placeholders); `text: null` restores the default. */
export async function updateNotificationTemplate(
  deps: CoreDeps,
  actor: Actor,
  input: { kind: string; channel: string; text: string | null },
) {
  requireAdmin(actor);
  const issues: FieldIssue[] = [];
  if (!isNotificationKind(input.kind)) issues.push({ field: 'kind', message: '未知的通知类型' });
  if (!isNotificationChannel(input.channel)) issues.push({ field: 'channel', message: '未知的通知渠道' });
  if (input.text !== null) issues.push(...validateTemplate(input.text, 'text'));
  if (issues.length > 0) invalid(issues);
  const at = deps.now().toISOString();
  const { kind, channel, text } = input;
  await deps.database.db.transaction().execute(async (tx) => {
    if (text === null) await deleteTemplate(tx, kind, channel);
    else await upsertTemplate(tx, { kind, channel, text, updatedAt: at, updatedBy: actor.userId });
    await writeAudit(tx, {
      at,
      actorId: actor.userId,
      action: 'settings_change',
      targetType: 'notification_template',
      targetId: `${kind}:${channel}`,
      detail: { kind, channel, restoredDefault: text === null },
    });
  });
  const { items } = await listNotificationTemplates(deps, actor);
  return items.find((t) => t.kind === input.kind && t.channel === input.channel);
}

/** The delivery log (every webhook/SMS attempt), newest first. */
export async function listDeliveryLog(
  deps: CoreDeps,
  actor: Actor,
  q: { limit?: number; notificationId?: string } = {},
) {
  requireAdmin(actor);
  const limit = Math.max(1, Math.min(q.limit ?? 100, 500));
  return { items: await listDeliveries(deps.database.db, { limit, notificationId: q.notificationId }) };
}
