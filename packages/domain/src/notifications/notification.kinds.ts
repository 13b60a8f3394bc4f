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
  'task_assigned',
  'co_reported',
  'negotiated',
  'reminder',
  'supervision_issued',
  'supervision_replied',
  'clock_yellow',
  'clock_red',
  'clock_remind',
  'clock_escalated',
  'appeal_filed',
  'appeal_decided',
  'escalated_to_leaders',
  'caller_reply',
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
  task_assigned: '下派任务',
  co_reported: '协办反馈',
  negotiated: '协商定主办',
  reminder: '催办',
  supervision_issued: '督办',
  supervision_replied: '督办已回复',
  clock_yellow: '黄牌预警',
  clock_red: '红牌超期',
  clock_remind: '超期催办',
  clock_escalated: '督办升级',
  appeal_filed: '申诉核减待审',
  appeal_decided: '申诉审核结果',
  escalated_to_leaders: '重办超限待研判',
  caller_reply: '回复来电人（短信）',
};

/**
 * Who receives a kind: every unit on the order (lead + co), the lead unit only, the hotline centre, or the
 * unit named by the event's `unitId` input (下派).
 */
export type NotificationAudience = 'assigned_units' | 'lead_unit' | 'centre' | 'input_unit';

export interface NotificationRule {
  kind: NotificationKind;
  audience: NotificationAudience;
  /** Channels tried for each recipient (webhooks only where an endpoint subscribes). */
  channels: readonly NotificationChannel[];
  /** Only when the event leads to this status (e.g. a callback that escalates). */
  onlyTo?: string;
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
  negotiate: { kind: 'negotiated', audience: 'assigned_units', channels: ['in_app', 'webhook', 'sms'] },
  sub_dispatch: { kind: 'task_assigned', audience: 'input_unit', channels: ['in_app', 'webhook', 'sms'] },
  co_report: { kind: 'co_reported', audience: 'lead_unit', channels: ['in_app', 'webhook'] },
  remind: { kind: 'reminder', audience: 'lead_unit', channels: ['in_app', 'webhook', 'sms'] },
  supervise: { kind: 'supervision_issued', audience: 'lead_unit', channels: ['in_app', 'webhook', 'sms'] },
  reply_supervision: { kind: 'supervision_replied', audience: 'centre', channels: ['in_app', 'webhook'] },
  appeal_rating: { kind: 'appeal_filed', audience: 'centre', channels: ['in_app', 'webhook'] },
  decide_appeal: { kind: 'appeal_decided', audience: 'lead_unit', channels: ['in_app', 'webhook'] },
  callback: {
    kind: 'escalated_to_leaders',
    audience: 'centre',
    channels: ['in_app', 'webhook'],
    onlyTo: 'escalated',
  },
};

/** The notice kind of each ladder step (the sweeper's notices; recipients per `STEP_AUDIENCE`). */
export const LADDER_NOTIFICATION_KINDS = {
  yellow: 'clock_yellow',
  red: 'clock_red',
  remind: 'clock_remind',
  escalate: 'clock_escalated',
} as const satisfies Record<string, NotificationKind>;

/** Channels of the ladder's notices: the unit also gets an SMS from red on. */
export const LADDER_CHANNELS: Record<keyof typeof LADDER_NOTIFICATION_KINDS, readonly NotificationChannel[]> =
  {
    yellow: ['in_app', 'webhook'],
    red: ['in_app', 'webhook', 'sms'],
    remind: ['in_app', 'webhook', 'sms'],
    escalate: ['in_app', 'webhook', 'sms'],
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
  /** The timeline seq of a transition, or `m:<mark id>` for a ladder step. */
  seq: number | string;
  kind: NotificationKind;
  recipient: string;
  channel: NotificationChannel;
  target?: string;
}): string {
  const channel = k.target ? `${k.channel}@${k.target}` : k.channel;
  return `${k.orderId}:${k.seq}:${k.kind}:${k.recipient}:${channel}`;
}
