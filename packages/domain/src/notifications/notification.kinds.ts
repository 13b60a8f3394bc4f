/**
 * Notifications of the work-order lifecycle: which event produces which kind, and who receives it.
 * Pure: the core writes one outbox row per recipient and channel in the transition's transaction.
 */
export const NOTIFICATION_KINDS = [
  'order_dispatched',
  'return_requested',
  'return_rejected',
  'extension_requested',
  'extension_approved',
  'extension_refused',
  'reply_submitted',
  'reply_rejected',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  order_dispatched: '工单派发',
  return_requested: '申请退回',
  return_rejected: '退回被驳回',
  extension_requested: '申请延期',
  extension_approved: '延期已批准',
  extension_refused: '延期未批准',
  reply_submitted: '单位已答复',
  reply_rejected: '答复被退回',
};

/** Who receives a kind: every unit on the order (lead + co), the lead unit only, or the hotline centre. */
export type NotificationAudience = 'assigned_units' | 'lead_unit' | 'centre';

export interface NotificationRule {
  kind: NotificationKind;
  audience: NotificationAudience;
  /** Channels tried for each recipient (webhooks only where an endpoint subscribes). */
  channels: readonly NotificationChannel[];
}

export const NOTIFICATION_CHANNELS = ['in_app', 'webhook', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_CHANNEL_LABELS: Record<NotificationChannel, string> = {
  in_app: '站内通知',
  webhook: 'Webhook',
  sms: '短信',
};

/** Lifecycle event → notification. Events absent here notify nobody. */
export const NOTIFICATION_RULES: Readonly<Record<string, NotificationRule>> = {
  dispatch: { kind: 'order_dispatched', audience: 'assigned_units', channels: ['in_app', 'webhook', 'sms'] },
  approve_return: {
    kind: 'order_dispatched',
    audience: 'assigned_units',
    channels: ['in_app', 'webhook', 'sms'],
  },
  request_return: { kind: 'return_requested', audience: 'centre', channels: ['in_app', 'webhook'] },
  reject_return: { kind: 'return_rejected', audience: 'lead_unit', channels: ['in_app', 'webhook'] },
  request_extension: { kind: 'extension_requested', audience: 'centre', channels: ['in_app', 'webhook'] },
  approve_extension: { kind: 'extension_approved', audience: 'lead_unit', channels: ['in_app', 'webhook'] },
  refuse_extension: { kind: 'extension_refused', audience: 'lead_unit', channels: ['in_app', 'webhook'] },
  reply: { kind: 'reply_submitted', audience: 'centre', channels: ['in_app', 'webhook'] },
  reject_reply: { kind: 'reply_rejected', audience: 'lead_unit', channels: ['in_app', 'webhook'] },
};

export function notificationRuleFor(event: string): NotificationRule | undefined {
  return Object.hasOwn(NOTIFICATION_RULES, event) ? NOTIFICATION_RULES[event] : undefined;
}

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

export function isNotificationChannel(value: unknown): value is NotificationChannel {
  return typeof value === 'string' && (NOTIFICATION_CHANNELS as readonly string[]).includes(value);
}

/**
 * Idempotence key of one outbox row: a retried transaction (same order, same timeline seq) produces the
 * same keys, and the UNIQUE constraint keeps a second copy out. `target` names the webhook endpoint.
 */
export function notificationDedupeKey(k: {
  orderId: string;
  seq: number;
  kind: NotificationKind;
  recipient: string;
  channel: NotificationChannel;
  target?: string;
}): string {
  const channel = k.target ? `${k.channel}@${k.target}` : k.channel;
  return `${k.orderId}:${k.seq}:${k.kind}:${k.recipient}:${channel}`;
}
