import type { KbArticleKind, KbArticleStatus } from '@huawu/domain';
import type { Kysely } from 'kysely';
import { fieldsJson, forEachChunk, parseFieldsJson } from './kb-sql.js';
import type { Schema } from './schema.js';

/**
 * Article rows (`kb_articles`): read one, insert, compare-and-set update. Writers run inside the
 * caller's transaction after `bumpRevision` (kb-revision.repository.ts) and stamp rows with it.
 */
type Db = Kysely<Schema>;
type Row = Schema['kb_articles'];

export interface OwnerUnitNow {
  name: string;
  active: boolean;
  path: string;
}

/** What a new article row and a read article have in common. */
interface ArticleContent {
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
}

export interface ArticleRecord extends ArticleContent {
  createdAt: string;
  updatedAt: string;
  expiredAt: string | null;
  expiredReason: string | null;
  /** The owner unit as it is now (null: no unit, or the unit was removed). */
  owner: OwnerUnitNow | null;
}

export interface NewArticle extends ArticleContent {
  at: string;
}

/** Articles joined to their owner unit (`ou`) as it is now. */
export const articleTables = (db: Db) =>
  db.selectFrom('kb_articles as a').leftJoin('units as ou', 'ou.id', 'a.owner_unit_id');

export function articleQuery(db: Db) {
  return articleTables(db)
    .selectAll('a')
    .select(['ou.name as owner_now_name', 'ou.active as owner_now_active', 'ou.path as owner_now_path']);
}

export type ArticleRow = Row & {
  owner_now_name: string | null;
  owner_now_active: number | null;
  owner_now_path: string | null;
};

export function toArticle(r: ArticleRow): ArticleRecord {
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

async function findArticleWhere(
  db: Db,
  column: 'a.id' | 'a.item_code',
  value: string,
): Promise<ArticleRecord | undefined> {
  const row = await articleQuery(db).where(column, '=', value).executeTakeFirst();
  return row ? toArticle(row) : undefined;
}

export const findArticle = (db: Db, id: string) => findArticleWhere(db, 'a.id', id);

export const findArticleByItemCode = (db: Db, itemCode: string) =>
  findArticleWhere(db, 'a.item_code', itemCode);

export async function findArticlesByItemCodes(db: Db, codes: readonly string[]): Promise<ArticleRecord[]> {
  const out: ArticleRecord[] = [];
  await forEachChunk(codes, 500, async (chunk) => {
    const rows = await articleQuery(db).where('a.item_code', 'in', chunk).execute();
    out.push(...rows.map(toArticle));
  });
  return out;
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
  await forEachChunk(articles, 100, async (chunk) => {
    await db.insertInto('kb_articles').values(chunk.map(articleRow)).execute();
  });
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
