import type { FieldSpecs, KbAction } from '@huawu/domain';
import { api, buildQuery, download, postCsv, request } from './client';

/** Shapes and calls of the knowledge-base API (/api/kb, docs/API.md). */

export type ArticleKind = 'guide' | 'faq';
export type ArticleStatus = 'draft' | 'in_review' | 'published' | 'expired';
export type ArticleAction = KbAction;

export interface ArticleSummary {
  id: string;
  kind: ArticleKind;
  kindLabel: string;
  status: ArticleStatus;
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
  /** Why the article needs review (Chinese reasons); empty when current. */
  stale: string[];
}

export interface VersionSummary {
  version: number;
  /** draft | in_review | published | rejected | superseded | withdrawn */
  status: string;
  statusLabel?: string;
  title: string;
  changeNote: string | null;
  authorName: string;
  authorUnitName: string;
  createdAt: string;
  submittedAt: string | null;
  reviewedByName: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
}

export interface VersionDetail extends VersionSummary {
  keywords: string;
  fields: Record<string, string>;
  ownerUnitId: string | null;
  ownerUnitName?: string;
  validFrom: string | null;
  validTo: string | null;
  nextReviewOn: string | null;
}

export interface ArticleDetail extends ArticleSummary {
  keywords: string;
  fields: Record<string, string>;
  pendingVersion: VersionSummary | null;
  allowedActions: ArticleAction[];
  fieldSpecs: FieldSpecs;
  expiredAt?: string | null;
  expiredReason?: string | null;
}

export interface SearchHit {
  articleId: string;
  kind: ArticleKind;
  status: ArticleStatus;
  title: string;
  itemCode: string | null;
  ownerUnitId: string | null;
  ownerUnitName: string;
  publishedVersion: number | null;
  score: number;
  snippet: string;
  highlights: string[];
}

export interface SearchResult {
  items: SearchHit[];
  terms: string[];
  total: number;
  tookMs: number;
}

export interface SearchQuery {
  q: string;
  kind?: string;
  unitId?: string;
  limit?: number;
  includeDrafts?: boolean;
}

export interface ArticleQuery {
  q?: string;
  kind?: string;
  status?: string;
  unitId?: string;
  stale?: boolean;
  page: number;
  pageSize: number;
}

/** The editable content of one version (create and propose share it). */
export interface ArticleContent {
  title: string;
  keywords?: string;
  fields: Record<string, string>;
  ownerUnitId?: string;
  validFrom?: string;
  validTo?: string;
  nextReviewOn?: string;
  changeNote?: string;
}

export interface CreateArticleBody extends ArticleContent {
  kind: ArticleKind;
  /** Official item code (事项编码) of a guide. */
  itemCode?: string;
  ownerUnitId: string;
}

export interface ProposeBody extends ArticleContent {
  changeNote: string;
  baseVersion: number;
}

export interface ReviewItem {
  article: ArticleSummary;
  version: VersionSummary;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  rejected: { row: number; field: string; message: string }[];
  total: number;
}

export interface Gap {
  id: string;
  question: string;
  query: string | null;
  orderId: string | null;
  orderNo: string | null;
  category: string | null;
  askedByName: string;
  askedAt: string;
  status: string;
  articleId: string | null;
  count: number;
}

export interface ResolveGapBody {
  articleId?: string;
  dismiss?: boolean;
  note?: string;
}

const base = '/api/kb';
const article = (id: string) => `${base}/articles/${encodeURIComponent(id)}`;
const version = (id: string, v: number) => `${article(id)}/versions/${v}`;

export const searchKnowledge = (query: SearchQuery) =>
  api.get<SearchResult>(
    `${base}/search${buildQuery({
      q: query.q,
      kind: query.kind,
      unitId: query.unitId,
      limit: query.limit,
      includeDrafts: query.includeDrafts ? 1 : undefined,
    })}`,
  );

