import { api, buildQuery, request } from './client';
import {
  type ArticleDetail,
  type ArticleSummary,
  getArticle,
  type SearchHit,
  type SearchResult,
} from './knowledge';

/** The knowledge-base calls the workbench needs (search, one article, report a gap); shapes from ./knowledge. */

export type KbHit = SearchHit;
export type KbSearchResult = SearchResult;
/** What the workbench reads of an article (GET /api/kb/articles/:id). */
export type KbArticle = ArticleSummary &
  Pick<ArticleDetail, 'keywords' | 'fields'> &
  Partial<Pick<ArticleDetail, 'fieldSpecs'>>;

export interface KbFilter {
  kind?: 'guide' | 'faq';
  /** Owner unit (its subtree). */
  unitId?: string;
}

/** Searches as the agent types; `signal` drops a query that a newer one replaced. */
export const searchKb = (q: string, signal: AbortSignal, filter: KbFilter = {}, limit = 8) =>
  request<KbSearchResult>(
    'GET',
    `/api/kb/search${buildQuery({ q, limit, kind: filter.kind, unitId: filter.unitId })}`,
    undefined,
    signal,
  );

export const fetchKbArticle = (id: string): Promise<KbArticle> => getArticle(id);

export const reportKbGap = (body: {
  question: string;
  query?: string;
  orderId?: string;
  category?: string;
}) => api.post<{ id: string }>('/api/kb/gaps', body);
