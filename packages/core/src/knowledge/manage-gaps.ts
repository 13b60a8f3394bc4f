import { randomUUID } from 'node:crypto';
import {
  type Actor,
  KB_GAP_OPEN,
  KB_GAP_STATUS_LABELS,
  isKbGapStatus,
  isUnitRole,
  kbGapKey,
  kbGapResolution,
  kbMayResolveGaps,
  parseKbGapInput,
  parseKbGapResolveInput,
} from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { scopeFor } from '../security/access-scope.js';
import { findArticle } from '../storage/kb-articles.repository.js';
import {
  type GapRecord,
  findGap,
  insertGap,
  listGapGroups,
  resolveGaps,
} from '../storage/kb-gaps.repository.js';
import { findOrder, isOrderInScope } from '../storage/work-order.repository.js';

const OPEN = KB_GAP_OPEN;

export interface GapView {
  id: string;
  question: string;
  query: string | null;
  orderId: string | null;
  orderNo: string | null;
  category: string | null;
  askedByName: string;
  askedAt: string;
  status: string;
  statusLabel: string;
  articleId: string | null;
  resolvedAt: string | null;
  note: string | null;
  /** How many gaps share this normalised question (and status). */
  count: number;
}

const toView = (g: GapRecord): GapView => ({
  id: g.id,
  question: g.question,
  query: g.query,
  orderId: g.orderId,
  orderNo: g.orderNo,
  category: g.category,
  askedByName: g.askedByName ?? '',
  askedAt: g.askedAt,
  status: g.status,
  statusLabel: isKbGapStatus(g.status) ? KB_GAP_STATUS_LABELS[g.status] : g.status,
  articleId: g.articleId,
  resolvedAt: g.resolvedAt,
  note: g.note,
  count: g.count,
});

/** 知识缺口: records a question the knowledge base could not answer (any signed-in user). */
export async function recordGap(deps: CoreDeps, actor: Actor, raw: unknown): Promise<GapView> {
  const parsed = parseKbGapInput(raw);
  if (!parsed.ok) throw AppError.from(parsed.error);
  const input = parsed.value as { question: string; query?: string; orderId?: string; category?: string };
  const { db } = deps.database;
  let orderId: string | null = null;
  if (input.orderId) {
    const order = await findOrder(db, input.orderId);
    if (!order || !(await isOrderInScope(db, order.id, await scopeFor(deps, actor)))) {
      throw AppError.validation('orderId', '工单不存在或无权查看');
    }
    orderId = order.id;
  }
  const id = randomUUID();
  await insertGap(db, {
    id,
    question: input.question,
    questionKey: kbGapKey(input.question),
    query: input.query ?? null,
    orderId,
    category: input.category ?? null,
    askedBy: actor.userId,
    askedAt: deps.now().toISOString(),
    status: OPEN,
  });
  const gap = await findGap(db, id);
  if (!gap) throw new AppError('INTERNAL');
  return toView(gap);
}

/** Gaps grouped by normalised question, most asked first (centre roles). */
export async function listGaps(
  deps: CoreDeps,
  actor: Actor,
  query: { status?: string; page?: number; pageSize?: number } = {},
): Promise<{ items: GapView[]; total: number }> {
  if (isUnitRole(actor.role)) throw new AppError('ROLE_NOT_PERMITTED', '知识缺口由热线中心维护');
  if (query.status && !isKbGapStatus(query.status)) {
    throw AppError.validation('status', '状态应为 open、answered 或 dismissed');
  }
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  if (page < 1 || pageSize < 1 || pageSize > 200) throw AppError.validation('pageSize', '每页 1–200 条');
  const result = await listGapGroups(deps.database.db, {
    status: query.status,
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  return { items: result.items.map(toView), total: result.total };
}

/**
 * Closes an open gap — and every open gap with the same normalised question — as answered by an
 * article, or dismissed (supervisor, admin).
 */
export async function resolveGap(deps: CoreDeps, actor: Actor, id: string, raw: unknown): Promise<GapView> {
  if (!kbMayResolveGaps(actor))
    throw new AppError('ROLE_NOT_PERMITTED', '只有值班长或管理员可以处理知识缺口');
  const parsed = parseKbGapResolveInput(raw);
  if (!parsed.ok) throw AppError.from(parsed.error);
  const input = parsed.value as { articleId?: string; dismiss?: boolean; note?: string };
  const { db } = deps.database;
  const gap = await findGap(db, id);
  if (!gap) throw new AppError('NOT_FOUND', '知识缺口不存在');
  if (gap.status !== OPEN) throw new AppError('TRANSITION_NOT_ALLOWED', '该知识缺口已处理');
  const dismiss = input.dismiss === true;
  if (dismiss && input.articleId) throw AppError.validation('articleId', '忽略时不需要关联知识条目');
  if (!dismiss && !input.articleId)
    throw AppError.validation('articleId', '请选择补充的知识条目，或选择忽略');
  if (input.articleId && !(await findArticle(db, input.articleId))) {
    throw AppError.validation('articleId', '知识条目不存在');
  }
  const status = kbGapResolution(dismiss);
  const closed = await resolveGaps(
    db,
    { questionKey: gap.questionKey, status: OPEN },
    {
      status,
      articleId: input.articleId ?? null,
      by: actor.userId,
      at: deps.now().toISOString(),
      note: input.note ?? null,
    },
  );
  if (closed === 0) throw new AppError('CONFLICT', '该知识缺口刚被他人处理');
  const after = await findGap(db, id);
  if (!after) throw new AppError('INTERNAL');
  return toView(after);
}
