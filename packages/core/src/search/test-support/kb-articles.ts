import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../storage/database.js';
import type { Schema } from '../../storage/schema.js';

/**
 * Test data for search, written straight into kb_articles / kb_article_versions the way the
 * knowledge-base use cases do: every change bumps kb_index_state.revision and stamps the rows'
 * search_revision in the same transaction. Independent of the KB use cases on purpose.
 */

export interface TestArticle {
  id?: string;
  kind?: 'guide' | 'faq';
  /** Article status (default published). */
  status?: string;
  title: string;
  itemCode?: string | null;
  ownerUnitId?: string | null;
  ownerUnitName?: string;
  keywords?: string;
  fields?: Record<string, string | undefined>;
  validFrom?: string | null;
  validTo?: string | null;
}

const AT = '2026-11-28T00:00:00.000Z';
const AUTHOR = 'test-editor';

async function bumpRevision(tx: Transaction<Schema>): Promise<number> {
  await tx
    .updateTable('kb_index_state')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .where('id', '=', 1)
    .execute();
  const row = await tx
    .selectFrom('kb_index_state')
    .select('revision')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.revision);
}

function articleRow(a: TestArticle & { id: string }, revision: number, version: number) {
  return {
    id: a.id,
    kind: a.kind ?? 'guide',
    status: a.status ?? 'published',
    title: a.title,
    item_code: a.itemCode ?? null,
    owner_unit_id: a.ownerUnitId ?? null,
    owner_unit_name: a.ownerUnitName ?? '',
    keywords: a.keywords ?? '',
    fields: JSON.stringify(a.fields ?? {}),
    published_version: (a.status ?? 'published') === 'draft' ? null : version,
    latest_version: version,
    valid_from: a.validFrom ?? null,
    valid_to: a.validTo ?? null,
    next_review_on: null,
    search_revision: revision,
    created_by: AUTHOR,
    created_at: AT,
    updated_at: AT,
  };
}

function versionRow(a: TestArticle & { id: string }, version: number) {
  return {
    article_id: a.id,
    version,
    status: (a.status ?? 'published') === 'published' ? 'published' : 'draft',
    title: a.title,
    keywords: a.keywords ?? '',
    fields: JSON.stringify(a.fields ?? {}),
    owner_unit_id: a.ownerUnitId ?? null,
    valid_from: a.validFrom ?? null,
    valid_to: a.validTo ?? null,
    next_review_on: null,
    change_note: null,
    author_id: AUTHOR,
    author_unit_id: 'centre',
    created_at: AT,
    submitted_at: null,
    reviewed_by: null,
    reviewed_at: null,
    review_comment: null,
  };
}

/** Inserts new articles (version 1) in one transaction with one revision bump; returns their ids. */
export async function insertArticles(
  database: Database,
  articles: readonly TestArticle[],
): Promise<string[]> {
  const withIds = articles.map((a) => ({ ...a, id: a.id ?? randomUUID() }));
  await database.db.transaction().execute(async (tx) => {
    const revision = await bumpRevision(tx);
    for (let i = 0; i < withIds.length; i += 200) {
      const chunk = withIds.slice(i, i + 200);
      await tx
        .insertInto('kb_articles')
        .values(chunk.map((a) => articleRow(a, revision, 1)))
        .execute();
      await tx
        .insertInto('kb_article_versions')
        .values(chunk.map((a) => versionRow(a, 1)))
        .execute();
    }
  });
  return withIds.map((a) => a.id);
}

/** Publishes a new version of an existing article (everything given replaces the stored values). */
export async function updateArticle(
  database: Database,
  article: TestArticle & { id: string },
): Promise<void> {
  await database.db.transaction().execute(async (tx) => {
    const revision = await bumpRevision(tx);
    const current = await tx
      .selectFrom('kb_articles')
      .select('latest_version')
      .where('id', '=', article.id)
      .executeTakeFirstOrThrow();
    const version = Number(current.latest_version) + 1;
    const { id, created_by, created_at, ...values } = articleRow(article, revision, version);
    await tx.updateTable('kb_articles').set(values).where('id', '=', id).execute();
    await tx.insertInto('kb_article_versions').values(versionRow(article, version)).execute();
  });
}

/** Changes an article's status only (expire, withdraw to draft…), as one change. */
export async function setArticleStatus(database: Database, id: string, status: string): Promise<void> {
  await database.db.transaction().execute(async (tx) => {
    const revision = await bumpRevision(tx);
    await tx
      .updateTable('kb_articles')
      .set({ status, search_revision: revision, updated_at: AT })
      .where('id', '=', id)
      .execute();
  });
}

/** Adds units under a parent (or at the root), with the `/parent/child/` paths the scopes use. */
export async function insertUnits(
  db: Kysely<Schema>,
  units: readonly { id: string; name: string; parentId?: string | null }[],
): Promise<void> {
  for (const u of units) {
    let parentPath = '/';
    if (u.parentId) {
      const parent = await db
        .selectFrom('units')
        .select('path')
        .where('id', '=', u.parentId)
        .executeTakeFirstOrThrow();
      parentPath = parent.path;
    }
    await db
      .insertInto('units')
      .values({
        id: u.id,
        parent_id: u.parentId ?? null,
        name: u.name,
        kind: u.parentId ? 'department' : 'district',
        path: `${parentPath}${u.id}/`,
        duty_phone: null,
        sort_order: 0,
        active: 1,
        created_at: AT,
      })
      .execute();
  }
}

/** Adds a synonym group as the centre would (kb_synonyms). */
export async function insertSynonymGroup(database: Database, terms: readonly string[]): Promise<void> {
  await database.db
    .insertInto('kb_synonyms')
    .values({
      id: randomUUID(),
      terms: JSON.stringify(terms),
      note: null,
      updated_at: new Date().toISOString(),
      updated_by: null,
    })
    .execute();
}
