import { KB_LIVE_STATUSES } from '@huawu/domain';
import { type Db, GUIDE, INITIAL } from './accuracy-sql.js';

/** Read-only view of published service guides, for sampling and checking. */

export interface GuideRecord {
  articleId: string;
  title: string;
  itemCode: string | null;
  ownerUnitId: string | null;
  ownerUnitName: string;
  publishedVersion: number;
  /** The guide's 咨询电话 (fields.phone) of its published version. */
  phone: string | null;
  /** The last first-check of this guide in any round, if any. */
  lastCheckedAt: string | null;
}

/** A guide's `fields` JSON text parsed; undefined when it is not valid JSON. */
const parseFields = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const phoneOf = (fields: string): string | null => {
  const phone = (parseFields(fields) as { phone?: unknown } | null | undefined)?.phone;
  return typeof phone === 'string' && phone.trim() !== '' ? phone.trim() : null;
};

/** Published guides, of the given units or with the given ids. */
export async function listPublishedGuides(
  db: Db,
  by: { unitIds?: readonly string[]; articleIds?: readonly string[] },
): Promise<GuideRecord[]> {
  let q = db
    .selectFrom('kb_articles as a')
    .select([
      'a.id',
      'a.title',
      'a.item_code',
      'a.owner_unit_id',
      'a.owner_unit_name',
      'a.published_version',
      'a.fields',
    ])
    .select((eb) =>
      eb
        .selectFrom('accuracy_items as i')
        .innerJoin('accuracy_checks as c', 'c.item_id', 'i.id')
        .select((e) => e.fn.max('c.checked_at').as('at'))
        .whereRef('i.article_id', '=', 'a.id')
        .where('c.kind', '=', INITIAL)
        .as('last_checked_at'),
    )
    .where('a.kind', '=', GUIDE)
    .where('a.status', 'in', [...KB_LIVE_STATUSES])
    .where('a.published_version', 'is not', null);
  if (by.unitIds) q = q.where('a.owner_unit_id', 'in', by.unitIds.length ? [...by.unitIds] : ['']);
  if (by.articleIds) q = q.where('a.id', 'in', by.articleIds.length ? [...by.articleIds] : ['']);
  const rows = await q.orderBy('a.owner_unit_id').orderBy('a.title').orderBy('a.id').execute();
  return rows.map((r) => ({
    articleId: r.id,
    title: r.title,
    itemCode: r.item_code,
    ownerUnitId: r.owner_unit_id,
    ownerUnitName: r.owner_unit_name,
    publishedVersion: Number(r.published_version),
    phone: phoneOf(r.fields),
    lastCheckedAt: (r.last_checked_at as string | null) ?? null,
  }));
}

/** The version of an article published now (null when it is not published any more). */
export async function findPublishedVersion(db: Db, articleId: string): Promise<number | null> {
  const row = await db
    .selectFrom('kb_articles')
    .select('published_version')
    .where('id', '=', articleId)
    .where('status', 'in', [...KB_LIVE_STATUSES])
    .executeTakeFirst();
  return row?.published_version === null || row?.published_version === undefined
    ? null
    : Number(row.published_version);
}

export interface GuideVersionRecord {
  articleId: string;
  version: number;
  status: string;
  title: string;
  fields: Record<string, string>;
  createdAt: string;
}

export async function findArticleVersion(
  db: Db,
  articleId: string,
  version: number,
): Promise<GuideVersionRecord | undefined> {
  const row = await db
    .selectFrom('kb_article_versions')
    .select(['article_id', 'version', 'status', 'title', 'fields', 'created_at'])
    .where('article_id', '=', articleId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) return undefined;
  const parsed = parseFields(row.fields);
  const fields = (parsed === undefined ? {} : parsed) as Record<string, string>;
  return {
    articleId: row.article_id,
    version: Number(row.version),
    status: row.status,
    title: row.title,
    fields,
    createdAt: row.created_at,
  };
}
