import { performance } from 'node:perf_hooks';
import { type Actor, KB_ARTICLE_STATUSES, isKbArticleKind, isUnitRole } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import type { KbSearchResult } from '../search/knowledge-search.js';
import { findKbUnit } from '../storage/kb-units.repository.js';
import { todayOf } from './kb-access.js';

export interface KnowledgeSearchRequest {
  q: string;
  kind?: string;
  unitId?: string;
  limit?: number;
  /** Centre roles only: drafts, articles in review and expired ones too. */
  includeDrafts?: boolean;
}

/**
 * Searches the knowledge base (published, currently valid articles unless `includeDrafts`), timing
 * the search itself (`tookMs`).
 */
export async function searchKnowledge(
  deps: CoreDeps,
  actor: Actor,
  request: KnowledgeSearchRequest,
): Promise<KbSearchResult & { tookMs: number }> {
  const q = request.q.trim();
  if (q === '') throw AppError.validation('q', '请输入检索内容');
  if (q.length > 100) throw AppError.validation('q', '检索内容不能超过 100 个字符');
  if (request.kind && !isKbArticleKind(request.kind))
    throw AppError.validation('kind', '类型应为 guide 或 faq');
  const limit = request.limit ?? 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > 50)
    throw AppError.validation('limit', '条数应在 1 到 50 之间');
  if (request.includeDrafts && isUnitRole(actor.role)) {
    throw new AppError('ROLE_NOT_PERMITTED', '承办单位只能检索已发布的知识');
  }
  if (request.unitId && !(await findKbUnit(deps.database.db, request.unitId))) {
    throw AppError.validation('unitId', '单位不存在');
  }
  const started = performance.now();
  const result = await deps.search.search({
    q,
    kind: isKbArticleKind(request.kind) ? request.kind : undefined,
    unitId: request.unitId || undefined,
    statuses: request.includeDrafts ? KB_ARTICLE_STATUSES : undefined,
    includeExpired: request.includeDrafts === true,
    today: todayOf(deps),
    limit,
  });
  return { ...result, tookMs: Math.round((performance.now() - started) * 10) / 10 };
}
