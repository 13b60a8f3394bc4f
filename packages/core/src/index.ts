export { AppError, isAppError } from './app-error.js';
export type { CoreConfig, CoreDeps } from './deps.js';
export { createCore, prepareDatabase, DEFAULT_CONFIG, type CoreOptions } from './create-core.js';
export { seedDemo, type DemoSummary } from './demo/seed-demo.js';
export { DEMO_PASSWORD } from './demo/demo-city.js';
export { login, type LoginResult } from './use-cases/login.js';
export { authenticate, logout, createSessionCache, type SessionCache } from './use-cases/authenticate.js';
export { actorOf, type AuthUser } from './use-cases/auth-user.js';
export { createWorkOrder } from './use-cases/create-work-order.js';
export { getWorkOrder } from './use-cases/get-work-order.js';
export { listWorkOrders, type ListQuery } from './use-cases/list-work-orders.js';
export { transitionWorkOrder, type TransitionRequest } from './use-cases/transition-work-order.js';
export { addUser, resetPassword, type AddUserInput } from './use-cases/manage-users.js';
export {
  getCalendarYear,
  putCalendarYear,
  importHolidayCnYear,
  getDeadlinePolicy,
  putDeadlinePolicy,
} from './use-cases/manage-calendar.js';
export { listUnits } from './use-cases/list-units.js';
export { listAudit } from './use-cases/list-audit.js';
export { checkHealth } from './use-cases/check-health.js';
export type { WorkOrderDetail, WorkOrderSummary } from './views/work-order.view.js';
export * from './knowledge/index.js';
export * from './intake/index.js';
export * from './accuracy/index.js';
export type { CallEvent, CallEventBus } from './intake/call-event-bus.js';
export type {
  KbSearchHit,
  KbSearchQuery,
  KbSearchResult,
  KnowledgeSearch,
} from './search/knowledge-search.js';
export * from './dispatch/index.js';
export * from './notifications/index.js';
export * from './order-files/index.js';
export * from './supervision/index.js';
export * from './desk/index.js';
export * from './units/index.js';
export * from './public-lookup/index.js';
export * from './archive/index.js';
export * from './export/index.js';
export { getClosurePolicy, putClosurePolicy, readClosurePolicy } from './closure/closure-policy.js';
