import type { Database } from '../storage/database.js';

/** A knowledge-base query as the workbench and the editors send it. */
export interface KbSearchQuery {
  q: string;
  kind?: 'guide' | 'faq';
  /** Only articles owned by this unit (or its subtree). */
  unitId?: string;
  /** Published articles only (default); editors may include drafts, in-review and expired ones. */
  statuses?: readonly string[];
  /** Local date (YYYY-MM-DD) for validity: articles outside valid_from..valid_to are left out unless `includeExpired`. */
  today?: string;
  includeExpired?: boolean;
  limit?: number;
}

export interface KbSearchHit {
  articleId: string;
  kind: string;
  status: string;
  title: string;
  itemCode: string | null;
  ownerUnitId: string | null;
  ownerUnitName: string;
  publishedVersion: number | null;
  score: number;
  /** A short plain-text excerpt around the best match. */
  snippet: string;
  /** Query terms that matched (for highlighting), as they appear in the text. */
  highlights: string[];
}

export interface KbSearchResult {
  items: KbSearchHit[];
  /** How the query was understood: the terms searched after normalisation and synonym expansion. */
  terms: string[];
  total: number;
}

/**
 * Knowledge-base search. Implementations keep themselves fresh against `kb_index_state.revision`
 * (bumped in the same transaction as every article change), so a change is searchable at once in
 * every server process.
 */
export interface KnowledgeSearch {
  search(query: KbSearchQuery): Promise<KbSearchResult>;
  /** Loads changes since the last revision seen (called by search; exposed for tests and warm-up). */
  refresh(): Promise<void>;
  close(): void;
}

/** Placeholder until the segmented index lands: a LIKE scan over titles and keywords. */
export function createKnowledgeSearch(database: Database): KnowledgeSearch {
  return {
    async search(query) {
      const like = `%${query.q.trim()}%`;
      const rows = await database.db
        .selectFrom('kb_articles')
        .selectAll()
        .where((eb) => eb.or([eb('title', 'like', like), eb('keywords', 'like', like)]))
        .where('status', 'in', query.statuses ?? ['published'])
        .limit(query.limit ?? 10)
        .execute();
      return {
        terms: [query.q.trim()],
        total: rows.length,
        items: rows.map((r) => ({
          articleId: r.id,
          kind: r.kind,
          status: r.status,
          title: r.title,
          itemCode: r.item_code,
          ownerUnitId: r.owner_unit_id,
          ownerUnitName: r.owner_unit_name,
          publishedVersion: r.published_version,
          score: 1,
          snippet: r.title,
          highlights: [query.q.trim()],
        })),
      };
    },
    async refresh() {},
    close() {},
  };
}
