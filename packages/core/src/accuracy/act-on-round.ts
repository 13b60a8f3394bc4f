import { type Actor, ROUND_ACTIONS, type RoundAction, roundTransition } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { findRound, updateRoundStatus } from '../storage/accuracy-rounds.repository.js';
import { writeAudit } from '../storage/admin.repository.js';
import { requireRoundViewer } from './accuracy-access.js';
import { getRound } from './get-round.js';

/** 开始检查 / 完成本轮: the round's own buttons (checks are recorded per item). */
export async function actOnAccuracyRound(deps: CoreDeps, actor: Actor, roundId: string, action: string) {
  requireRoundViewer(actor);
  const { db } = deps.database;
  await db.transaction().execute(async (tx) => {
    const round = await findRound(tx, roundId);
    if (!round) throw new AppError('NOT_FOUND', '检查轮次不存在');
    if (Object.hasOwn(ROUND_ACTIONS, action) && !ROUND_ACTIONS[action as RoundAction].button) {
      throw AppError.validation('action', '检查结果请在检查项上记录');
    }
    const move = roundTransition(round.status, actor.role, action);
    if (!move.ok) throw AppError.from(move.error);
    const at = deps.now().toISOString();
    if (!(await updateRoundStatus(tx, round.id, move.value.from, move.value.to, at))) {
      throw new AppError('CONFLICT', '检查轮次已被他人更新，请刷新后重试');
    }
    await writeAudit(tx, {
      at,
      actorId: actor.userId,
      action: `accuracy_round_${move.value.action}`,
      targetType: 'accuracy_round',
      targetId: round.id,
      detail: { from: move.value.from, to: move.value.to },
    });
  });
  return getRound(deps, actor, roundId);
}
