import type { ClosurePolicy, Status } from '@huawu/domain';
import { api, buildQuery } from './client';
import type { DeskPage } from './desk';
import type { ClockColour } from './types';

/** The 回访台 queues (GET /api/desk/queues/:queue): callback staff, reviewers, supervisors, admins. */
export const CLOSURE_QUEUES = ['review', 'reply', 'callback', 'escalated', 'appeals'] as const;
export type ClosureQueue = (typeof CLOSURE_QUEUES)[number];

/** A row of a 回访台 queue: the order's summary plus the queue's own columns (absent elsewhere). */
export interface ClosureQueueRow {
  orderId: string;
  orderNo: string;
  title: string;
  status: Status;
  statusLabel: string;
  createdAt: string;
  unitName: string | null;
  // 待审核 / 待回复
  repliedAt?: string | null;
  replyUnitName?: string | null;
  resultLabel?: string | null;
  signedOffBy?: string | null;
  approvedAt?: string | null;
  // 待回访
  callerRepliedAt?: string | null;
  attempts?: number;
  maxAttempts?: number;
  lastAttemptAt?: string | null;
  nextAttemptAt?: string | null;
  attemptAllowedNow?: boolean;
  mayCloseUnreachable?: boolean;
  callbackDueAt?: string | null;
  colour?: ClockColour | null;
  // 待研判
  escalatedAt?: string | null;
  redoCount?: number;
  satisfactionLabel?: string | null;
  resolvedLabel?: string | null;
  callbackComment?: string | null;
  // 申诉审核
  appealedAt?: string | null;
  appealUnitName?: string | null;
  reason?: string | null;
  appealDeadlineAt?: string | null;
}

export const fetchClosureQueue = (queue: ClosureQueue, page: number, pageSize: number) =>
  api.get<DeskPage<ClosureQueueRow>>(`/api/desk/queues/${queue}${buildQuery({ page, pageSize })}`);

/** 办结与归档规则 (GET / PUT /api/admin/closure-policy). */
export const fetchClosurePolicy = () => api.get<ClosurePolicy>('/api/admin/closure-policy');
export const saveClosurePolicy = (policy: ClosurePolicy) =>
  api.put<ClosurePolicy>('/api/admin/closure-policy', policy);

export type { OrderClosure } from './closure-types';
