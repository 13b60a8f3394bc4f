import {
  type Actor,
  CLOCK_KIND_LABELS,
  type ClockKind,
  STATUS_LABELS,
  type Status,
  categoryLineage,
  clockColour,
  stageAt,
  suggestDispatch,
} from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import {
  type DeskQueueName,
  type QueueRow,
  countQueue,
  lastEventsOf,
  listQueue,
  unitNames,
} from '../storage/desk-queues.repository.js';
import { listActiveEntriesFor } from '../storage/dispatch-catalogue.repository.js';
import { CLOSURE_QUEUES, closureQueueExtras } from './closure-queue-items.js';
import { assertClosureQueueReader, assertDeskQueueReader } from './desk-access.js';
import { DESK_COUNT_CAP, type DeskListOptions, parsePaging, planSegments } from './desk-paging.js';

export const DISPATCH_QUEUES = [
  'pending_dispatch',
  'returns',
  'extensions',
  'overdue',
  'supervisions',
] as const;
export const DESK_QUEUES = [...DISPATCH_QUEUES, ...CLOSURE_QUEUES] as const;
export type DeskQueue = (typeof DESK_QUEUES)[number];

export interface DeskQueueQuery {
  page?: number;
  pageSize?: number;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : v == null ? null : String(v));
const num = (v: unknown): number | null => (v == null ? null : Number(v));
const payloadOf = (text: string | undefined): Record<string, unknown> => {
  if (!text) return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
};

/** The columns every queue item carries: enough for a table row. */
function orderBrief(r: QueueRow, names: Map<string, string>) {
  const status = String(r.status);
  const leadUnitId = str(r.lead_unit_id);
  return {
    orderId: r.order_id,
    orderNo: String(r.order_no),
    title: String(r.title),
    status,
    statusLabel: STATUS_LABELS[status as Status] ?? status,
    urgency: String(r.urgency),
    appealType: String(r.appeal_type),
    createdAt: String(r.created_at),
    deadlineAt: str(r.deadline_at),
    leadUnitId,
    unitId: str(r.unit_id) ?? leadUnitId,
    unitName: str(r.unit_name) ?? (leadUnitId ? (names.get(leadUnitId) ?? null) : null),
  };
}

/** The catalogue's suggested lead unit for a page of orders: one catalogue query, one name query. */
async function suggestedLeads(deps: CoreDeps, rows: readonly QueueRow[]) {
  const { db } = deps.database;
  const lineages = new Set(
    rows.flatMap((r) => (r.category ? categoryLineage(String(r.category).trim()) : [])),
  );
  const entries = await listActiveEntriesFor(db, [...lineages]);
  const leads = new Map<string, string>();
  for (const r of rows) {
    const found = suggestDispatch(entries, { category: str(r.category), divisionCode: str(r.division_code) });
    if (found) leads.set(r.order_id, found.entry.leadUnitId);
  }
  const names = await unitNames(db, [...leads.values()]);
  return { leads, names };
}