export const listArticles = (query: ArticleQuery) =>
  api.get<{ items: ArticleSummary[]; total: number }>(
    `${base}/articles${buildQuery({
      q: query.q,
      kind: query.kind,
      status: query.status,
      unitId: query.unitId,
      stale: query.stale ? 1 : undefined,
      page: query.page,
      pageSize: query.pageSize,
    })}`,
  );

export const getArticle = (id: string) => api.get<ArticleDetail>(article(id));
export const listVersions = (id: string) => api.get<{ items: VersionSummary[] }>(`${article(id)}/versions`);
export const getVersion = (id: string, v: number) => api.get<VersionDetail>(version(id, v));
export const createArticle = (body: CreateArticleBody) => api.post<ArticleDetail>(`${base}/articles`, body);
export const proposeVersion = (id: string, body: ProposeBody) =>
  api.post<ArticleDetail>(`${article(id)}/versions`, body);
export const submitVersion = (id: string, v: number) => api.post<ArticleDetail>(`${version(id, v)}/submit`);
export const approveVersion = (id: string, v: number, comment?: string) =>
  api.post<ArticleDetail>(`${version(id, v)}/approve`, comment ? { comment } : {});
export const rejectVersion = (id: string, v: number, comment: string) =>
  api.post<ArticleDetail>(`${version(id, v)}/reject`, { comment });
export const withdrawVersion = (id: string, v: number, comment?: string) =>
  api.post<ArticleDetail>(`${version(id, v)}/withdraw`, comment ? { comment } : {});
export const expireArticle = (id: string, reason: string) =>
  api.post<ArticleDetail>(`${article(id)}/expire`, { reason });

export const reviewQueue = () => api.get<{ items: ReviewItem[] }>(`${base}/review-queue`);
export const staleArticles = () => api.get<{ items: ArticleSummary[] }>(`${base}/stale`);

export const listGaps = (status = 'open') =>
  api.get<{ items: Gap[]; total: number }>(`${base}/gaps${buildQuery({ status })}`);
export const resolveGap = (id: string, body: ResolveGapBody) =>
  api.post<Gap>(`${base}/gaps/${encodeURIComponent(id)}/resolve`, body);

/** A synonym group of the search (同义词/口语词): the centre's own, or built in (read-only). */
export interface SynonymGroup {
  id: string;
  /** Equivalent terms, the canonical (official) one first. */
  terms: string[];
  note: string | null;
  builtIn: boolean;
  updatedAt: string | null;
  updatedByName: string | null;
}

export interface SynonymConflict {
  term: string;
  groupId: string;
  groupTerms: string[];
  message: string;
}

export interface SynonymChange {
  group: SynonymGroup;
  /** Terms already in another of the centre's groups (saved all the same). */
  warnings: SynonymConflict[];
}

export interface SynonymBody {
  terms: string[];
  note?: string | null;
}

const synonym = (id: string) => `${base}/synonyms/${encodeURIComponent(id)}`;
export const listSynonyms = () =>
  api.get<{ items: SynonymGroup[]; builtIn: number; custom: number }>(`${base}/synonyms`);
export const createSynonymGroup = (body: SynonymBody) => api.post<SynonymChange>(`${base}/synonyms`, body);
export const updateSynonymGroup = (id: string, body: SynonymBody) =>
  api.put<SynonymChange>(synonym(id), body);
export const deleteSynonymGroup = (id: string) => request<void>('DELETE', synonym(id));

/** POST /api/kb/import: the CSV text as `text/csv`; `dryRun` checks every row and saves nothing. */
export const importArticles = (kind: ArticleKind, csv: string, dryRun: boolean) =>
  postCsv<ImportResult>(`${base}/import${buildQuery({ kind, dryRun: dryRun ? 1 : 0 })}`, csv);

/** GET /api/kb/export: the CSV as a Blob plus the file name the server suggests. */
export const exportArticles = (query: { kind?: string; status?: string }) =>
  download(`${base}/export${buildQuery(query)}`, `knowledge-${query.kind ?? 'all'}.csv`);
