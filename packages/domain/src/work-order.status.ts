/** Every status a work order can be in (domain.md §3). Only the machine decides which follows which. */
export const STATUSES = [
  'intake',
  'pending_dispatch',
  'dispatched',
  'return_requested',
  'in_progress',
  'unit_replied',
  'pending_reply',
  'pending_callback',
  'escalated',
  'closed',
  'not_accepted',
  'transferred_out',
  'merged',
  'archived',
] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, string> = {
  intake: '受理中',
  pending_dispatch: '待派单',
  dispatched: '待签收',
  return_requested: '退单待审',
  in_progress: '办理中',
  unit_replied: '待审核',
  pending_reply: '待回复',
  pending_callback: '待回访',
  escalated: '待领导研判',
  closed: '已办结',
  not_accepted: '不予受理',
  transferred_out: '已转外线',
  merged: '已并单',
  archived: '已归档',
};

/** Colour hints for status tags in user interfaces (Ant Design preset names). */
export const STATUS_COLOURS: Record<Status, string> = {
  intake: 'blue',
  pending_dispatch: 'gold',
  dispatched: 'orange',
  return_requested: 'volcano',
  in_progress: 'processing',
  unit_replied: 'purple',
  pending_reply: 'cyan',
  pending_callback: 'geekblue',
  escalated: 'red',
  closed: 'success',
  not_accepted: 'default',
  transferred_out: 'magenta',
  merged: 'default',
  archived: 'default',
};

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

/** Phases group statuses for filters and reports. */
export const OPEN_STATUSES: readonly Status[] = [
  'intake',
  'pending_dispatch',
  'dispatched',
  'return_requested',
  'in_progress',
  'unit_replied',
  'pending_reply',
  'pending_callback',
  'escalated',
];

/** Statuses in which a handling unit's clock runs (a deadline can be overdue). */
export const HANDLING_STATUSES: readonly Status[] = ['dispatched', 'return_requested', 'in_progress'];

export function isOpen(status: Status): boolean {
  return OPEN_STATUSES.includes(status);
}

export function isHandling(status: Status): boolean {
  return HANDLING_STATUSES.includes(status);
}

/** The status every new order starts in (受理). */
export const INITIAL_STATUS: Status = 'intake';

/** Statuses whose entry is stamped on the order (办结 time, 归档 time). */
export const STATUS_TIMESTAMPS: Partial<Record<Status, 'closedAt' | 'archivedAt'>> = {
  closed: 'closedAt',
  archived: 'archivedAt',
};