async function shapeItems(deps: CoreDeps, queue: DeskQueue, rows: QueueRow[], now: Date) {
  const { db } = deps.database;
  const names = await unitNames(
    db,
    rows.map((r) => str(r.lead_unit_id)).filter((x): x is string => x !== null),
  );
  switch (queue) {
    case 'pending_dispatch': {
      const { leads, names: suggestedNames } = await suggestedLeads(deps, rows);
      return rows.map((r) => {
        const lead = leads.get(r.order_id) ?? null;
        return {
          ...orderBrief(r, names),
          suggestedLeadUnitId: lead,
          suggestedLeadUnitName: lead ? (suggestedNames.get(lead) ?? null) : null,
        };
      });
    }
    case 'returns': {
      const last = await lastEventsOf(
        db,
        rows.map((r) => r.order_id),
        'request_return',
      );
      return rows.map((r) => {
        const e = last.get(r.order_id);
        const p = payloadOf(e?.payload);
        return {
          ...orderBrief(r, names),
          requestingUnitId: e?.unitId ?? str(r.lead_unit_id),
          requestingUnitName: e?.unitName ?? null,
          reason: str(p.reason),
          suggestedUnit: str(p.suggestedUnit),
          requestedAt: e?.at ?? null,
          returnCount: num(r.return_count) ?? 0,
          negotiated: Number(r.negotiated) === 1,
        };
      });
    }
    case 'extensions': {
      const last = await lastEventsOf(
        db,
        rows.map((r) => r.order_id),
        'request_extension',
      );
      return rows.map((r) => {
        const e = last.get(r.order_id);
        const p = payloadOf(e?.payload);
        return {
          ...orderBrief(r, names),
          days: num(r.pending_extension_days),
          reason: str(p.reason),
          requestedAt: str(r.extension_requested_at) ?? e?.at ?? null,
          currentDeadlineAt: str(r.deadline_at),
        };
      });
    }
    case 'overdue':
      return rows.map((r) => {
        const times = {
          dueAt: new Date(String(r.due_at)),
          warnAt: new Date(String(r.warn_at)),
          remindAt: new Date(String(r.remind_at)),
          escalateAt: new Date(String(r.escalate_at)),
        };
        const stored = Number(r.stage);
        const stage = r.paused_at ? stored : Math.max(stored, stageAt(times, now));
        const kind = String(r.clock_kind);
        return {
          ...orderBrief(r, names),
          clockId: String(r.clock_id),
          clockKind: kind,
          clockKindLabel: CLOCK_KIND_LABELS[kind as ClockKind] ?? kind,
          dueAt: String(r.due_at),
          stage,
          colour: clockColour(stage),
        };
      });
    case 'review':
    case 'reply':
    case 'callback':
    case 'escalated':
    case 'appeals': {
      const extras = await closureQueueExtras(deps, queue, rows, now);
      return rows.map((r) => ({ ...orderBrief(r, names), ...extras(r) }));
    }
    case 'supervisions':
      return rows.map((r) => ({
        ...orderBrief(r, names),
        supervisionId: String(r.supervision_id),
        kind: String(r.supervision_kind),
        kindLabel: r.supervision_kind === 'auto' ? '自动督办' : '人工督办',
        requirement: String(r.requirement),
        issuedAt: String(r.issued_at),
        supervisionDeadlineAt: String(r.supervision_deadline_at),
      }));
  }
}

/**
 * 派单台队列 (the centre's dispatch-desk queues): 待派单, 退单审核, 延期审核, 超期 (red or beyond) and
 * open 督办; 回访台 queues: 待审核, 待回复, 待回访, 待研判, 申诉审核 — each in index order with LIMIT; the
 * count stops at the cap (`totalCapped`).
 */
export async function listDeskQueue(
  deps: CoreDeps,
  actor: Actor,
  queue: string,
  query: DeskQueueQuery,
  options: DeskListOptions = {},
) {
  if (!(DESK_QUEUES as readonly string[]).includes(queue)) {
    throw AppError.validation('queue', `未知队列：${queue.slice(0, 30)}（可选 ${DESK_QUEUES.join('、')}）`);
  }
  if ((CLOSURE_QUEUES as readonly string[]).includes(queue)) assertClosureQueueReader(actor);
  else assertDeskQueueReader(actor);
  const name = queue as DeskQueueName;
  const paging = parsePaging(query);
  const cap = options.countCap ?? DESK_COUNT_CAP;
  const { db } = deps.database;
  const nowDate = deps.now();
  const now = nowDate.toISOString();
  const count = await countQueue(db, name, now, cap);
  const [plan] = planSegments([{ key: name, count }], paging, cap);
  const rows = plan ? await listQueue(db, name, now, plan) : [];
  return {
    queue: name,
    items: await shapeItems(deps, name, rows, nowDate),
    total: count,
    totalCapped: count >= cap,
    page: paging.page,
    pageSize: paging.pageSize,
  };
}
