import { type Actor, ROUND_STATUS_LABELS, allowedRoundActions } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { listItemChecks } from '../storage/accuracy-checks.repository.js';
import { findArticleVersion, findPublishedVersion } from '../storage/accuracy-guides.repository.js';
import { findItem } from '../storage/accuracy-items.repository.js';
import { findRound } from '../storage/accuracy-rounds.repository.js';
import { listRoundTasks } from '../storage/correction-tasks.repository.js';
import { requireRoundViewer } from './accuracy-access.js';
import { toItemView } from './accuracy.views.js';
import { clockOf } from './get-round.js';

/**
 * One item of a round with the expected answer: the fields of the guide version planned as the
 * reference, so the checker compares what was said with what is published.
 */
export async function getAccuracyItem(deps: CoreDeps, actor: Actor, roundId: string, itemId: string) {
  requireRoundViewer(actor);
  const { db } = deps.database;
  const round = await findRound(db, roundId);
  const item = round ? await findItem(db, round.id, itemId) : undefined;
  if (!round || !item) throw new AppError('NOT_FOUND', '检查项不存在');
  const [checks, tasks, expected, published, clock] = await Promise.all([
    listItemChecks(db, item.id),
    listRoundTasks(db, round.id),
    findArticleVersion(db, item.articleId, item.articleVersion),
    findPublishedVersion(db, item.articleId),
    clockOf(deps),
  ]);
  // A guide revised since the round was planned: a re-check compares with what is published now.
  const current =
    published !== null && published !== item.articleVersion
      ? await findArticleVersion(db, item.articleId, published)
      : undefined;
  const reference = (v: typeof expected) =>
    v ? { version: v.version, title: v.title, fields: v.fields, createdAt: v.createdAt } : null;
  const view = toItemView(
    item,
    checks,
    tasks.find((t) => t.itemId === item.id),
    clock,
  );
  return {
    ...view,
    roundId: round.id,
    roundName: round.name,
    roundStatus: round.status,
    roundStatusLabel: ROUND_STATUS_LABELS[round.status],
    canRecord: view.check === null && allowedRoundActions(round.status, actor.role).includes('record_check'),
    expected: reference(expected),
    current: reference(current),
  };
}
export type AccuracyItemDetail = Awaited<ReturnType<typeof getAccuracyItem>>;
