/** Knowledge base (知识库) tables: articles, their versions, the search revision counter, direct-answer evidence and gaps. */

export interface KbArticlesTable {
  id: string;
  /** `guide` (办事指南) or `faq` (知识点: question and answer with policy basis). */
  kind: string;
  /** Article status: draft (never published) | in_review | published | expired. */
  status: string;
  /** Title of the published version (of the latest draft while never published). */
  title: string;
  /** Official item code of a service guide (unique when present); imports upsert by it. */
  item_code: string | null;
  owner_unit_id: string | null;
  /** The owner unit's name when the content was last approved; differs from units.name → stale. */
  owner_unit_name: string;
  /** Aliases and colloquial names, space-separated (published version). */
  keywords: string;
  /** JSON of the published version's fields (of the latest draft while never published). */
  fields: string;
  published_version: number | null;
  latest_version: number;
  /** Local dates (YYYY-MM-DD) of the published version. */
  valid_from: string | null;
  valid_to: string | null;
  next_review_on: string | null;
  /** kb_index_state.revision at this row's last change: search indexes load rows above their revision. */
  search_revision: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** When, by whom and why the centre expired the article; null unless status is expired. */
  expired_at: string | null;
  expired_by: string | null;
  expired_reason: string | null;
}

export interface KbArticleVersionsTable {
  article_id: string;
  version: number;
  /** draft | in_review | published | rejected | superseded | withdrawn */
  status: string;
  title: string;
  keywords: string;
  fields: string;
  owner_unit_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  next_review_on: string | null;
  change_note: string | null;
  author_id: string;
  author_unit_id: string;
  created_at: string;
  submitted_at: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_comment: string | null;
}

/** One row (id = 1): bumped by every article change, in the same transaction. */
export interface KbIndexStateTable {
  id: number;
  revision: number;
}

/** Groups of equivalent terms for search (colloquial ↔ official), editable by the centre. */
export interface KbSynonymsTable {
  id: string;
  /** JSON array of equivalent terms; the first is the canonical one. */
  terms: string;
  note: string | null;
  updated_at: string;
  updated_by: string | null;
}

/** Evidence of a direct answer (直办): which article and version answered which order. */
export interface KbAnswersTable {
  order_id: string;
  article_id: string;
  version: number;
  answered_by: string;
  answered_at: string;
}

/** Questions the knowledge base could not answer, counted for the editors. */
export interface KbGapsTable {
  id: string;
  question: string;
  /** The normalised question (domain `kbGapKey`): equal keys are one question, counted together. */
  question_key: string;
  /** What the agent searched for, if anything. */
  query: string | null;
  order_id: string | null;
  category: string | null;
  asked_by: string;
  asked_at: string;
  /** open | answered | dismissed */
  status: string;
  article_id: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  note: string | null;
}

export interface KnowledgeSchema {
  kb_articles: KbArticlesTable;
  kb_article_versions: KbArticleVersionsTable;
  kb_index_state: KbIndexStateTable;
  kb_synonyms: KbSynonymsTable;
  kb_answers: KbAnswersTable;
  kb_gaps: KbGapsTable;
}
