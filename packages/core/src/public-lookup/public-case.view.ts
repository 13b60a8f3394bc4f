import {
  APPEAL_TYPES,
  type AppealType,
  PUBLIC_PHASE_LABELS,
  type PublicPhase,
  type PublicStep,
  type PublicTimelineEntry,
  publicPhaseOf,
  publicReplyOf,
  publicSteps,
  showsExpectedDate,
  toLocalDate,
} from '@huawu/domain';
import type { PublicOrderRow } from '../storage/public-lookup.repository.js';

/**
 * What a caller sees of their own case. Built field by field from an allow-list: nothing about the
 * people who handled it, no comments or internal notes, no caller identity, address or attachments.
 */
export interface PublicCaseView {
  orderNo: string;
  phase: PublicPhase;
  phaseLabel: string;
  appealType: string;
  appealTypeLabel: string;
  title: string;
  createdAt: string;
  /** The handling deadline as a local date (YYYY-MM-DD), only while the order is being handled. */
  expectedBy: string | null;
  /** The lead unit's name; null for confidential (保密) orders. */
  handlingUnit: string | null;
  /** What the caller was told (回复, 直办答复, or the channel named for 不予受理), and when. */
  reply: { text: string; at: string } | null;
  steps: { step: PublicStep; label: string; at: string }[];
}

export function toPublicCaseView(
  order: PublicOrderRow,
  timeline: readonly PublicTimelineEntry[],
  timeZone: string,
): PublicCaseView {
  const phase = publicPhaseOf(order.status);
  const labels: Record<string, string> = APPEAL_TYPES.labels;
  return {
    orderNo: order.orderNo,
    phase,
    phaseLabel: PUBLIC_PHASE_LABELS[phase],
    appealType: order.appealType as AppealType,
    appealTypeLabel: labels[order.appealType] ?? '',
    title: order.title,
    createdAt: order.createdAt,
    expectedBy:
      showsExpectedDate(order.status) && order.deadlineAt
        ? toLocalDate(new Date(order.deadlineAt), timeZone)
        : null,
    handlingUnit: order.confidential ? null : order.leadUnitName,
    reply: publicReplyOf(timeline),
    steps: publicSteps(timeline),
  };
}
