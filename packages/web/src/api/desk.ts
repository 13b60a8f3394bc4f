import type { AppealType, Status, UnitDispatchCounts, UnitDispatchRates, Urgency } from '@huawu/domain';
import { api, buildQuery, download } from './client';
import type { ClockColour, UnitTaskRole, UnitTaskStatus } from './types';

/** A paged desk answer; `totalCapped` says the count stopped at a cap (the list goes on). */
export interface DeskPage<T> {
  items: T[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

/** One task of the user's unit in 单位工作台 (GET /api/desk/inbox). */
export interface InboxRow {
  orderId: string;
  orderNo: string;
  title: string;
  status: Status;
  statusLabel: string;
  appealType: AppealType;
  urgency: Urgency;
  role: UnitTaskRole;
  roleLabel: string;
  taskStatus: UnitTaskStatus;
  taskStatusLabel: string;
  clockKind: string | null;
  clockKindLabel: string | null;
  dueAt: string | null;
  stage: number | null;
  colour: ClockColour;
  paused: boolean;
  pendingExtension: boolean;
  openSupervision: boolean;
}

export interface InboxPage extends DeskPage<InboxRow> {
  counts: Record<ClockColour, number>;
  /** A colour counted up to the cap (shown as "1000+"). */
  countsCapped?: Record<ClockColour, boolean>;
}

export const DESK_QUEUES = ['pending_dispatch', 'returns', 'extensions', 'overdue', 'supervisions'] as const;
export type DeskQueue = (typeof DESK_QUEUES)[number];

/** A row of a 派单台 queue: the order's summary plus what the queue is about (fields vary by queue). */
export interface QueueRow {
  orderId: string;
  orderNo: string;
  title: string;
  status?: Status;
  statusLabel?: string;
  urgency?: Urgency;
  createdAt?: string;
  unitId?: string | null;
  unitName?: string | null;
  leadUnitName?: string | null;
  reason?: string | null;
  suggestedUnit?: string | null;
  suggestedLeadUnitName?: string | null;
  requestingUnitName?: string | null;
  requestedAt?: string | null;
  currentDeadlineAt?: string | null;
  supervisionDeadlineAt?: string | null;
  kindLabel?: string;
  at?: string | null;
  returnCount?: number;
  negotiated?: boolean;
  days?: number | null;
  deadlineAt?: string | null;
  clockKind?: string | null;
  clockKindLabel?: string | null;
  dueAt?: string | null;
  stage?: number | null;
  colour?: ClockColour | null;
  requirement?: string | null;
  kind?: 'manual' | 'auto';
  issuedAt?: string | null;
  supervisionStatus?: string | null;
  [key: string]: unknown;
}

export interface InboxQuery {
  colour?: ClockColour;
  page: number;
  pageSize: number;
}

export const fetchInbox = (q: InboxQuery) => api.get<InboxPage>(`/api/desk/inbox${buildQuery({ ...q })}`);

export const fetchQueue = (queue: DeskQueue, page: number, pageSize: number) =>
  api.get<DeskPage<QueueRow>>(`/api/desk/queues/${queue}${buildQuery({ page, pageSize })}`);

/** One unit's line of 单位考核 (GET /api/dispatch/unit-stats): domain counts and rates. */
export type UnitStatsRow = { unitId: string; unitName: string } & UnitDispatchCounts & UnitDispatchRates;

export interface StatsRange {
  from: string;
  to: string;
}

/** The rows; the list is `items` (or `units`, as core names it). */
export async function fetchUnitStats(range: StatsRange): Promise<UnitStatsRow[]> {
  const body = await api.get<{ items?: UnitStatsRow[]; units?: UnitStatsRow[] }>(
    `/api/dispatch/unit-stats${buildQuery({ ...range })}`,
  );
  return body.items ?? body.units ?? [];
}

export const downloadUnitStats = (range: StatsRange) =>
  download(
    `/api/dispatch/unit-stats${buildQuery({ ...range, format: 'csv' })}`,
    `单位考核-${range.from}-${range.to}.csv`,
  );
