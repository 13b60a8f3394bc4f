import type { ArticleQuery } from '../../api/knowledge';
import { ARTICLE_STATUSES, KINDS } from './kb-labels';

export const DEFAULT_PAGE_SIZE = 20;

const oneOf = (values: readonly string[], raw: string | null) =>
  raw && values.includes(raw) ? raw : undefined;

/** Reads the article-list filters from the URL (the URL is the single source of truth). */
export function parseArticleQuery(params: URLSearchParams): ArticleQuery {
  const positive = (raw: string | null, fallback: number, max: number) => {
    const value = Number(raw);
    return Number.isInteger(value) && value >= 1 ? Math.min(value, max) : fallback;
  };
  return {
    q: params.get('q')?.trim() || undefined,
    kind: oneOf(KINDS, params.get('kind')),
    status: oneOf(ARTICLE_STATUSES, params.get('status')),
    unitId: params.get('unitId')?.trim() || undefined,
    stale: params.get('stale') === '1' || undefined,
    page: positive(params.get('page'), 1, 100_000),
    pageSize: positive(params.get('pageSize'), DEFAULT_PAGE_SIZE, 100),
  };
}

/** Writes the filters back; defaults are left out so URLs stay short. */
export function toArticleParams(query: ArticleQuery): URLSearchParams {
  const params = new URLSearchParams();
  const set = (key: string, value: string | undefined) => value && params.set(key, value);
  set('q', query.q);
  set('kind', query.kind);
  set('status', query.status);
  set('unitId', query.unitId);
  set('stale', query.stale ? '1' : undefined);
  if (query.page !== 1) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  return params;
}

export type ArticleFilterPatch = Partial<Omit<ArticleQuery, 'page' | 'pageSize'>>;
