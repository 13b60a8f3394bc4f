export { enqueueForTransition } from './enqueue-for-transition.js';
export { deliverDue, type DeliverOptions, type DeliverSummary } from './deliver-due.js';
export {
  type HttpSmsConfig,
  type SmsGateway,
  createHttpSmsGateway,
  loggingSmsGateway,
  smsGatewayFor,
  validateSmsConfig,
} from './sms-gateway.js';
export { type NoticeBus, type NoticeEvent, createNoticeBus } from './notice-bus.js';
export { publishNewNotices, publishTransitionNotices } from './after-commit.js';
export { signWebhook, verifyWebhookSignature } from './webhook-signature.js';
export { listMyNotices, readNotice } from './manage-notices.js';
export {
  type WebhookInput,
  createWebhook,
  listDeliveryLog,
  listNotificationTemplates,
  listWebhooks,
  updateNotificationTemplate,
  updateWebhook,
} from './manage-notification-admin.js';
