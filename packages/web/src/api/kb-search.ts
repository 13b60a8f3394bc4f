import type { FieldSpecs } from '@huawu/domain';
import { api, buildQuery } from './client';
import { abortableRequest } from './intake';

/** The knowledge-base calls the workbench needs (search, one article, report a gap). */

export interface KbHit {
  articleId: string;
  kind: 'guide' | 'faq';
  status: string;
  title: string;
  itemCode: string | null;
  ownerUnitId: string | null;
  ownerUnitName: string;
  publishedVersion: number | null;
  score: number;
  snippet: string;
  highlights: string[];
}

export interface KbSearchResult {
  items: KbHit[];
  terms: string[];
  total: number;
  tookMs?: number;
}

export interface KbArticle {
  id: string;
  kind: 'guide' | 'faq';
  kindLabel: string;
  status: string;
  statusLabel: string;
  title: string;
  itemCode: string | null;
  ownerUnitId: string | null;
  ownerUnitName: string;
  publishedVersion: number | null;
  latestVersion: number;
  validFrom: string | null;
  validTo: string | null;
  nextReviewOn: string | null;
  updatedAt: string;
  stale: string[];
  keywords: string;
  fields: Record<string, string>;
  fieldSpecs?: FieldSpecs;
}

export const searchKb = (q: string, signal: AbortSignal, limit = 8) =>
  abortableRequest<KbSearchResult>('GET', `/api/kb/search${buildQuery({ q, limit })}`, undefined, signal);

export const fetchKbArticle = (id: string) =>
  api.get<KbArticle>(`/api/kb/articles/${encodeURIComponent(id)}`);

export const reportKbGap = (body: {
  question: string;
  query?: string;
  orderId?: string;
  category?: string;
}) => api.post<{ id: string }>('/api/kb/gaps', body);
