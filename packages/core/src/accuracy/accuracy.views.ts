import {
  type AccuracySettings,
  CHECK_KINDS,
  CHECK_VERDICTS,
  CORRECTION_REASONS,
  type DeadlineContext,
  type DeadlineState,
  type FieldSpecs,
  ROUND_ACTIONS,
  ROUND_STATUS_LABELS,
  type RoundAction,
  TASK_ACTIONS,
  TASK_STATUS_LABELS,
  type TaskAction,
  deadlineState,
  taskClockRuns,
} from '@huawu/domain';
import type { CheckRecord } from '../storage/accuracy-checks.repository.js';
import type { HistoryRecord } from '../storage/accuracy-history.repository.js';
import type { ItemRecord } from '../storage/accuracy-items.repository.js';
import type { RoundProgress, RoundRecord } from '../storage/accuracy-rounds.repository.js';
import type { TaskRecord } from '../storage/correction-tasks.repository.js';

/** Shapes of the accuracy API (docs/ACCURACY.md). Checks hold no caller data, so nothing is masked. */

export interface CheckView {
  id: string;
  kind: CheckRecord['kind'];
  kindLabel: string;
  attempt: number;
  calledNumber: string;
  reached: boolean;
  answerSeconds: number | null;
  rings: number | null;
  verdict: CheckRecord['verdict'];
  verdictLabel: string;
  guideOutdated: boolean;
  notes: string | null;
  checkedByName: string;
  checkedAt: string;
}

export const toCheckView = (c: CheckRecord): CheckView => ({
  id: c.id,
  kind: c.kind,
  kindLabel: CHECK_KINDS.labels[c.kind],
  attempt: c.attempt,
  calledNumber: c.calledNumber,
  reached: c.reached,
  answerSeconds: c.answerSeconds,
  rings: c.rings,
  verdict: c.verdict,
  verdictLabel: CHECK_VERDICTS.labels[c.verdict],
  guideOutdated: c.guideOutdated,
  notes: c.notes,
  checkedByName: c.checkedByName,
  checkedAt: c.checkedAt,
});

export interface Clock {
  now: Date;
  calendar: DeadlineContext;
  settings: AccuracySettings;
}

/** 红牌/黄牌 of a task: only while the unit's clock runs (an open task). */
export function taskDeadlineState(task: TaskRecord, clock: Clock): DeadlineState | null {
  if (!taskClockRuns(task.status)) return null;
  const warning = { unit: 'working_days' as const, amount: clock.settings.warningDays };
  return deadlineState(clock.now, new Date(task.deadlineAt), warning, clock.calendar);
}

export interface TaskBrief {
  id: string;
  status: TaskRecord['status'];
  statusLabel: string;
  deadlineAt: string;
  deadlineState: DeadlineState | null;
  recheckCount: number;
}

const toTaskBrief = (t: TaskRecord, clock: Clock): TaskBrief => ({
  id: t.id,
  status: t.status,
  statusLabel: TASK_STATUS_LABELS[t.status],
  deadlineAt: t.deadlineAt,
  deadlineState: taskDeadlineState(t, clock),
  recheckCount: t.recheckCount,
});

export function toTaskSummary(t: TaskRecord, clock: Clock) {
  return {
    ...toTaskBrief(t, clock),
    roundId: t.roundId,
    roundName: t.roundName,
    itemId: t.itemId,
    articleId: t.articleId,
    articleVersion: t.articleVersion,
    guideTitle: t.guideTitle,
    itemCode: t.itemCode,
    question: t.question,
    phone: t.phone,
    ownerUnitId: t.ownerUnitId,
    ownerUnitName: t.ownerUnitName,
    reasons: t.reasons.map((code) => ({ code, label: CORRECTION_REASONS.labels[code] ?? code })),
    openedAt: t.openedAt,
    fixedAt: t.fixedAt,
    recheckPlannedOn: t.recheckPlannedOn,
    recheckCheckerName: t.recheckCheckerName,
    closedAt: t.closedAt,
  };
}
export type TaskSummary = ReturnType<typeof toTaskSummary>;

const HISTORY_LABELS: Record<string, string> = {
  accuracy_task_open: '生成整改任务',
  accuracy_task_fixed: '提交整改',
  accuracy_task_recheck_scheduled: '安排复查',
  accuracy_task_recheck: '记录复查',
};

const versionOf = (h: HistoryRecord) => Number(h.detail?.version ?? 0);
const byVersion = (a: HistoryRecord, b: HistoryRecord) =>
  versionOf(a) - versionOf(b) || a.at.localeCompare(b.at);

export function toTaskDetail(
  t: TaskRecord,
  clock: Clock,
  more: { allowed: TaskAction[]; checks: CheckRecord[]; history: HistoryRecord[] },
) {
  return {
    ...toTaskSummary(t, clock),
    version: t.version,
    fixNote: t.fixNote,
    fixedByName: t.fixedByName,
    proposedVersion: t.proposedVersion,
    recheckCheckerId: t.recheckCheckerId,
    allowedActions: more.allowed.map((name) => ({
      name,
      label: TASK_ACTIONS[name].label,
      input: TASK_ACTIONS[name].input as FieldSpecs,
    })),
    checks: more.checks.map(toCheckView),
    // Each entry names the task version it made: the order of changes even within one millisecond.
    history: [...more.history].sort(byVersion).map((h) => ({
      at: h.at,
      action: h.action,
      actionLabel: HISTORY_LABELS[h.action] ?? h.action,
      actorName: h.actorName,
      detail: h.detail,
    })),
  };
}
export type TaskDetail = ReturnType<typeof toTaskDetail>;

export function toRoundSummary(r: RoundRecord, progress: RoundProgress, unitName: (id: string) => string) {
  return {
    id: r.id,
    name: r.name,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    unitIds: r.unitIds,
    unitNames: r.unitIds.map(unitName),
    status: r.status,
    statusLabel: ROUND_STATUS_LABELS[r.status],
    checkerId: r.checkerId,
    checkerName: r.checkerName,
    createdByName: r.createdByName,
    createdAt: r.createdAt,
    startedAt: r.startedAt,
    completedAt: r.completedAt,
    progress,
  };
}
export type RoundSummary = ReturnType<typeof toRoundSummary>;

export function toItemView(
  item: ItemRecord,
  checks: CheckRecord[],
  task: TaskRecord | undefined,
  clock: Clock,
) {
  const own = checks.filter((c) => c.itemId === item.id);
  return {
    id: item.id,
    seq: item.seq,
    articleId: item.articleId,
    articleVersion: item.articleVersion,
    guideTitle: item.guideTitle,
    itemCode: item.itemCode,
    ownerUnitId: item.ownerUnitId,
    ownerUnitName: item.ownerUnitName,
    question: item.question,
    phone: item.phone,
    checkerId: item.checkerId,
    checkerName: item.checkerName,
    check: own.filter((c) => c.kind === 'initial').map(toCheckView)[0] ?? null,
    rechecks: own.filter((c) => c.kind !== 'initial').map(toCheckView),
    task: task ? toTaskBrief(task, clock) : null,
  };
}
export type ItemView = ReturnType<typeof toItemView>;

/** Round buttons (start, complete); recording is offered per item through `canRecord`. */
export function roundButtons(allowed: RoundAction[]) {
  return allowed
    .filter((name) => ROUND_ACTIONS[name].button)
    .map((name) => ({ name, label: ROUND_ACTIONS[name].label }));
}
