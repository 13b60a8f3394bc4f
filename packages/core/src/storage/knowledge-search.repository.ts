import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';
import { subtreePattern } from './sql-like.js';

/** The reads of the in-memory knowledge-base index (search/): revision, changed rows, unit subtrees, hits. */

type Db = Kysely<Schema>;

export interface SearchState {
  /** kb_index_state.revision: bumped by every article change in the same transaction. */
  revision: number;
  /** Changes whenever a `kb_synonyms` row is added, edited or removed (count and latest edit). */
  synonymsStamp: string;
}

/** One cheap query, run before every search. */
export async function readSearchState(db: Db): Promise<SearchState> {
  const row = await db
    .selectFrom('kb_index_state')
    .select((eb) => [
      'revision',
      eb
        .selectFrom('kb_synonyms')
        .select((s) => s.fn.countAll<number | string>().as('n'))
        .as('synonyms'),
      eb
        .selectFrom('kb_synonyms')
        .select((s) => s.fn.max('updated_at').as('m'))
        .as('synonymsAt'),
    ])
    .where('id', '=', 1)
    .executeTakeFirst();
  return {
    revision: Number(row?.revision ?? 0),
    synonymsStamp: `${Number(row?.synonyms ?? 0)}/${row?.synonymsAt ?? ''}`,
  };
}

/** What the index keeps of an article (text is tokenised, then dropped). */
export interface IndexedArticleRow {
  id: string;
  kind: string;
  status: string;
  title: string;
  item_code: string | null;
  owner_unit_id: string | null;
  owner_unit_name: string;
  keywords: string;
  fields: string;
  valid_from: string | null;
  valid_to: string | null;
  search_revision: number;
}

const INDEXED_COLUMNS = [
  'id',
  'kind',
  'status',
  'title',
  'item_code',
  'owner_unit_id',
  'owner_unit_name',
  'keywords',
  'fields',
  'valid_from',
  'valid_to',
  'search_revision',
] as const;

/** How many rows changed after `afterRevision` (kb_articles_revision_idx). */
export async function countChangedArticles(db: Db, afterRevision: number): Promise<number> {
  const row = await db
    .selectFrom('kb_articles')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('search_revision', '>', afterRevision)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Rows changed after `afterRevision`. Without `page`: all of them in one read (a few, found through
 * the revision index; callers count first). With `page`: the next `page.limit` rows in id order after
 * `page.afterId` (the primary key orders them: bulk loads, where nearly every row qualifies). A row
 * changed while paging may be missed by this pass; its new revision brings it in on the next refresh.
 */
export async function loadChangedArticles(
  db: Db,
  afterRevision: number,
  page?: { afterId: string | null; limit: number },
): Promise<IndexedArticleRow[]> {
  let query = db
    .selectFrom('kb_articles')
    .select(INDEXED_COLUMNS)
    .where('search_revision', '>', afterRevision);
  if (page) {
    if (page.afterId !== null) query = query.where('id', '>', page.afterId);
    query = query.orderBy('id').limit(page.limit);
  }
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, search_revision: Number(r.search_revision) }));
}

export async function countArticles(db: Db): Promise<number> {
  const row = await db
    .selectFrom('kb_articles')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Every article id (to notice rows deleted outright, which leave no revision behind). */
export async function listArticleIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('kb_articles').select('id').execute();
  return rows.map((r) => r.id);
}

/** Synonym groups as stored (JSON text), in a stable order. */
export async function loadSynonymRows(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('kb_synonyms').select('terms').orderBy('id').execute();
  return rows.map((r) => r.terms);
}

/** Ids of a unit and every unit below it (`units.path` prefix); empty when the unit does not exist. */
export async function unitSubtreeIds(db: Db, unitId: string): Promise<string[]> {
  const unit = await db.selectFrom('units').select('path').where('id', '=', unitId).executeTakeFirst();
  if (!unit) return [];
  const pattern = subtreePattern(unit.path);
  const rows = await db.selectFrom('units').select('id').where('path', 'like', pattern).execute();
  return rows.map((r) => r.id);
}

export interface ArticleHitRow {
  id: string;
  kind: string;
  status: string;
  title: string;
  item_code: string | null;
  owner_unit_id: string | null;
  owner_unit_name: string;
  published_version: number | null;
  keywords: string;
  fields: string;
}

/** The rows of the hits to show (for their snippets and current version), by id. */
export async function loadArticleHits(db: Db, ids: readonly string[]): Promise<ArticleHitRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('kb_articles')
    .select([
      'id',
      'kind',
      'status',
      'title',
      'item_code',
      'owner_unit_id',
      'owner_unit_name',
      'published_version',
      'keywords',
      'fields',
    ])
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => ({
    ...r,
    published_version: r.published_version === null ? null : Number(r.published_version),
  }));
}
