import {
  type ClosurePolicy,
  CLOSE_REASONS,
  type MachineOrder,
  REPLY_RESULTS,
  type ReplyResult,
  SATISFACTION_5,
  APPEAL_STATUSES,
  RESOLVED_ANSWERS,
  callbackScript,
  callerReplyScript,
  isUnitRole,
  toLocalDate,
} from '@huawu/domain';
import type { OrderEventRecord, OrderUnitRecord, WorkOrderRecord } from '../work-order.record.js';

const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** The latest event of a name (the timeline is in seq order). */
const latest = (events: readonly OrderEventRecord[], name: string) =>
  [...events].reverse().find((e) => e.event === name);

/**
 * 回复 / 回访 / 办结 / 申诉 on the order page: the unit's reply as reviewed, the scripts the centre reads
 * (only centre roles get them: they name the caller), callback attempts and rules, the closing reason
 * and the appeal. Internal handling notes are never part of it.
 */
export function closureView(
  order: WorkOrderRecord,
  units: readonly OrderUnitRecord[],
  events: readonly OrderEventRecord[],
  machine: MachineOrder,
  policy: ClosurePolicy,
  reader: { role: Parameters<typeof isUnitRole>[0] },
  timeZone: string,
) {
  const replyEvent = latest(events, 'reply');
  const p = replyEvent?.payload ?? {};
  const result = text(p.result) as ReplyResult | null;
  const unitName = units.find((u) => u.unitId === order.leadUnitId)?.unitName ?? null;
  const unitReply =
    replyEvent && result
      ? {
          at: replyEvent.at,
          result,
          resultLabel: REPLY_RESULTS.labels[result] ?? result,
          publicReply: text(p.publicReply) ?? '',
          policyBasis: text(p.policyBasis),
          unresolvedReason: text(p.unresolvedReason),
          rightChannel: text(p.rightChannel),
          signedOffBy: text(p.signedOffBy),
          unitName,
        }
      : null;
  const centre = !isUnitRole(reader.role);
  const callerAddress = !order.anonymous && !order.confidential ? order.callerName : null;
  const told =
    text(latest(events, 'reply_to_caller')?.payload.content) ??
    text(latest(events, 'answer_directly')?.payload.answer) ??
    unitReply?.publicReply ??
    null;
  const scripts = centre
    ? {
        reply: unitReply
          ? callerReplyScript({
              orderNo: order.orderNo,
              callerAddress,
              unitName,
              result: unitReply.result,
              publicReply: unitReply.publicReply,
              rightChannel: unitReply.rightChannel,
              reason: unitReply.unresolvedReason,
            })
          : null,
        callback: callbackScript({
          orderNo: order.orderNo,
          callerAddress,
          unitName,
          title: order.title,
          calledOn: toLocalDate(new Date(order.createdAt), timeZone),
          told,
          scale: policy.satisfactionScale,
        }),
      }
    : null;
  return {
    unitReply,
    scripts,
    callbackRequired: machine.callbackRequired,
    callerRepliedAt: order.callerRepliedAt,
    callback: {
      attempts: order.callbackAttempts,
      lastAttemptAt: order.lastCallbackAttemptAt,
      unreachableAfterAttempts: policy.unreachableAfterAttempts,
      attemptGapMinutes: policy.attemptGapMinutes,
      satisfaction: order.satisfaction,
      satisfactionLabel: order.satisfaction
        ? (SATISFACTION_5.labels[order.satisfaction as 'satisfied'] ?? null)
        : null,
      resolved: order.resolved,
      resolvedLabel: order.resolved ? (RESOLVED_ANSWERS.labels[order.resolved as 'yes'] ?? null) : null,
    },
    closeReason: order.closeReason,
    closeReasonLabel: order.closeReason ? CLOSE_REASONS.labels[order.closeReason] : null,
    appeal: {
      status: order.appealStatus,
      statusLabel: APPEAL_STATUSES.labels[order.appealStatus],
      deadlineAt: order.appealDeadlineAt,
      windowOpen: machine.appealWindowOpen,
    },
    reviewChecklist: policy.reviewChecklist,
  };
}
