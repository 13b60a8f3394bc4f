import {
  type AccuracyFigures,
  type AccuracySettings,
  type Actor,
  CHECK_VERDICTS,
  type CheckKind,
  TASK_STATUS_LABELS,
  TASK_UNRESOLVED_STATUSES,
  accuracyFigures,
  accuracyFormulaText,
  addDays,
  correctionReasons,
  daysBetween,
  isLocalDate,
  localDateTimeToInstant,
} from '@huawu/domain';
import { toSafeCsv } from '../export/safe-csv.js';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import {
  type CheckRecord,
  listInitialChecksBetween,
  listRoundChecks,
} from '../storage/accuracy-checks.repository.js';
import { type ItemRecord, listItems } from '../storage/accuracy-items.repository.js';
import { findRound } from '../storage/accuracy-rounds.repository.js';
import { type TaskRecord, listRoundTasks, listTasksOfItems } from '../storage/correction-tasks.repository.js';
import { writeAudit } from '../storage/admin.repository.js';
import { loadAccuracySettings, requireRoundViewer } from './accuracy-access.js';

const INITIAL: CheckKind = 'initial';

interface Row {
  item: ItemRecord;
  check: CheckRecord | undefined;
  task: TaskRecord | undefined;
}

export interface UnitReport extends AccuracyFigures {
  unitId: string;
  unitName: string;
  /** Items planned (round report) or checked (period report). */
  items: number;
  unchecked: number;
  tasksOpened: number;
  tasksUnresolved: number;
}

/** Per-unit figures (formulas from the domain), a total and the list of discrepancies. */
function buildReport(rows: Row[], settings: AccuracySettings, unitOrder: readonly string[]) {
  const figuresOf = (subset: Row[], unitId: string, unitName: string): UnitReport => ({
    unitId,
    unitName,
    items: subset.length,
    unchecked: subset.filter((r) => !r.check).length,
    ...accuracyFigures(
      subset.flatMap((r) => (r.check ? [r.check] : [])),
      settings,
    ),
    tasksOpened: subset.filter((r) => r.task).length,
    tasksUnresolved: subset.filter((r) => r.task && TASK_UNRESOLVED_STATUSES.includes(r.task.status)).length,
  });
  const ids = [...new Set([...unitOrder, ...rows.map((r) => r.item.ownerUnitId)])];
  const units = ids.flatMap((id) => {
    const subset = rows.filter((r) => r.item.ownerUnitId === id);
    const name = subset[0]?.item.ownerUnitName;
    return name === undefined ? [] : [figuresOf(subset, id, name)];
  });
  const discrepancies = rows.flatMap(({ item, check, task }) =>
    check && correctionReasons(check).length > 0
      ? [
          {
            itemId: item.id,
            roundId: item.roundId,
            unitId: item.ownerUnitId,
            unitName: item.ownerUnitName,
            guideTitle: item.guideTitle,
            articleId: item.articleId,
            articleVersion: item.articleVersion,
            question: item.question,
            verdict: check.verdict,
            verdictLabel: CHECK_VERDICTS.labels[check.verdict],
            guideOutdated: check.guideOutdated,
            notes: check.notes,
            checkedAt: check.checkedAt,
            checkedByName: check.checkedByName,
            taskId: task?.id ?? null,
            taskStatus: task?.status ?? null,
            taskStatusLabel: task ? TASK_STATUS_LABELS[task.status] : null,
          },
        ]
      : [],
  );
  return {
    partlyWeight: settings.partlyWeight,
    formula: accuracyFormulaText(settings),
    total: figuresOf(rows, '', '合计'),
    units,
    discrepancies,
  };
}

async function roundRows(deps: CoreDeps, roundId: string) {
  const { db } = deps.database;
  const round = await findRound(db, roundId);
  if (!round) throw new AppError('NOT_FOUND', '检查轮次不存在');
  const [items, checks, tasks] = await Promise.all([
    listItems(db, round.id),
    listRoundChecks(db, round.id),
    listRoundTasks(db, round.id),
  ]);
  const rows = items.map((item) => ({
    item,
    check: checks.find((c) => c.itemId === item.id && c.kind === INITIAL),
    task: tasks.find((t) => t.itemId === item.id),
  }));
  return { round, rows };
}

