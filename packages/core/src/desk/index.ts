export { listUnitInbox, type UnitInboxQuery, type UnitInboxItem } from './list-unit-inbox.js';
export { listDeskQueue, DESK_QUEUES, type DeskQueue, type DeskQueueQuery } from './list-desk-queue.js';
export { unitDispatchStats, exportUnitDispatchStats, type UnitStatsQuery } from './unit-dispatch-stats.js';
export { DESK_COUNT_CAP, INBOX_COUNT_CAP, type DeskListOptions } from './desk-paging.js';
export { CLOSURE_QUEUES, type ClosureQueue } from './closure-queue-items.js';
