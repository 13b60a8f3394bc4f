import { KB_LIVE_STATUSES, type KbVersionStatus } from '@huawu/domain';
import { type Db, GUIDE } from './accuracy-sql.js';
import type { Schema } from './schema.js';

/**
 * Test and demo support: published guides written directly, outside the knowledge-base workflow, with
 * the search revision bumped in the same transaction as the knowledge base's own writes do.
 */

const PUBLISHED_VERSION: KbVersionStatus = 'published';

/** Bumps the knowledge-base search revision; returns the new revision. */
async function bumpSearchRevision(db: Db): Promise<number> {
  const bumped = await db
    .updateTable('kb_index_state')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .where('id', '=', 1)
    .returning('revision')
    .executeTakeFirstOrThrow();
  return Number(bumped.revision);
}

/** A version written and approved by its author at once (no review step). */
async function insertPublishedVersion(
  db: Db,
  v: Pick<
    Schema['kb_article_versions'],
    'article_id' | 'version' | 'title' | 'keywords' | 'fields' | 'owner_unit_id' | 'change_note'
  >,
  g: { authorId: string; authorUnitId: string; at: string },
): Promise<void> {
  await db
    .insertInto('kb_article_versions')
    .values({
      ...v,
      status: PUBLISHED_VERSION,
      valid_from: null,
      valid_to: null,
      next_review_on: null,
      author_id: g.authorId,
      author_unit_id: g.authorUnitId,
      created_at: g.at,
      submitted_at: g.at,
      reviewed_by: g.authorId,
      reviewed_at: g.at,
      review_comment: null,
    })
    .execute();
}

/** A published guide: the article and its version 1. */
export async function insertPublishedGuide(
  db: Db,
  g: {
    id: string;
    title: string;
    itemCode: string | null;
    ownerUnitId: string;
    ownerUnitName: string;
    fields: Record<string, string>;
    authorId: string;
    authorUnitId: string;
    at: string;
  },
): Promise<void> {
  const revision = await bumpSearchRevision(db);
  const fields = JSON.stringify(g.fields);
  await db
    .insertInto('kb_articles')
    .values({
      id: g.id,
      kind: GUIDE,
      status: KB_LIVE_STATUSES[0] as string,
      title: g.title,
      item_code: g.itemCode,
      owner_unit_id: g.ownerUnitId,
      owner_unit_name: g.ownerUnitName,
      keywords: '',
      fields,
      published_version: 1,
      latest_version: 1,
      valid_from: null,
      valid_to: null,
      next_review_on: null,
      search_revision: revision,
      created_by: g.authorId,
      created_at: g.at,
      updated_at: g.at,
    })
    .execute();
  await insertPublishedVersion(
    db,
    {
      article_id: g.id,
      version: 1,
      title: g.title,
      keywords: '',
      fields,
      owner_unit_id: g.ownerUnitId,
      change_note: null,
    },
    g,
  );
}

/** Publishes version `latest + 1` of a guide written by {@link insertPublishedGuide}. */
export async function publishGuideRevision(
  db: Db,
  articleId: string,
  g: { fields: Record<string, string>; authorId: string; authorUnitId: string; at: string },
): Promise<number> {
  const article = await db
    .selectFrom('kb_articles')
    .selectAll()
    .where('id', '=', articleId)
    .executeTakeFirstOrThrow();
  const version = Number(article.latest_version) + 1;
  const revision = await bumpSearchRevision(db);
  const fields = JSON.stringify(g.fields);
  await insertPublishedVersion(
    db,
    {
      article_id: articleId,
      version,
      title: article.title,
      keywords: article.keywords,
      fields,
      owner_unit_id: article.owner_unit_id,
      change_note: '修订',
    },
    g,
  );
  await db
    .updateTable('kb_articles')
    .set({
      fields,
      published_version: version,
      latest_version: version,
      search_revision: revision,
      updated_at: g.at,
    })
    .where('id', '=', articleId)
    .execute();
  return version;
}
