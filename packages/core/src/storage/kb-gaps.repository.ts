import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

/** Knowledge gaps (`kb_gaps`): questions the knowledge base could not answer, grouped by normalised question. */
type Db = Kysely<Schema>;

export interface NewGap {
  id: string;
  question: string;
  questionKey: string;
  query: string | null;
  orderId: string | null;
  category: string | null;
  askedBy: string;
  askedAt: string;
  status: string;
}

export interface GapRecord extends NewGap {
  orderNo: string | null;
  askedByName: string | null;
  articleId: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  note: string | null;
  /** Gaps with the same normalised question and status. */
  count: number;
}

export async function insertGap(db: Db, g: NewGap): Promise<void> {
  await db
    .insertInto('kb_gaps')
    .values({
      id: g.id,
      question: g.question,
      question_key: g.questionKey,
      query: g.query,
      order_id: g.orderId,
      category: g.category,
      asked_by: g.askedBy,
      asked_at: g.askedAt,
      status: g.status,
      article_id: null,
      resolved_by: null,
      resolved_at: null,
      note: null,
    })
    .execute();
}

function gapQuery(db: Db) {
  return db
    .selectFrom('kb_gaps as g')
    .leftJoin('users as gu', 'gu.id', 'g.asked_by')
    .leftJoin('work_orders as gw', 'gw.id', 'g.order_id')
    .selectAll('g')
    .select(['gu.display_name as asked_by_name', 'gw.order_no as order_no']);
}

type GapRow = Schema['kb_gaps'] & { asked_by_name: string | null; order_no: string | null };

const toGap = (r: GapRow, count: number): GapRecord => ({
  id: r.id,
  question: r.question,
  questionKey: r.question_key,
  query: r.query,
  orderId: r.order_id,
  orderNo: r.order_no,
  category: r.category,
  askedBy: r.asked_by,
  askedByName: r.asked_by_name,
  askedAt: r.asked_at,
  status: r.status,
  articleId: r.article_id,
  resolvedBy: r.resolved_by,
  resolvedAt: r.resolved_at,
  note: r.note,
  count,
});

export async function findGap(db: Db, id: string): Promise<GapRecord | undefined> {
  const row = await gapQuery(db).where('g.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const n = await db
    .selectFrom('kb_gaps')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('question_key', '=', row.question_key)
    .where('status', '=', row.status)
    .executeTakeFirst();
  return toGap(row, Number(n?.n ?? 1));
}

/**
 * One entry per normalised question (and status): its most recent gap, with how many there are.
 * Most-asked first.
 */
export async function listGapGroups(
  db: Db,
  filter: { status?: string; offset: number; limit: number },
): Promise<{ items: GapRecord[]; total: number }> {
  let groups = db
    .selectFrom('kb_gaps')
    .select((eb) => ['question_key', 'status', eb.fn.countAll().as('n'), eb.fn.max('asked_at').as('last_at')])
    .groupBy(['question_key', 'status']);
  if (filter.status) groups = groups.where('status', '=', filter.status);
  const all = await groups.execute();
  all.sort((x, y) => Number(y.n) - Number(x.n) || String(y.last_at).localeCompare(String(x.last_at)));
  const pageGroups = all.slice(filter.offset, filter.offset + filter.limit);
  const items: GapRecord[] = [];
  for (const g of pageGroups) {
    const row = await gapQuery(db)
      .where('g.question_key', '=', g.question_key)
      .where('g.status', '=', g.status)
      .orderBy('g.asked_at', 'desc')
      .orderBy('g.id')
      .executeTakeFirst();
    if (row) items.push(toGap(row, Number(g.n)));
  }
  return { items, total: all.length };
}

/** Closes every gap with this key and status; returns how many. */
export async function resolveGaps(
  db: Db,
  key: { questionKey: string; status: string },
  to: { status: string; articleId: string | null; by: string | null; at: string; note: string | null },
): Promise<number> {
  const result = await db
    .updateTable('kb_gaps')
    .set({
      status: to.status,
      article_id: to.articleId,
      resolved_by: to.by,
      resolved_at: to.at,
      note: to.note,
    })
    .where('question_key', '=', key.questionKey)
    .where('status', '=', key.status)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
