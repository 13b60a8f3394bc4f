import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

/**
 * Storage of the knowledge-base evidence a direct answer (直办) cites at intake: the cited article
 * version and the kb_answers record (kb tables are defined by the knowledge migration).
 */

export interface ArticleVersionRef {
  articleId: string;
  articleStatus: string;
  publishedVersion: number | null;
  version: number;
  versionStatus: string;
  title: string;
}

/** An article and one of its versions (the published one when `version` is omitted). */
export async function findArticleVersion(
  db: Db,
  articleId: string,
  version?: number,
): Promise<{ article?: { status: string; publishedVersion: number | null }; version?: ArticleVersionRef }> {
  const article = await db
    .selectFrom('kb_articles')
    .select(['id', 'status', 'published_version'])
    .where('id', '=', articleId)
    .executeTakeFirst();
  if (!article) return {};
  const publishedVersion = article.published_version === null ? null : Number(article.published_version);
  const wanted = version ?? publishedVersion;
  const summary = { status: article.status, publishedVersion };
  if (wanted === null) return { article: summary };
  const row = await db
    .selectFrom('kb_article_versions')
    .select(['version', 'status', 'title'])
    .where('article_id', '=', articleId)
    .where('version', '=', wanted)
    .executeTakeFirst();
  if (!row) return { article: summary };
  return {
    article: summary,
    version: {
      articleId,
      articleStatus: article.status,
      publishedVersion,
      version: Number(row.version),
      versionStatus: row.status,
      title: row.title,
    },
  };
}

export async function insertKbAnswer(
  db: Db,
  a: { orderId: string; articleId: string; version: number; by: string; at: string },
): Promise<void> {
  await db
    .insertInto('kb_answers')
    .values({
      order_id: a.orderId,
      article_id: a.articleId,
      version: a.version,
      answered_by: a.by,
      answered_at: a.at,
    })
    .execute();
}
