import {
  KB_HIT_RATE,
  KB_LIVE_STATUSES,
  KB_REVIEW_STATUS,
  KB_STALE_STATUSES,
  type KbArticleKind,
  type KbArticleStatus,
  type KbVersionStatus,
} from '@huawu/domain';
import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Schema } from './schema.js';

/**
 * SQL of the knowledge base. Every write that changes an article runs inside the caller's transaction
 * after `bumpRevision`, whose row lock (PostgreSQL) also serialises knowledge-base writers.
 */
type Db = Kysely<Schema>;
type Row = Schema['kb_articles'];

export interface OwnerUnitNow {
  name: string;
  active: boolean;
  path: string;
}

export interface ArticleRecord {
  id: string;
  kind: KbArticleKind;
  status: KbArticleStatus;
  title: string;
  itemCode: string | null;
  ownerUnitId: string | null;
  ownerUnitName: string;
  keywords: string;
  fields: Record<string, string>;
  publishedVersion: number | null;
  latestVersion: number;
  validFrom: string | null;
  validTo: string | null;
  nextReviewOn: string | null;
  searchRevision: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  expiredAt: string | null;
  expiredReason: string | null;
  /** The owner unit as it is now (null: no unit, or the unit was removed). */
  owner: OwnerUnitNow | null;
}

export interface VersionRecord {
  articleId: string;
  version: number;
  status: KbVersionStatus;
  title: string;
  keywords: string;
  fields: Record<string, string>;
  ownerUnitId: string | null;
  validFrom: string | null;
  validTo: string | null;
  nextReviewOn: string | null;
  changeNote: string | null;
  authorId: string;
  authorName: string | null;
  authorUnitId: string;
  authorUnitName: string | null;
  createdAt: string;
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewedByName: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const prefixPattern = (path: string) => sql<string>`${`${escapeLike(path)}%`} escape '\\'`;

const parseFieldsJson = (json: string): Record<string, string> => {
  const value = JSON.parse(json) as unknown;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string>) : {};
};

/** Fields as stored: keys sorted, so equal content is equal text. */
export const fieldsJson = (fields: Record<string, string>): string =>
  JSON.stringify(Object.fromEntries(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : 1))));

/** Bumps the search revision; call first in a write transaction and stamp the changed rows with it. */
export async function bumpRevision(db: Db): Promise<number> {
  const row = await db
    .updateTable('kb_index_state')
    .set({ revision: sql`revision + 1` })
    .where('id', '=', 1)
    .returning('revision')
    .executeTakeFirstOrThrow();
  return Number(row.revision);
}

export async function currentRevision(db: Db): Promise<number> {
  const row = await db.selectFrom('kb_index_state').select('revision').where('id', '=', 1).executeTakeFirst();
  return Number(row?.revision ?? 0);
}

function articleQuery(db: Db) {
  return db
    .selectFrom('kb_articles as a')
    .leftJoin('units as ou', 'ou.id', 'a.owner_unit_id')
    .selectAll('a')
    .select(['ou.name as owner_now_name', 'ou.active as owner_now_active', 'ou.path as owner_now_path']);
}

type ArticleRow = Row & {
  owner_now_name: string | null;
  owner_now_active: number | null;
  owner_now_path: string | null;
};

function toArticle(r: ArticleRow): ArticleRecord {
  return {
    id: r.id,
    kind: r.kind as KbArticleKind,
    status: r.status as KbArticleStatus,
    title: r.title,
    itemCode: r.item_code,
    ownerUnitId: r.owner_unit_id,
    ownerUnitName: r.owner_unit_name,
    keywords: r.keywords,
    fields: parseFieldsJson(r.fields),
    publishedVersion: r.published_version === null ? null : Number(r.published_version),
    latestVersion: Number(r.latest_version),
    validFrom: r.valid_from,
    validTo: r.valid_to,
    nextReviewOn: r.next_review_on,
    searchRevision: Number(r.search_revision),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    expiredAt: r.expired_at,
    expiredReason: r.expired_reason,
    owner:
      r.owner_now_name === null
        ? null
        : { name: r.owner_now_name, active: Number(r.owner_now_active) === 1, path: r.owner_now_path ?? '' },
  };
}

export async function findArticle(db: Db, id: string): Promise<ArticleRecord | undefined> {
  const row = await articleQuery(db).where('a.id', '=', id).executeTakeFirst();
  return row ? toArticle(row) : undefined;
}

export async function findArticleByItemCode(db: Db, itemCode: string): Promise<ArticleRecord | undefined> {
  const row = await articleQuery(db).where('a.item_code', '=', itemCode).executeTakeFirst();
  return row ? toArticle(row) : undefined;
}

