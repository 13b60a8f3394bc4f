import {
  type Actor,
  KB_ARTICLE_STATUSES,
  type KbArticleStatus,
  isKbArticleKind,
  isKbArticleStatus,
} from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import {
  type ArticleFilter,
  listArticles as listArticleRows,
} from '../storage/kb-article-list.repository.js';
import { findKbUnit } from '../storage/kb-units.repository.js';
import { listReviewQueue as listReviewRows } from '../storage/kb-versions.repository.js';
import {
  type ArticleSummary,
  type VersionSummary,
  toArticleSummary,
  toVersionSummary,
} from './article.view.js';
import { kbActorOf, kbScopeOf, todayOf } from './kb-access.js';

export interface ArticleListQuery {
  status?: string[];
  kind?: string;
  unitId?: string;
  stale?: boolean;
  q?: string;
  page?: number;
  pageSize?: number;
}

/** How many of the best search matches a list with `q` pages through. */
export const KB_LIST_SEARCH_LIMIT = 200;

/**
 * The article list, narrowed to what the reader may see (unit roles: published articles and every
 * article of their own subtree). With `q`, the knowledge search ranks the matches (best first).
 */
export async function listArticles(
  deps: CoreDeps,
  actor: Actor,
  query: ArticleListQuery,
): Promise<{ items: ArticleSummary[]; total: number; page: number; pageSize: number }> {
  const statuses = query.status?.filter((s) => s !== '');
  const bad = statuses?.find((s) => !isKbArticleStatus(s));
  if (bad !== undefined) throw AppError.validation('status', `未知状态：${bad.slice(0, 30)}`);
  if (query.kind && !isKbArticleKind(query.kind)) throw AppError.validation('kind', '类型应为 guide 或 faq');
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  if (page < 1) throw AppError.validation('page', '页码从 1 开始');
  if (pageSize < 1 || pageSize > 100) throw AppError.validation('pageSize', '每页 1–100 条');
  const reader = await kbActorOf(deps, actor);
  const today = todayOf(deps);
  const filter: ArticleFilter = {
    scope: kbScopeOf(reader),
    statuses: statuses as KbArticleStatus[] | undefined,
    kind: isKbArticleKind(query.kind) ? query.kind : undefined,
    staleOn: query.stale ? today : undefined,
  };
  if (query.unitId) {
    const unit = await findKbUnit(deps.database.db, query.unitId);
    if (!unit) throw AppError.validation('unitId', '单位不存在');
    filter.ownerPath = unit.path;
  }
  const q = query.q?.trim();
  if (!q) {
    const result = await listArticleRows(deps.database.db, filter, {
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return {
      items: result.items.map((a) => toArticleSummary(a, today)),
      total: result.total,
      page,
      pageSize,
    };
  }
  const found = await deps.search.search({
    q,
    kind: filter.kind,
    statuses: filter.statuses ?? KB_ARTICLE_STATUSES,
    includeExpired: true,
    today,
    limit: KB_LIST_SEARCH_LIMIT,
  });
  const rank = new Map(found.items.map((hit, i) => [hit.articleId, i]));
  const result = await listArticleRows(deps.database.db, { ...filter, ids: [...rank.keys()] }, null);
  const ranked = result.items.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  return {
    items: ranked.slice((page - 1) * pageSize, page * pageSize).map((a) => toArticleSummary(a, today)),
    total: ranked.length,
    page,
    pageSize,
  };
}

/** Published articles that need attention (review date or validity passed, owner renamed or inactive). */
export async function listStaleArticles(deps: CoreDeps, actor: Actor): Promise<{ items: ArticleSummary[] }> {
  const reader = await kbActorOf(deps, actor);
  const today = todayOf(deps);
  const result = await listArticleRows(
    deps.database.db,
    { scope: kbScopeOf(reader), staleOn: today },
    {
      offset: 0,
      limit: 1000,
    },
  );
  // The SQL filter mirrors the domain's rules; the domain has the last word (and gives the reasons).
  const items = result.items.map((a) => toArticleSummary(a, today)).filter((a) => a.stale.length > 0);
  return { items };
}

/** Versions waiting for review, oldest first (unit roles: their own subtree's). */
export async function listReviewQueue(
  deps: CoreDeps,
  actor: Actor,
): Promise<{ items: { article: ArticleSummary; version: VersionSummary }[] }> {
  const reader = await kbActorOf(deps, actor);
  const today = todayOf(deps);
  const rows = await listReviewRows(deps.database.db, kbScopeOf(reader));
  return {
    items: rows.map((r) => ({
      article: toArticleSummary(r.article, today),
      version: toVersionSummary(r.version),
    })),
  };
}
