import {
  ACCURACY_CHECKER_ROLES,
  type Actor,
  type CheckKind,
  type Role,
  type TaskAction,
  type TaskOutcome,
  computeDeadline,
  taskTransition,
} from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { findArticleVersion } from '../storage/accuracy-guides.repository.js';
import { findItemById } from '../storage/accuracy-items.repository.js';
import { listUsersByIds } from '../storage/accuracy-people.repository.js';
import { type TaskRecord, findTask, updateTask } from '../storage/correction-tasks.repository.js';
import { writeAudit } from '../storage/admin.repository.js';
import type { Database } from '../storage/database.js';
import type { Schema } from '../storage/schema.js';
import { loadAccuracySettings, taskScopeFor } from './accuracy-access.js';
import { storeCheck } from './store-check.js';
import { getCorrectionTask } from './get-task.js';

const RECHECK: CheckKind = 'recheck';

export interface TaskActionRequest {
  action: string;
  input?: unknown;
}

type Tx = Database['db'];

/** The history entry (audit action) each task action writes. */
const HISTORY_ACTIONS: Record<TaskAction, string> = {
  mark_fixed: 'accuracy_task_fixed',
  schedule_recheck: 'accuracy_task_recheck_scheduled',
  record_recheck: 'accuracy_task_recheck',
};

/**
 * The actions on a correction task: 提交整改 (the owner unit), 安排复查 (the centre) and 记录复查 (a
 * checker; a pass closes the task, a failure reopens it with a new working-day deadline). The
 * machine decides; task, re-check and history entry commit in one transaction.
 */
export async function actOnCorrectionTask(
  deps: CoreDeps,
  actor: Actor,
  taskId: string,
  req: TaskActionRequest,
) {
  const scope = await taskScopeFor(deps, actor);
  const { db } = deps.database;
  const [calendar, settings] = await Promise.all([deps.calendar.context(), loadAccuracySettings(db)]);
  await db.transaction().execute(async (tx) => {
    const task = await findTask(tx, taskId, scope);
    if (!task) throw new AppError('NOT_FOUND', '整改任务不存在或无权查看');
    const result = taskTransition(task.status, actor, req.action, req.input ?? {}, 'input');
    if (!result.ok) throw AppError.from(result.error);
    const outcome = result.value;
    const now = deps.now();
    const at = now.toISOString();
    let patch: Partial<Schema['correction_tasks']>;
    let detail: Record<string, unknown>;
    switch (outcome.action) {
      case 'mark_fixed': {
        const v = outcome.input.proposedVersion;
        if (v !== null && !(await findArticleVersion(tx, task.articleId, v))) {
          throw AppError.validation('input.proposedVersion', `该指南没有第 ${v} 版`);
        }
        patch = {
          fixed_at: at,
          fixed_by: actor.userId,
          fix_note: outcome.input.fixNote,
          proposed_version: v,
        };
        detail = { fixNote: outcome.input.fixNote, proposedVersion: v };
        break;
      }
      case 'schedule_recheck': {
        const [checker] = await listUsersByIds(tx, [outcome.input.checkerId]);
        if (!checker || !ACCURACY_CHECKER_ROLES.includes(checker.role as Role)) {
          throw AppError.validation('input.checkerId', '复查人应为在职的质检员、值班长或管理员');
        }
        patch = { recheck_checker_id: checker.id, recheck_planned_on: outcome.input.plannedOn };
        detail = {
          checkerId: checker.id,
          checkerName: checker.displayName,
          plannedOn: outcome.input.plannedOn,
        };
        break;
      }
      case 'record_recheck': {
        ({ patch, detail } = await recordRecheck(tx, task, outcome, actor, at));
        if (!outcome.passed) {
          const due = computeDeadline(
            now,
            { unit: 'working_days', amount: settings.correctionDays },
            calendar,
          );
          patch.deadline_at = due.deadline.toISOString();
          detail.deadlineAt = patch.deadline_at;
        }
        break;
      }
    }
    if (!(await updateTask(tx, task.id, task.version, { ...patch, status: outcome.to, updated_at: at }))) {
      throw new AppError('CONFLICT', '整改任务已被他人更新，请刷新后重试');
    }
    await writeAudit(tx, {
      at,
      actorId: actor.userId,
      action: HISTORY_ACTIONS[outcome.action],
      targetType: 'correction_task',
      targetId: task.id,
      detail: { ...detail, from: outcome.from, to: outcome.to, version: task.version + 1 },
    });
  });
  return getCorrectionTask(deps, actor, taskId);
}

/** A re-check: a new check on the same item, numbered per task. */
async function recordRecheck(
  tx: Tx,
  task: TaskRecord,
  outcome: Extract<TaskOutcome, { action: 'record_recheck' }>,
  actor: Actor,
  at: string,
) {
  const item = await findItemById(tx, task.itemId);
  if (!item) throw new AppError('NOT_FOUND', '检查项不存在');
  const check = outcome.input;
  const attempt = task.recheckCount + 1;
  const checkId = await storeCheck(tx, {
    item,
    taskId: task.id,
    kind: RECHECK,
    attempt,
    check,
    actor,
    at,
    conflictMessage: '该复查已记录，请刷新后查看',
  });
  const closed = outcome.passed;
  const patch: Partial<Schema['correction_tasks']> = {
    recheck_count: attempt,
    recheck_checker_id: null,
    recheck_planned_on: null,
    ...(closed ? { closed_at: at } : { fixed_at: null, fixed_by: null }),
  };
  const detail: Record<string, unknown> = {
    checkId,
    attempt,
    verdict: check.verdict,
    guideOutdated: check.guideOutdated,
    notes: check.notes,
    passed: outcome.passed,
  };
  return { patch, detail };
}
