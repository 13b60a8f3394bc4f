import { KB_HIT_RATE, KB_REVIEW_STATUS } from '@huawu/domain';
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Schema } from './schema.js';

/** Counts for the knowledge-base statistics: articles, pending reviews, gaps and direct answers. */
type Db = Kysely<Schema>;

export async function countArticlesBy(db: Db): Promise<{ kind: string; status: string; n: number }[]> {
  const rows = await db
    .selectFrom('kb_articles')
    .select((eb) => ['kind', 'status', eb.fn.countAll().as('n')])
    .groupBy(['kind', 'status'])
    .execute();
  return rows.map((r) => ({ kind: r.kind, status: r.status, n: Number(r.n) }));
}

export async function countPendingReviews(db: Db): Promise<number> {
  const row = await db
    .selectFrom('kb_article_versions')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('status', '=', KB_REVIEW_STATUS)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function countGaps(db: Db, status: string): Promise<{ gaps: number; questions: number }> {
  const row = await db
    .selectFrom('kb_gaps')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.count('question_key').distinct().as('k')])
    .where('status', '=', status)
    .executeTakeFirst();
  return { gaps: Number(row?.n ?? 0), questions: Number(row?.k ?? 0) };
}

/** The two counts of the 知识库命中率 (domain KB_HIT_RATE): direct answers of consultations, and those with an article. */
export async function countDirectAnswers(
  db: Db,
  window: { from?: string; before?: string } = {},
): Promise<{ directAnswers: number; withArticle: number }> {
  const directly = (eb: ExpressionBuilder<Schema & { w: Schema['work_orders'] }, 'w'>) =>
    eb.exists(
      eb
        .selectFrom('work_order_events as e')
        .select(sql.lit(1).as('one'))
        .whereRef('e.order_id', '=', 'w.id')
        .where('e.event', '=', KB_HIT_RATE.directAnswerEvent),
    );
  let q = db
    .selectFrom('work_orders as w')
    .leftJoin('kb_answers as ka', 'ka.order_id', 'w.id')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.count('ka.order_id').as('k')])
    .where('w.appeal_type', '=', KB_HIT_RATE.appealType)
    .where(directly);
  if (window.from) q = q.where('w.created_at', '>=', window.from);
  if (window.before) q = q.where('w.created_at', '<', window.before);
  const row = await q.executeTakeFirst();
  return { directAnswers: Number(row?.n ?? 0), withArticle: Number(row?.k ?? 0) };
}
