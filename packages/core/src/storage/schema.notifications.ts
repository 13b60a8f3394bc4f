/** Notifications: the outbox, its delivery log, webhook endpoints, editable templates, in-app read state. */

export interface NotificationsTable {
  id: string;
  kind: string;
  order_id: string;
  recipient_unit_id: string | null;
  recipient_user_id: string | null;
  channel: string;
  /** Webhook endpoint for channel `webhook`; phone number for `sms`. */
  target: string | null;
  /** JSON text: rendered text and the order fields it names. */
  payload: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  claim_token: string | null;
  created_at: string;
  sent_at: string | null;
  dedupe_key: string;
}

export interface NotificationDeliveriesTable {
  id: string;
  notification_id: string;
  attempt: number;
  channel: string;
  target: string | null;
  at: string;
  ok: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export interface WebhookEndpointsTable {
  id: string;
  unit_id: string | null;
  url: string;
  secret: string;
  active: number;
  /** JSON array of notification kinds; empty = every kind. */
  kinds: string;
  created_at: string;
  updated_at: string;
}

export interface NotificationTemplatesTable {
  kind: string;
  channel: string;
  text: string;
  updated_at: string;
  updated_by: string;
}

/** Read state of in-app notices, per user (a notice is addressed to the user's unit). */
export interface NoticesTable {
  notification_id: string;
  user_id: string;
  read_at: string;
}

export type NotificationsSchema = {
  notifications: NotificationsTable;
  notification_deliveries: NotificationDeliveriesTable;
  webhook_endpoints: WebhookEndpointsTable;
  notification_templates: NotificationTemplatesTable;
  notices: NoticesTable;
};
