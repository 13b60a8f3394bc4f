import { api, buildQuery } from './client';

/** Admin side of notifications: templates, webhook endpoints and the delivery log. */

export interface NotificationTemplate {
  kind: string;
  kindLabel: string;
  channel: string;
  channelLabel: string;
  text: string;
  defaultText: string;
  custom: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface TemplateList {
  items: NotificationTemplate[];
  /** e.g. `{orderNo}`. */
  placeholders: string[];
}

export interface Webhook {
  id: string;
  unitId: string | null;
  url: string;
  active: boolean;
  /** Empty = every kind. */
  kinds: string[];
  secretHint: string;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookInput {
  unitId: string | null;
  url: string;
  secret?: string;
  active: boolean;
  kinds: string[];
}

export interface Delivery {
  id: string;
  notificationId: string;
  attempt: number;
  channel: string;
  target: string | null;
  at: string;
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  kind: string;
  orderId: string;
  orderNo: string;
  recipientUnitId: string | null;
  notificationStatus: string;
}

export const listTemplates = () => api.get<TemplateList>('/api/notification-templates');

/** `text: null` restores the default. */
export const saveTemplate = (body: { kind: string; channel: string; text: string | null }) =>
  api.put<NotificationTemplate>('/api/notification-templates', body);

export const listWebhooks = () => api.get<{ items: Webhook[] }>('/api/webhooks');

/** The full secret comes back this once. */
export const createWebhook = (body: WebhookInput) =>
  api.post<Webhook & { secret: string }>('/api/webhooks', body);

export const updateWebhook = (id: string, body: WebhookInput) =>
  api.put<Webhook>(`/api/webhooks/${encodeURIComponent(id)}`, body);

export const listDeliveries = (limit = 200) =>
  api.get<{ items: Delivery[] }>(`/api/notifications/deliveries${buildQuery({ limit })}`);
