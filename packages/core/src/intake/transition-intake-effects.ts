import { randomUUID } from 'node:crypto';
import {
  type Actor,
  KB_LIVE_STATUSES,
  KB_PUBLIC_VERSION_STATUSES,
  type KbGapStatus,
  type TransitionOutcome,
  kbGapKey,
} from '@huawu/domain';
import type { Kysely } from 'kysely';
import { AppError } from '../app-error.js';
import { findArticleVersion, insertKbAnswer } from '../storage/answer-evidence.repository.js';
import { insertLink } from '../storage/order-links.repository.js';
import { insertGap } from '../storage/kb-gaps.repository.js';
import type { Schema } from '../storage/schema.js';
import type { WorkOrderRecord } from '../work-order.record.js';

/** The knowledge-base article (and version) a direct answer (直办) cites, domain.md §6. */
export interface AnswerEvidence {
  articleId: string;
  articleVersion: number;
  articleTitle: string;
}

const GAP_OPEN: KbGapStatus = 'open';

/**
 * References the machine cannot check for intake decisions: a direct answer may cite only a published
 * article, and a version of it that was published (the current one when no version is named).
 */
export async function checkIntakeReferences(
  tx: Kysely<Schema>,
  outcome: TransitionOutcome,
): Promise<AnswerEvidence | undefined> {
  if (outcome.event !== 'answer_directly') return undefined;
  const articleId = outcome.input.articleId as string | undefined;
  const version = outcome.input.articleVersion as number | undefined;
  if (!articleId) {
    if (version !== undefined) {
      throw AppError.validation('input.articleId', '指定文章版本时请同时选择知识库文章');
    }
    return undefined;
  }
  const found = await findArticleVersion(tx, articleId, version);
  if (!found.article) throw AppError.validation('input.articleId', '知识库文章不存在');
  if (!(KB_LIVE_STATUSES as readonly string[]).includes(found.article.status)) {
    throw AppError.validation('input.articleId', '只能引用已发布的知识库文章作为答复依据');
  }
  const v = found.version;
  if (!v || !(KB_PUBLIC_VERSION_STATUSES as readonly string[]).includes(v.versionStatus)) {
    throw AppError.validation(
      version === undefined ? 'input.articleId' : 'input.articleVersion',
      `该文章没有已发布的第 ${version ?? found.article.publishedVersion ?? '?'} 版`,
    );
  }
  return { articleId, articleVersion: v.version, articleTitle: v.title };
}

/** A gap's question: the order's title and the start of its content. */
export function gapQuestion(order: Pick<WorkOrderRecord, 'title' | 'content'>): string {
  const content = order.content.replace(/\s+/g, ' ').trim();
  const excerpt = content.length > 200 ? `${content.slice(0, 200)}…` : content;
  return `${order.title}：${excerpt}`.slice(0, 500);
}

/**
 * Side records of intake decisions, written in the transition's transaction; returns what the timeline
 * entry adds to its payload.
 * - 直办 citing an article: evidence in kb_answers; the timeline names article, version and title.
 * - A consultation answered without an article, or sent on for dispatch: a knowledge gap (知识缺口),
 *   open, for the editors (the knowledge-base work lists and resolves gaps).
 * - 并单: a `merged` link from this order to the target.
 */
export async function recordIntakeEffects(
  tx: Kysely<Schema>,
  e: {
    order: WorkOrderRecord;
    outcome: TransitionOutcome;
    evidence: AnswerEvidence | undefined;
    target: WorkOrderRecord | undefined;
    actor: Actor;
    at: string;
  },
): Promise<Record<string, unknown>> {
  const { order, outcome, actor, at } = e;
  const consultation = order.appealType === 'consultation';
  if (outcome.event === 'answer_directly' && e.evidence) {
    await insertKbAnswer(tx, {
      orderId: order.id,
      articleId: e.evidence.articleId,
      version: e.evidence.articleVersion,
      by: actor.userId,
      at,
    });
    return { ...e.evidence };
  }
  if (consultation && (outcome.event === 'answer_directly' || outcome.event === 'submit_for_dispatch')) {
    // Counted by the order's title (the question as the agent summarised it); the excerpt of the
    // content stays in the text for the editors.
    await insertGap(tx, {
      id: randomUUID(),
      question: gapQuestion(order),
      questionKey: kbGapKey(order.title),
      query: null,
      orderId: order.id,
      category: order.category,
      askedBy: actor.userId,
      askedAt: at,
      status: GAP_OPEN,
    });
  }
  if (outcome.event === 'merge' && e.target) {
    const comment = typeof outcome.input.comment === 'string' ? outcome.input.comment : null;
    await insertLink(tx, {
      orderId: order.id,
      relatedId: e.target.id,
      kind: 'merged',
      comment,
      by: actor.userId,
      at,
    });
  }
  return {};
}
