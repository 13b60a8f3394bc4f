export * from './notification.kinds.js';
export * from './notification.templates.js';
export * from './notification.delivery.js';
