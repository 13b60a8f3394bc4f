import type { EventName } from '../work-order.events.js';
import type { AppealType } from '../work-order.fields.js';

/**
 * 知识库命中率 (knowledge-base hit rate, domain.md §7): of the consultations answered directly at intake
 * (直办), the share answered with a knowledge-base article on record (kb_answers: article + version).
 * The one definition; storage counts the two numbers, this divides them.
 */
export const KB_HIT_RATE = {
  id: 'kb_hit_rate',
  name: '知识库命中率',
  formula: '有知识库依据的直办咨询件数 ÷ 直办咨询件数',
  /** The event that answers an order directly at intake. */
  directAnswerEvent: 'answer_directly' satisfies EventName as EventName,
  /** Appeal type counted: consultations. */
  appealType: 'consultation' satisfies AppealType as AppealType,
} as const;

/** The hit rate as a fraction (0–1), or null when nothing was answered directly in the period. */
export function kbHitRate(directAnswersWithArticle: number, directAnswers: number): number | null {
  if (directAnswers <= 0) return null;
  return Math.min(1, Math.max(0, directAnswersWithArticle / directAnswers));
}
