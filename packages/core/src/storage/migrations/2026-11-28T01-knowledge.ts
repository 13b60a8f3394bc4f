import type { Kysely } from 'kysely';

/** Knowledge base: articles, versions, search revision, synonyms, direct-answer evidence, gaps. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('kb_articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('item_code', 'text')
    .addColumn('owner_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('owner_unit_name', 'text', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('published_version', 'integer')
    .addColumn('latest_version', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('next_review_on', 'text')
    .addColumn('search_revision', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // Set when the centre expires the article (cleared by the next approval).
    .addColumn('expired_at', 'text')
    .addColumn('expired_by', 'text')
    .addColumn('expired_reason', 'text')
    .execute();
  await db.schema
    .createIndex('kb_articles_item_code_idx')
    .unique()
    .on('kb_articles')
    .column('item_code')
    .where('item_code', 'is not', null)
    .execute();
  await db.schema
    .createIndex('kb_articles_revision_idx')
    .on('kb_articles')
    .column('search_revision')
    .execute();
  await db.schema
    .createIndex('kb_articles_status_idx')
    .on('kb_articles')
    .columns(['status', 'kind'])
    .execute();
  await db.schema.createIndex('kb_articles_owner_idx').on('kb_articles').column('owner_unit_id').execute();
  await db.schema.createIndex('kb_articles_review_idx').on('kb_articles').column('next_review_on').execute();

  await db.schema
    .createTable('kb_article_versions')
    .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('owner_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('next_review_on', 'text')
    .addColumn('change_note', 'text')
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('author_unit_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('review_comment', 'text')
    .addPrimaryKeyConstraint('kb_article_versions_pk', ['article_id', 'version'])
    .execute();
  await db.schema
    .createIndex('kb_article_versions_status_idx')
    .on('kb_article_versions')
    .columns(['status', 'submitted_at'])
    .execute();

  await db.schema
    .createTable('kb_index_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('kb_index_state').values({ id: 1, revision: 0 }).execute();

  await db.schema
    .createTable('kb_synonyms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('kb_answers')
    .addColumn('order_id', 'text', (c) => c.primaryKey().references('work_orders.id'))
    .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('answered_by', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kb_answers_article_idx').on('kb_answers').column('article_id').execute();

  await db.schema
    .createTable('kb_gaps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('question', 'text', (c) => c.notNull())
    // The normalised question (domain kbGapKey): gaps are counted and resolved per key.
    .addColumn('question_key', 'text', (c) => c.notNull())
    .addColumn('query', 'text')
    .addColumn('order_id', 'text', (c) => c.references('work_orders.id'))
    .addColumn('category', 'text')
    .addColumn('asked_by', 'text', (c) => c.notNull())
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.references('kb_articles.id'))
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('kb_gaps_status_idx').on('kb_gaps').columns(['status', 'asked_at']).execute();
  await db.schema.createIndex('kb_gaps_key_idx').on('kb_gaps').columns(['question_key', 'status']).execute();
}
