import {
  type Actor,
  CLOCK_KIND_LABELS,
  type ClockKind,
  STATUS_LABELS,
  type Status,
  UNIT_TASK_ROLE_LABELS,
  UNIT_TASK_STATUS_LABELS,
  clockColour,
  stageAt,
} from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { type InboxRow, countInbox, listInbox } from '../storage/desk-inbox.repository.js';
import { DESK_COLOURS, type DeskColour } from '../storage/desk-sql.js';
import { assertUnitInboxReader } from './desk-access.js';
import {
  INBOX_COUNT_CAP,
  type DeskListOptions,
  mergedWindow,
  parsePaging,
  planSegments,
} from './desk-paging.js';

/** At most this many paused clocks (pending extensions) of one colour are merged into a unit's inbox. */
const PAUSED_CAP = 1000;

export interface UnitInboxQuery {
  colour?: string;
  page?: number;
  pageSize?: number;
}

function inboxItem(r: InboxRow, now: Date) {
  const times = {
    dueAt: new Date(r.dueAt),
    warnAt: new Date(r.warnAt),
    remindAt: new Date(r.remindAt),
    escalateAt: new Date(r.escalateAt),
  };
  const stage = r.pausedAt ? r.stage : Math.max(r.stage, stageAt(times, now));
  return {
    orderId: r.orderId,
    orderNo: r.orderNo,
    title: r.title,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status as Status] ?? r.status,
    appealType: r.appealType,
    urgency: r.urgency,
    role: r.role,
    roleLabel: UNIT_TASK_ROLE_LABELS[r.role as keyof typeof UNIT_TASK_ROLE_LABELS] ?? r.role,
    taskStatus: r.taskStatus,
    taskStatusLabel:
      UNIT_TASK_STATUS_LABELS[r.taskStatus as keyof typeof UNIT_TASK_STATUS_LABELS] ?? r.taskStatus,
    clockKind: r.clockKind,
    clockKindLabel: CLOCK_KIND_LABELS[r.clockKind as ClockKind] ?? r.clockKind,
    dueAt: r.dueAt,
    stage,
    colour: clockColour(stage),
    paused: r.pausedAt !== null,
    pendingExtension: r.pendingExtensionDays !== null,
    openSupervision: r.openSupervision,
  };
}

export type UnitInboxItem = ReturnType<typeof inboxItem>;

/**
 * 单位待办 (unit inbox): one row per order on which the actor's own unit has an active task with an open
 * clock, showing that unit's most urgent clock; red → yellow → green, then due time. Colours are
 * computed at now (a lagging sweeper does not matter). Counts stop at the cap (`totalCapped`).
 */
export async function listUnitInbox(
  deps: CoreDeps,
  actor: Actor,
  query: UnitInboxQuery,
  options: DeskListOptions = {},
) {
  assertUnitInboxReader(actor);
  const colour = query.colour || undefined;
  if (colour !== undefined && !(DESK_COLOURS as readonly string[]).includes(colour)) {
    throw AppError.validation('colour', '颜色应为 red、yellow 或 green');
  }
  const paging = parsePaging(query);
  const cap = options.countCap ?? INBOX_COUNT_CAP;
  const { db } = deps.database;
  const nowDate = deps.now();
  const now = nowDate.toISOString();
  // Paused clocks (pending extensions) are few: read whole once, coloured by their stored stage, and
  // merged into each colour's running clocks in due order.
  const paused = await listInbox(db, actor.unitId, null, 'paused', now, { offset: 0, limit: PAUSED_CAP });
  const pausedOf = (c: DeskColour) => paused.filter((r) => clockColour(r.stage) === c);
  const running = await Promise.all(
    DESK_COLOURS.map((c) => countInbox(db, actor.unitId, c, 'running', now, cap)),
  );
  const counts = Object.fromEntries(
    DESK_COLOURS.map((c, i) => [c, Math.min(cap, (running[i] ?? 0) + pausedOf(c).length)]),
  ) as Record<DeskColour, number>;
  const segments = DESK_COLOURS.filter((c) => !colour || c === colour).map((c) => ({
    key: c,
    count: counts[c],
  }));
  const plan = planSegments(segments, paging, cap);
  const pages = await Promise.all(
    plan.map((p) =>
      mergedWindow(
        pausedOf(p.key),
        (offset, limit) => listInbox(db, actor.unitId, p.key, 'running', now, { offset, limit }),
        p.offset,
        p.limit,
      ),
    ),
  );
  const sum = segments.reduce((n, s) => n + s.count, 0);
  return {
    items: pages.flat().map((r) => inboxItem(r, nowDate)),
    counts,
    countsCapped: { red: counts.red >= cap, yellow: counts.yellow >= cap, green: counts.green >= cap },
    total: Math.min(sum, cap),
    totalCapped: sum >= cap,
    page: paging.page,
    pageSize: paging.pageSize,
  };
}