export async function findArticlesByItemCodes(db: Db, codes: readonly string[]): Promise<ArticleRecord[]> {
  const out: ArticleRecord[] = [];
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await articleQuery(db)
      .where('a.item_code', 'in', codes.slice(i, i + 500))
      .execute();
    out.push(...rows.map(toArticle));
  }
  return out;
}

export interface NewArticle {
  id: string;
  kind: KbArticleKind;
  status: KbArticleStatus;
  title: string;
  itemCode: string | null;
  ownerUnitId: string | null;
  ownerUnitName: string;
  keywords: string;
  fields: Record<string, string>;
  publishedVersion: number | null;
  latestVersion: number;
  validFrom: string | null;
  validTo: string | null;
  nextReviewOn: string | null;
  searchRevision: number;
  createdBy: string;
  at: string;
}

const articleRow = (a: NewArticle) => ({
  id: a.id,
  kind: a.kind,
  status: a.status,
  title: a.title,
  item_code: a.itemCode,
  owner_unit_id: a.ownerUnitId,
  owner_unit_name: a.ownerUnitName,
  keywords: a.keywords,
  fields: fieldsJson(a.fields),
  published_version: a.publishedVersion,
  latest_version: a.latestVersion,
  valid_from: a.validFrom,
  valid_to: a.validTo,
  next_review_on: a.nextReviewOn,
  search_revision: a.searchRevision,
  created_by: a.createdBy,
  created_at: a.at,
  updated_at: a.at,
});

/** Inserts articles in multi-row statements (imports insert hundreds). */
export async function insertArticles(db: Db, articles: readonly NewArticle[]): Promise<void> {
  for (let i = 0; i < articles.length; i += 100) {
    await db
      .insertInto('kb_articles')
      .values(articles.slice(i, i + 100).map(articleRow))
      .execute();
  }
}

export interface ArticlePatch {
  status?: KbArticleStatus;
  title?: string;
  ownerUnitId?: string | null;
  ownerUnitName?: string;
  keywords?: string;
  fields?: Record<string, string>;
  publishedVersion?: number | null;
  latestVersion?: number;
  validFrom?: string | null;
  validTo?: string | null;
  nextReviewOn?: string | null;
  expired?: { at: string; by: string; reason: string } | null;
  searchRevision: number;
  at: string;
}

/**
 * Compare-and-set on the article's latest version and status: false when someone changed it first.
 */
