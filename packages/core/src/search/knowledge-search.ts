import { KB_LIVE_STATUSES } from '@huawu/domain';
import type { Database } from '../storage/database.js';
import {
  type IndexedArticleRow,
  countArticles,
  countChangedArticles,
  listArticleIds,
  loadArticleHits,
  loadChangedArticles,
  loadSynonymRows,
  readSearchState,
  unitSubtreeIds,
} from '../storage/knowledge-search.repository.js';
import { bodyText } from './article-document.js';
import { planQuery } from './query-plan.js';
import { type DocFilter, Scratch, rank } from './ranker.js';
import { type IndexStats, SearchIndex, dateNumber } from './search-index.js';
import { makeSnippet } from './snippet.js';
import {
  SEED_SYNONYMS,
  type SynonymDictionary,
  createSynonymDictionary,
  parseSynonymGroup,
} from './synonyms.js';

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
  /** Size of the in-memory index (for the bench and diagnostics). */
  stats?(): IndexStats & { revision: number };
}

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 50;
/** Rows read per page while loading changes. */
const PAGE = 5000;

/**
 * The in-memory index of this process (docs/SEARCH.md). Built lazily on the first search (or
 * `refresh()` as a warm-up); every search first reads the revision (one cheap query) and, when it
 * moved, loads only the rows stamped above the last revision seen.
 */
export function createKnowledgeSearch(database: Database): KnowledgeSearch {
  const { db } = database;
  let index = new SearchIndex();
  const scratch = new Scratch();
  let revision = -1;
  let synonymsStamp: string | null = null;
  let synonyms: SynonymDictionary = createSynonymDictionary(SEED_SYNONYMS);
  let inFlight: Promise<void> | null = null;
  let closed = false;

  async function applyChanges(target: number): Promise<void> {
    const pending = await countChangedArticles(db, revision);
    const stamps = new Set<number>();
    const apply = (row: IndexedArticleRow) => {
      index.upsert(row);
      if (row.search_revision <= target) stamps.add(row.search_revision);
    };
    if (pending <= PAGE) {
      // A few changes: one read; applied in id order (the same order on every database).
      const rows = await loadChangedArticles(db, revision);
      rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      rows.forEach(apply);
    } else {
      let afterId: string | null = null;
      for (;;) {
        const rows: IndexedArticleRow[] = await loadChangedArticles(db, revision, { afterId, limit: PAGE });
        rows.forEach(apply);
        const last = rows[rows.length - 1];
        if (!last || rows.length < PAGE) break;
        afterId = last.id;
      }
    }
    // Articles are expired, not deleted. A revision no row carries may be a deletion (or a row changed
    // twice, or a change elsewhere): only then are the rows counted, and on a shortfall their ids read.
    if (stamps.size < target - revision && (await countArticles(db)) < index.liveCount) {
      const present = new Set(await listArticleIds(db));
      for (const id of index.articleIdSet()) if (!present.has(id)) index.remove(id);
    }
    index.settle();
    // Every row stamped up to `target` was committed before `target` was read (the counter row stays
    // locked until its transaction commits), so all of them are in. Rows stamped later are read again
    // next time, which is harmless.
    revision = target;
  }

  async function refreshNow(): Promise<void> {
    const state = await readSearchState(db);
    if (state.synonymsStamp !== synonymsStamp) {
      const groups = (await loadSynonymRows(db))
        .map(parseSynonymGroup)
        .filter((g): g is string[] => g !== null);
      synonyms = createSynonymDictionary([...SEED_SYNONYMS, ...groups]);
      synonymsStamp = state.synonymsStamp;
    }
    if (state.revision < revision) {
      // The database was replaced (restore, new test database): start over.
      index = new SearchIndex();
      revision = -1;
    }
    if (state.revision !== revision) await applyChanges(state.revision);
  }

  function refresh(): Promise<void> {
    if (closed) return Promise.resolve();
    if (!inFlight) {
      inFlight = refreshNow().finally(() => {
        inFlight = null;
      });
    }
    return inFlight;
  }

  async function filterOf(index: SearchIndex, query: KbSearchQuery): Promise<DocFilter | null> {
    const statuses = new Set<number>();
    for (const s of query.statuses ?? KB_LIVE_STATUSES) {
      const id = index.statuses.get(s);
      if (id !== undefined) statuses.add(id);
    }
    let kind: number | null = null;
    if (query.kind) {
      const id = index.kinds.get(query.kind);
      if (id === undefined) return null;
      kind = id;
    }
    let units: Set<number> | null = null;
    if (query.unitId) {
      units = new Set();
      for (const id of await unitSubtreeIds(db, query.unitId)) {
        const code = index.units.get(id);
        if (code !== undefined) units.add(code);
      }
    }
    if (statuses.size === 0 || units?.size === 0) return null;
    const today = query.today && !query.includeExpired ? dateNumber(query.today, 0) || null : null;
    return { statuses, kind, units, today };
  }

  return {
    refresh,
    async search(query) {
      await refresh();
      // One index for the whole search, even if a concurrent refresh replaces it meanwhile.
      const idx = index;
      const asked = Number(query.limit ?? DEFAULT_LIMIT);
      const limit = Number.isFinite(asked)
        ? Math.min(MAX_LIMIT, Math.max(1, Math.floor(asked)))
        : DEFAULT_LIMIT;
      const plan = planQuery(query.q ?? '', idx.vocab, synonyms);
      const filter = plan.concepts.length ? await filterOf(idx, query) : null;
      if (!filter) return { items: [], terms: plan.terms, total: 0 };
      const ranking = rank(idx, plan, filter, limit, scratch);
      const ids = ranking.hits.map((h) => idx.articleIds[h.doc] ?? '');
      const rows = new Map((await loadArticleHits(db, ids)).map((r) => [r.id, r]));
      const items: KbSearchHit[] = [];
      ranking.hits.forEach((hit, i) => {
        const row = rows.get(ids[i] ?? '');
        if (!row) return;
        const { snippet, highlights } = makeSnippet(
          row.title,
          bodyText(row.kind, row.fields),
          ranking.matchedTerms,
        );
        items.push({
          articleId: row.id,
          kind: row.kind,
          status: row.status,
          title: row.title,
          itemCode: row.item_code,
          ownerUnitId: row.owner_unit_id,
          ownerUnitName: row.owner_unit_name,
          publishedVersion: row.published_version,
          score: Math.round(hit.score * 1000) / 1000,
          snippet,
          highlights,
        });
      });
      return { items, terms: plan.terms, total: ranking.total };
    },
    close() {
      closed = true;
    },
    stats() {
      return { ...index.stats(), revision };
    },
  };
}
