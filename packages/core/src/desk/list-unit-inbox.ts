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
import { type InboxColour, type InboxRow, countInbox, listInbox } from '../storage/desk-inbox.repository.js';
import { DESK_COLOURS } from '../storage/desk-sql.js';
import { assertUnitInboxReader } from './desk-access.js';
import { INBOX_COUNT_CAP, type DeskListOptions, parsePaging } from './desk-paging.js';

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
  // A paused clock (extension waiting for the centre) is never red: at most yellow once its warning began.
  const stage = r.pausedAt ? Math.min(stageAt(times, now), 1) : Math.max(r.stage, stageAt(times, now));
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
 * clock, showing that unit's most urgent clock, by its deadline — which is red → yellow → green at now
 * (a lagging sweeper does not matter). A task whose clock is paused (extension waiting) keeps its place
 * by deadline and shows the colour it had when paused (never red). Counts stop at the cap.
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
  const [red, yellow, green, rows] = await Promise.all([
    countInbox(db, actor.unitId, 'red', now, cap),
    countInbox(db, actor.unitId, 'yellow', now, cap),
    countInbox(db, actor.unitId, 'green', now, cap),
    // pages stay within the counted rows (as the other desk lists)
    listInbox(db, actor.unitId, colour as InboxColour | undefined, now, {
      offset: paging.offset,
      limit: Math.min(paging.pageSize, cap - paging.offset),
    }),
  ]);
  const counts = { red, yellow, green };
  const total = colour ? counts[colour as InboxColour] : Math.min(cap, red + yellow + green);
  return {
    items: rows.map((r) => inboxItem(r, nowDate)),
    counts,
    countsCapped: { red: red >= cap, yellow: yellow >= cap, green: green >= cap },
    total,
    totalCapped: total >= cap,
    page: paging.page,
    pageSize: paging.pageSize,
  };
}
