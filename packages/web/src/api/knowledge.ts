import type { FieldSpecs, KbAction } from '@huawu/domain';
import { ApiError, api, buildQuery, type FieldIssue } from './client';

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

/** Reads an error body the way the JSON client does (the CSV calls bypass it). */
async function failure(response: Response): Promise<ApiError> {
  let body: { error?: { code?: string; message?: string; details?: { issues?: FieldIssue[] } } } = {};
  try {
    body = JSON.parse(await response.text());
  } catch {
    // not JSON: keep the HTTP status
  }
  return new ApiError({
    code: body.error?.code ?? 'HTTP_ERROR',
    message: body.error?.message ?? `请求失败（HTTP ${response.status}）`,
    status: response.status,
    issues: body.error?.details?.issues ?? [],
    details: body.error?.details,
  });
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError({ code: 'NETWORK_ERROR', message: '无法连接服务器，请检查网络', status: 0 });
  }
  if (!response.ok) throw await failure(response);
  return response;
}

/** POST /api/kb/import: the CSV text as `text/csv`; `dryRun` checks every row and saves nothing. */
export async function importArticles(kind: ArticleKind, csv: string, dryRun: boolean): Promise<ImportResult> {
  const response = await send(`${base}/import${buildQuery({ kind, dryRun: dryRun ? 1 : 0 })}`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'text/csv; charset=utf-8' },
    body: csv,
  });
  return (await response.json()) as ImportResult;
}

/** GET /api/kb/export: the CSV as a Blob plus the file name the server suggests. */
export async function exportArticles(query: { kind?: string; status?: string }): Promise<{
  blob: Blob;
  filename: string;
}> {
  const response = await send(`${base}/export${buildQuery(query)}`, { method: 'GET' });
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const filename = encoded ? decodeURIComponent(encoded) : (plain ?? `knowledge-${query.kind ?? 'all'}.csv`);
  return { blob: await response.blob(), filename };
}
