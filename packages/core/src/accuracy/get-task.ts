import { type Actor, TASK_STATUSES, type TaskStatus, allowedTaskActions } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { listItemChecks } from '../storage/accuracy-checks.repository.js';
import { listHistory } from '../storage/accuracy-history.repository.js';
import { findTask, listTasks } from '../storage/correction-tasks.repository.js';
import { findUnit } from '../storage/identity.repository.js';
import { pageOf, taskScopeFor } from './accuracy-access.js';
import { toTaskDetail, toTaskSummary } from './accuracy.views.js';
import { clockOf } from './get-round.js';

/**
 * One correction task with its checks (the first check and every re-check), its history and the
 * reader's actions. A unit sees only its own subtree's tasks; any other is "not found".
 */
export async function getCorrectionTask(deps: CoreDeps, actor: Actor, taskId: string) {
  const scope = await taskScopeFor(deps, actor);
  const { db } = deps.database;
  const task = await findTask(db, taskId, scope);
  if (!task) throw new AppError('NOT_FOUND', '整改任务不存在或无权查看');
  const [checks, history, clock] = await Promise.all([
    listItemChecks(db, task.itemId),
    listHistory(db, 'correction_task', task.id),
    clockOf(deps),
  ]);
  return toTaskDetail(task, clock, { allowed: allowedTaskActions(task.status, actor.role), checks, history });
}

export interface TaskListQuery {
  status?: string[];
  unitId?: string;
  roundId?: string;
  overdue?: boolean;
  page?: number;
  pageSize?: number;
}

/** Correction tasks the reader may see: open ones first, nearest deadline first. */
export async function listCorrectionTasks(deps: CoreDeps, actor: Actor, query: TaskListQuery) {
  const scope = await taskScopeFor(deps, actor);
  const statuses = query.status?.filter((s) => s !== '');
  const bad = statuses?.find((s) => !(TASK_STATUSES as readonly string[]).includes(s));
  if (bad) throw AppError.validation('status', `未知状态：${bad.slice(0, 30)}`);
  const { page, pageSize } = pageOf(query);
  let unitPath: string | undefined;
  if (query.unitId) {
    const unit = await findUnit(deps.database.db, query.unitId);
    if (!unit) throw AppError.validation('unitId', '单位不存在');
    unitPath = unit.path;
  }
  const clock = await clockOf(deps);
  const result = await listTasks(deps.database.db, scope, {
    statuses: statuses as TaskStatus[] | undefined,
    unitPath,
    roundId: query.roundId || undefined,
    overdueAt: query.overdue ? clock.now.toISOString() : undefined,
    page,
    pageSize,
  });
  return { items: result.items.map((t) => toTaskSummary(t, clock)), total: result.total, page, pageSize };
}
