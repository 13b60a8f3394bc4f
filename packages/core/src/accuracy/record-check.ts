import { randomUUID } from 'node:crypto';
import {
  type Actor,
  type CheckKind,
  TASK_INITIAL_STATUS,
  computeDeadline,
  correctionReasons,
  parseCheckInput,
  roundTransition,
} from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { listItemChecks } from '../storage/accuracy-checks.repository.js';
import { findItem } from '../storage/accuracy-items.repository.js';
import { findRound, updateRoundStatus } from '../storage/accuracy-rounds.repository.js';
import { insertTask } from '../storage/correction-tasks.repository.js';
import { writeAudit } from '../storage/admin.repository.js';
import { loadAccuracySettings, requireRoundViewer } from './accuracy-access.js';
import { getAccuracyItem } from './get-item.js';
import { storeCheck } from './store-check.js';

const INITIAL: CheckKind = 'initial';

/**
 * Records a round's check call on one item. A planned round starts with its first check. An answer
 * that is partly accurate, wrong or unreachable, or a guide found outdated, opens a correction task
 * for the guide's owner unit, due in the configured working days. Check, round, task and audit
 * entries commit in one transaction.
 */
export async function recordAccuracyCheck(
  deps: CoreDeps,
  actor: Actor,
  roundId: string,
  itemId: string,
  raw: unknown,
) {
  requireRoundViewer(actor);
  const { db } = deps.database;
  const [calendar, settings] = await Promise.all([deps.calendar.context(), loadAccuracySettings(db)]);
  await db.transaction().execute(async (tx) => {
    const round = await findRound(tx, roundId);
    const item = round ? await findItem(tx, round.id, itemId) : undefined;
    if (!round || !item) throw new AppError('NOT_FOUND', '检查项不存在');
    const move = roundTransition(round.status, actor.role, 'record_check');
    if (!move.ok) throw AppError.from(move.error);
    const parsed = parseCheckInput(raw);
    if (!parsed.ok) throw AppError.from(parsed.error);
    const check = parsed.value;
    if ((await listItemChecks(tx, item.id)).some((c) => c.kind === INITIAL)) {
      throw new AppError('CONFLICT', '该项已记录检查结果；再次拨打请在整改任务中记录复查');
    }
    const now = deps.now();
    const at = now.toISOString();
    if (!(await updateRoundStatus(tx, round.id, round.status, move.value.to, at))) {
      throw new AppError('CONFLICT', '检查轮次已被他人更新，请刷新后重试');
    }
    const checkId = await storeCheck(tx, {
      item,
      taskId: null,
      kind: INITIAL,
      attempt: 1,
      check,
      actor,
      at,
      conflictMessage: '该项已记录检查结果',
    });
    await writeAudit(tx, {
      at,
      actorId: actor.userId,
      action: 'accuracy_check',
      targetType: 'accuracy_round',
      targetId: round.id,
      detail: { itemId: item.id, checkId, verdict: check.verdict, guideOutdated: check.guideOutdated },
    });
    const reasons = correctionReasons(check);
    if (reasons.length === 0) return;
    const due = computeDeadline(now, { unit: 'working_days', amount: settings.correctionDays }, calendar);
    const taskId = randomUUID();
    await insertTask(tx, {
      id: taskId,
      item_id: item.id,
      round_id: round.id,
      article_id: item.articleId,
      owner_unit_id: item.ownerUnitId,
      status: TASK_INITIAL_STATUS,
      reasons: JSON.stringify(reasons),
      opened_at: at,
      deadline_at: due.deadline.toISOString(),
      fixed_at: null,
      fixed_by: null,
      fix_note: null,
      proposed_version: null,
      recheck_checker_id: null,
      recheck_planned_on: null,
      recheck_count: 0,
      closed_at: null,
      version: 1,
      created_at: at,
      updated_at: at,
    });
    await writeAudit(tx, {
      at,
      actorId: actor.userId,
      action: 'accuracy_task_open',
      targetType: 'correction_task',
      targetId: taskId,
      detail: {
        version: 1,
        reasons,
        deadlineAt: due.deadline.toISOString(),
        notes: check.notes,
        ...(due.missingYears.length ? { missingCalendarYears: due.missingYears } : {}),
      },
    });
  });
  return getAccuracyItem(deps, actor, roundId, itemId);
}