export async function updateArticle(
  db: Db,
  id: string,
  expected: { latestVersion: number; status: KbArticleStatus },
  p: ArticlePatch,
): Promise<boolean> {
  const set: Partial<Row> = { search_revision: p.searchRevision, updated_at: p.at };
  if (p.status !== undefined) set.status = p.status;
  if (p.title !== undefined) set.title = p.title;
  if (p.ownerUnitId !== undefined) set.owner_unit_id = p.ownerUnitId;
  if (p.ownerUnitName !== undefined) set.owner_unit_name = p.ownerUnitName;
  if (p.keywords !== undefined) set.keywords = p.keywords;
  if (p.fields !== undefined) set.fields = fieldsJson(p.fields);
  if (p.publishedVersion !== undefined) set.published_version = p.publishedVersion;
  if (p.latestVersion !== undefined) set.latest_version = p.latestVersion;
  if (p.validFrom !== undefined) set.valid_from = p.validFrom;
  if (p.validTo !== undefined) set.valid_to = p.validTo;
  if (p.nextReviewOn !== undefined) set.next_review_on = p.nextReviewOn;
  if (p.expired !== undefined) {
    set.expired_at = p.expired?.at ?? null;
    set.expired_by = p.expired?.by ?? null;
    set.expired_reason = p.expired?.reason ?? null;
  }
  const result = await db
    .updateTable('kb_articles')
    .set(set)
    .where('id', '=', id)
    .where('latest_version', '=', expected.latestVersion)
    .where('status', '=', expected.status)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface NewVersion {
  articleId: string;
  version: number;
  status: KbVersionStatus;
  title: string;
  keywords: string;
  fields: Record<string, string>;
  ownerUnitId: string | null;
  validFrom: string | null;
  validTo: string | null;
  nextReviewOn: string | null;
  changeNote: string | null;
  authorId: string;
  authorUnitId: string;
  at: string;
  /** Imports publish at once: submitted and reviewed at creation. */
  reviewedBy?: string;
}

export async function insertVersions(db: Db, versions: readonly NewVersion[]): Promise<void> {
  for (let i = 0; i < versions.length; i += 100) {
    await db
      .insertInto('kb_article_versions')
      .values(
        versions.slice(i, i + 100).map((v) => ({
          article_id: v.articleId,
          version: v.version,
          status: v.status,
          title: v.title,
          keywords: v.keywords,
          fields: fieldsJson(v.fields),
          owner_unit_id: v.ownerUnitId,
          valid_from: v.validFrom,
          valid_to: v.validTo,
          next_review_on: v.nextReviewOn,
          change_note: v.changeNote,
          author_id: v.authorId,
          author_unit_id: v.authorUnitId,
          created_at: v.at,
          submitted_at: v.reviewedBy ? v.at : null,
          reviewed_by: v.reviewedBy ?? null,
          reviewed_at: v.reviewedBy ? v.at : null,
          review_comment: null,
        })),
      )
      .execute();
  }
}

/** Moves a version on from the status it was seen in (compare-and-set). */
export async function setVersionStatus(
  db: Db,
  articleId: string,
  version: number,
  from: KbVersionStatus,
  to: KbVersionStatus,
  review?: { by: string | null; at: string; comment: string | null; submitted?: boolean },
): Promise<boolean> {
  const set: Partial<Schema['kb_article_versions']> = { status: to };
  if (review?.submitted) set.submitted_at = review.at;
  else if (review) {
    set.reviewed_by = review.by;
    set.reviewed_at = review.at;
    set.review_comment = review.comment;
  }
  const result = await db
    .updateTable('kb_article_versions')
    .set(set)
    .where('article_id', '=', articleId)
    .where('version', '=', version)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function versionQuery(db: Db) {
  return db
    .selectFrom('kb_article_versions as v')
    .leftJoin('users as au', 'au.id', 'v.author_id')
    .leftJoin('units as auu', 'auu.id', 'v.author_unit_id')
    .leftJoin('users as ru', 'ru.id', 'v.reviewed_by')
    .selectAll('v')
    .select([
      'au.display_name as author_name',
      'auu.name as author_unit_name',
      'ru.display_name as reviewer_name',
    ]);
}

type VersionRow = Schema['kb_article_versions'] & {
  author_name: string | null;
  author_unit_name: string | null;
  reviewer_name: string | null;
};

function toVersion(r: VersionRow): VersionRecord {
  return {
    articleId: r.article_id,
    version: Number(r.version),
    status: r.status as KbVersionStatus,
    title: r.title,
    keywords: r.keywords,
    fields: parseFieldsJson(r.fields),
    ownerUnitId: r.owner_unit_id,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    nextReviewOn: r.next_review_on,
    changeNote: r.change_note,
    authorId: r.author_id,
    authorName: r.author_name,
    authorUnitId: r.author_unit_id,
    authorUnitName: r.author_unit_name,
    createdAt: r.created_at,
    submittedAt: r.submitted_at,
    reviewedBy: r.reviewed_by,
    reviewedByName: r.reviewer_name,
    reviewedAt: r.reviewed_at,
    reviewComment: r.review_comment,
  };
}

export async function findVersion(
  db: Db,
  articleId: string,
  version: number,
): Promise<VersionRecord | undefined> {
  const row = await versionQuery(db)
    .where('v.article_id', '=', articleId)
    .where('v.version', '=', version)
    .executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

export async function listVersions(
  db: Db,
  articleId: string,
  statuses?: readonly KbVersionStatus[],
): Promise<VersionRecord[]> {
  let q = versionQuery(db).where('v.article_id', '=', articleId);
  if (statuses) q = q.where('v.status', 'in', statuses);
  return (await q.orderBy('v.version', 'desc').execute()).map(toVersion);
}

/** Latest versions of some articles (one query for a page of summaries). */
export async function latestVersionStatuses(
  db: Db,
  articles: readonly { id: string; latestVersion: number }[],
): Promise<Map<string, { status: KbVersionStatus; authorId: string }>> {
  const map = new Map<string, { status: KbVersionStatus; authorId: string }>();
  if (articles.length === 0) return map;
  const rows = await db
    .selectFrom('kb_article_versions as v')
    .innerJoin('kb_articles as a', (j) =>
      j.onRef('a.id', '=', 'v.article_id').onRef('a.latest_version', '=', 'v.version'),
    )
    .select(['v.article_id', 'v.status', 'v.author_id'])
    .where(
      'v.article_id',
      'in',
      articles.map((a) => a.id),
    )
    .execute();
  for (const r of rows) map.set(r.article_id, { status: r.status as KbVersionStatus, authorId: r.author_id });
  return map;
}

/** Who may see which articles: everything, or published ones plus those owned in a unit subtree. */
export type KbScope = { kind: 'all' } | { kind: 'unit'; unitPath: string };

export interface ArticleFilter {
  scope: KbScope;
  statuses?: readonly KbArticleStatus[];
  kind?: KbArticleKind;
  /** Owner unit subtree. */
  ownerPath?: string;
  /** Only stale articles, as of this local date (mirrors domain kbStaleReasons). */
  staleOn?: string;
  ids?: readonly string[];
}

type ArticleSelect = SelectQueryBuilder<
  Schema & { a: Row; ou: Schema['units'] },
  'a' | 'ou',
  // biome-ignore lint/suspicious/noExplicitAny: the selection differs between list and count
  any
>;

function applyFilter<Q extends ArticleSelect>(q: Q, f: ArticleFilter): Q {
  let out = q as ArticleSelect;
  if (f.scope.kind === 'unit') {
    const pattern = prefixPattern(f.scope.unitPath);
    out = out.where((eb) => eb.or([eb('a.status', 'in', KB_LIVE_STATUSES), eb('ou.path', 'like', pattern)]));
  }
  if (f.statuses && f.statuses.length > 0) out = out.where('a.status', 'in', f.statuses);
  if (f.kind) out = out.where('a.kind', '=', f.kind);
  if (f.ownerPath) out = out.where('ou.path', 'like', prefixPattern(f.ownerPath));
  if (f.ids) out = out.where('a.id', 'in', f.ids.length > 0 ? f.ids : ['']);
  if (f.staleOn) {
    const today = f.staleOn;
    out = out
      .where('a.status', 'in', KB_STALE_STATUSES)
      .where((eb) =>
        eb.or([
          eb('a.next_review_on', '<', today),
          eb('a.valid_to', '<', today),
          eb.and([
            eb('a.owner_unit_id', 'is not', null),
            eb.or([
              eb('ou.id', 'is', null),
              eb('ou.active', '=', 0),
              eb('ou.name', '<>', eb.ref('a.owner_unit_name')),
            ]),
          ]),
        ]),
      );
  }
  return out as Q;
}

export async function listArticles(
  db: Db,
  filter: ArticleFilter,
  page: { offset: number; limit: number } | null,
): Promise<{ items: ArticleRecord[]; total: number }> {
  const base = db.selectFrom('kb_articles as a').leftJoin('units as ou', 'ou.id', 'a.owner_unit_id');
  const counted = await applyFilter(
    base.select((eb) => eb.fn.countAll().as('n')) as ArticleSelect,
    filter,
  ).executeTakeFirst();
  let q = applyFilter(articleQuery(db) as unknown as ArticleSelect, filter)
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id');
  if (page) q = q.limit(page.limit).offset(page.offset);
  const rows = (await q.execute()) as ArticleRow[];
  return { items: rows.map(toArticle), total: Number((counted as { n: unknown } | undefined)?.n ?? 0) };
}

export interface ReviewItem {
  article: ArticleRecord;
  version: VersionRecord;
}

/** Versions waiting for the centre's decision, oldest first. */
export async function listReviewQueue(db: Db, scope: KbScope): Promise<ReviewItem[]> {
  let q = db
    .selectFrom('kb_article_versions as v')
    .innerJoin('kb_articles as a', 'a.id', 'v.article_id')
    .leftJoin('units as ou', 'ou.id', 'a.owner_unit_id')
    .select(['v.article_id', 'v.version'])
    .where('v.status', '=', KB_REVIEW_STATUS);
  if (scope.kind === 'unit') q = q.where('ou.path', 'like', prefixPattern(scope.unitPath));
  const keys = await q.orderBy('v.submitted_at').orderBy('v.article_id').limit(500).execute();
  const items: ReviewItem[] = [];
  for (const k of keys) {
    const [article, version] = await Promise.all([
      findArticle(db, k.article_id),
      findVersion(db, k.article_id, Number(k.version)),
    ]);
    if (article && version) items.push({ article, version });
  }
  return items;
}

// ——— gaps ———

export interface GapRecord {
  id: string;
  question: string;
  questionKey: string;
  query: string | null;
  orderId: string | null;
  orderNo: string | null;
  category: string | null;
  askedBy: string;
  askedByName: string | null;
  askedAt: string;
  status: string;
  articleId: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  note: string | null;
  /** Gaps with the same normalised question and status. */
  count: number;
}

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

// ——— statistics ———

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

/** The hotline centre's unit (authors of command-line imports). */
export async function centreUnitId(db: Db): Promise<string> {
  const row = await db
    .selectFrom('units')
    .select('id')
    .where('kind', '=', 'centre')
    .orderBy('sort_order')
    .executeTakeFirst();
  return row?.id ?? 'centre';
}

export interface KbUnit {
  id: string;
  name: string;
  path: string;
  active: boolean;
}

export async function listKbUnits(db: Db): Promise<KbUnit[]> {
  const rows = await db
    .selectFrom('units')
    .select(['id', 'name', 'path', 'active'])
    .orderBy('sort_order')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, path: r.path, active: Number(r.active) === 1 }));
}

export async function findKbUnit(db: Db, id: string): Promise<KbUnit | undefined> {
  const r = await db
    .selectFrom('units')
    .select(['id', 'name', 'path', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? { id: r.id, name: r.name, path: r.path, active: Number(r.active) === 1 } : undefined;
}