/** A round's per-unit report: checks, 接通率, mean answer time, 准确率 and the discrepancies. */
export async function getRoundReport(deps: CoreDeps, actor: Actor, roundId: string) {
  requireRoundViewer(actor);
  const [{ round, rows }, settings] = await Promise.all([
    roundRows(deps, roundId),
    loadAccuracySettings(deps.database.db),
  ]);
  return {
    scope: {
      kind: 'round' as const,
      roundId: round.id,
      roundName: round.name,
      from: round.periodStart,
      to: round.periodEnd,
    },
    ...buildReport(rows, settings, round.unitIds),
  };
}
export type AccuracyReport = Awaited<ReturnType<typeof getRoundReport>>;

/** The same report over the first checks made between two local dates (inclusive), across rounds. */
export async function getPeriodReport(deps: CoreDeps, actor: Actor, query: { from?: string; to?: string }) {
  requireRoundViewer(actor);
  for (const key of ['from', 'to'] as const) {
    if (!isLocalDate(query[key])) throw AppError.validation(key, '日期格式应为 YYYY-MM-DD');
  }
  const from = query.from as string;
  const to = query.to as string;
  if (from > to) throw AppError.validation('to', '结束日期不能早于开始日期');
  if (daysBetween(from, to) > 731) throw AppError.validation('to', '统计期间最长两年');
  const tz = deps.config.timeZone;
  const { db } = deps.database;
  const [found, settings] = await Promise.all([
    listInitialChecksBetween(
      db,
      localDateTimeToInstant(from, '00:00', tz).toISOString(),
      localDateTimeToInstant(addDays(to, 1), '00:00', tz).toISOString(),
    ),
    loadAccuracySettings(db),
  ]);
  const tasks = await listTasksOfItems(
    db,
    found.map((f) => f.item.id),
  );
  const rows = found.map(({ item, check }) => ({
    item,
    check,
    task: tasks.find((t) => t.itemId === item.id),
  }));
  const unitOrder = [...rows].sort((a, b) => a.item.ownerUnitName.localeCompare(b.item.ownerUnitName, 'zh'));
  return {
    scope: { kind: 'period' as const, roundId: null, roundName: null, from, to },
    ...buildReport(
      rows,
      settings,
      unitOrder.map((r) => r.item.ownerUnitId),
    ),
  };
}

const percent = (rate: number | null) => (rate === null ? '' : `${(rate * 100).toFixed(1)}%`);

/** The round's per-unit report as CSV (UTF-8 with BOM for spreadsheet programs); the export is audited. */
export async function exportRoundReport(deps: CoreDeps, actor: Actor, roundId: string) {
  const report = await getRoundReport(deps, actor, roundId);
  const header = [
    '单位',
    '检查项',
    '未检查',
    '已检查',
    '接通',
    '接通率',
    '平均接通用时（秒）',
    '准确',
    '部分准确',
    '错误',
    '无法接通',
    '指南过时',
    '准确率',
    '整改任务',
    '未销号任务',
  ];
  const line = (u: UnitReport) => [
    u.unitName,
    u.items,
    u.unchecked,
    u.checks,
    u.reached,
    percent(u.reachedRate),
    u.meanAnswerSeconds ?? '',
    u.accurate,
    u.partly,
    u.wrong,
    u.unreachable,
    u.outdatedGuides,
    percent(u.accuracyRate),
    u.tasksOpened,
    u.tasksUnresolved,
  ];
  const csv = toSafeCsv([header, ...report.units.map(line), line(report.total)]);
  await writeAudit(deps.database.db, {
    at: deps.now().toISOString(),
    actorId: actor.userId,
    action: 'export',
    targetType: 'accuracy_round',
    targetId: roundId,
    detail: { what: 'accuracy_round_report', units: report.units.length },
  });
  return { filename: `accuracy-report-${roundId.slice(0, 8)}.csv`, csv };
}
