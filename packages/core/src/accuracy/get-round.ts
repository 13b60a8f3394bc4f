import {
  type Actor,
  ROUND_STATUSES,
  type RoundStatus,
  TASK_UNRESOLVED_STATUSES,
  allowedRoundActions,
} from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { listRoundChecks } from '../storage/accuracy-checks.repository.js';
import { listItems } from '../storage/accuracy-items.repository.js';
import { findRound, listRounds } from '../storage/accuracy-rounds.repository.js';
import { listRoundTasks } from '../storage/correction-tasks.repository.js';
import { listUnitsByIds } from '../storage/identity.repository.js';
import { loadAccuracySettings, pageOf, requireRoundViewer } from './accuracy-access.js';
import { type Clock, roundButtons, toItemView, toRoundSummary } from './accuracy.views.js';

export async function clockOf(deps: CoreDeps): Promise<Clock> {
  const [calendar, settings] = await Promise.all([
    deps.calendar.context(),
    loadAccuracySettings(deps.database.db),
  ]);
  return { now: deps.now(), calendar, settings };
}

async function unitNames(deps: CoreDeps, ids: readonly string[]): Promise<(id: string) => string> {
  const names = new Map(
    (await listUnitsByIds(deps.database.db, [...new Set(ids)])).map((u) => [u.id, u.name]),
  );
  return (id) => names.get(id) ?? id;
}

/** One round with its items, each item's checks and correction task, and the reader's actions. */
export async function getRound(deps: CoreDeps, actor: Actor, roundId: string) {
  requireRoundViewer(actor);
  const { db } = deps.database;
  const round = await findRound(db, roundId);
  if (!round) throw new AppError('NOT_FOUND', '检查轮次不存在');
  const [items, checks, tasks, clock, names] = await Promise.all([
    listItems(db, round.id),
    listRoundChecks(db, round.id),
    listRoundTasks(db, round.id),
    clockOf(deps),
    unitNames(deps, round.unitIds),
  ]);
  const taskOf = new Map(tasks.map((t) => [t.itemId, t]));
  const views = items.map((item) => toItemView(item, checks, taskOf.get(item.id), clock));
  const allowed = allowedRoundActions(round.status, actor.role);
  const progress = {
    items: items.length,
    checked: views.filter((v) => v.check !== null).length,
    unresolvedTasks: tasks.filter((t) => TASK_UNRESOLVED_STATUSES.includes(t.status)).length,
  };
  return {
    ...toRoundSummary(round, progress, names),
    allowedActions: roundButtons(allowed),
    canRecord: allowed.includes('record_check'),
    items: views,
  };
}
export type RoundDetail = Awaited<ReturnType<typeof getRound>>;

export interface RoundListQuery {
  status?: string[];
  page?: number;
  pageSize?: number;
}

/** Rounds, newest first, with their progress (items checked, correction tasks not yet closed). */
export async function listAccuracyRounds(deps: CoreDeps, actor: Actor, query: RoundListQuery) {
  requireRoundViewer(actor);
  const statuses = query.status?.filter((s) => s !== '');
  const bad = statuses?.find((s) => !(ROUND_STATUSES as readonly string[]).includes(s));
  if (bad) throw AppError.validation('status', `未知状态：${bad.slice(0, 30)}`);
  const { page, pageSize } = pageOf(query);
  const result = await listRounds(deps.database.db, {
    statuses: statuses as RoundStatus[] | undefined,
    page,
    pageSize,
  });
  const names = await unitNames(
    deps,
    result.items.flatMap((r) => r.unitIds),
  );
  return {
    items: result.items.map((r) => toRoundSummary(r, r.progress, names)),
    total: result.total,
    page,
    pageSize,
  };
}
