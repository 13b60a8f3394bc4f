import {
  type Actor,
  KB_ARTICLE_KINDS,
  KB_ARTICLE_STATUSES,
  KB_GAP_OPEN,
  KB_HIT_RATE,
  isUnitRole,
  kbHitRate,
} from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { listArticles } from '../storage/kb-article-list.repository.js';
import {
  countArticlesBy,
  countDirectAnswers,
  countGaps,
  countPendingReviews,
} from '../storage/kb-stats.repository.js';
import { todayOf } from './kb-access.js';

/** Figures of the knowledge base for the centre: articles, reviews, stale ones, gaps and the hit rate. */
export async function knowledgeStats(deps: CoreDeps, actor: Actor) {
  if (isUnitRole(actor.role)) throw new AppError('ROLE_NOT_PERMITTED', '知识库统计由热线中心查看');
  const { db } = deps.database;
  const [groups, pendingReviews, gaps, answers, stale] = await Promise.all([
    countArticlesBy(db),
    countPendingReviews(db),
    countGaps(db, KB_GAP_OPEN),
    countDirectAnswers(db),
    listArticles(db, { scope: { kind: 'all' }, staleOn: todayOf(deps) }, { offset: 0, limit: 1 }),
  ]);
  const byStatus = Object.fromEntries(KB_ARTICLE_STATUSES.map((s) => [s, 0])) as Record<string, number>;
  const byKind = Object.fromEntries(KB_ARTICLE_KINDS.values.map((k) => [k, 0])) as Record<string, number>;
  let total = 0;
  for (const g of groups) {
    byStatus[g.status] = (byStatus[g.status] ?? 0) + g.n;
    byKind[g.kind] = (byKind[g.kind] ?? 0) + g.n;
    total += g.n;
  }
  return {
    articles: { total, byStatus, byKind },
    pendingReviews,
    stale: stale.total,
    openGaps: gaps.gaps,
    openGapQuestions: gaps.questions,
    directAnswers: answers.directAnswers,
    directAnswersWithArticle: answers.withArticle,
    hitRate: kbHitRate(answers.withArticle, answers.directAnswers),
    hitRateFormula: KB_HIT_RATE.formula,
  };
}
