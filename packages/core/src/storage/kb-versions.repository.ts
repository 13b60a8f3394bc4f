import { KB_REVIEW_STATUS, type KbVersionStatus } from '@huawu/domain';
import type { Kysely } from 'kysely';
import type { KbScope } from './kb-article-list.repository.js';
import { type ArticleRecord, findArticle } from './kb-articles.repository.js';
import { fieldsJson, forEachChunk, parseFieldsJson } from './kb-sql.js';
import type { Schema } from './schema.js';
import { subtreePattern } from './sql-like.js';

/**
 * Article versions (`kb_article_versions`): immutable content, a status and review facts; and the
 * centre's review queue.
 */
type Db = Kysely<Schema>;

/** What a new version row and a read version have in common. */
interface VersionContent {
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
}

export interface VersionRecord extends VersionContent {
  authorName: string | null;
  authorUnitName: string | null;
  createdAt: string;
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewedByName: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
}

export interface NewVersion extends VersionContent {
  at: string;
  /** Imports publish at once: submitted and reviewed at creation. */
  reviewedBy?: string;
}

export async function insertVersions(db: Db, versions: readonly NewVersion[]): Promise<void> {
  await forEachChunk(versions, 100, async (chunk) => {
    await db
      .insertInto('kb_article_versions')
      .values(
        chunk.map((v) => ({
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
  });
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
  if (scope.kind === 'unit') q = q.where('ou.path', 'like', subtreePattern(scope.unitPath));
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
