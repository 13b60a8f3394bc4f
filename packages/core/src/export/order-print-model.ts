import {
  APPEAL_TYPES,
  CALLER_TYPES,
  CHANNELS,
  CLOSE_REASONS,
  NOT_ACCEPTED_REASONS,
  REPLY_METHODS,
  REPLY_RESULTS,
  RESOLVED_ANSWERS,
  SATISFACTION_5,
  URGENCIES,
} from '@huawu/domain';
import { formatLocalDeadline } from '../notifications/enqueue-for-transition.js';
import type { AttachmentMeta } from '../storage/order-files.repository.js';
import type { WorkOrderFull } from '../use-cases/get-work-order.js';
import type { WorkOrderRecord } from '../work-order.record.js';

/**
 * The printable 工单 (order form): what the HTML and the PDF renderers both draw, already masked for
 * the reader and formatted in the hotline's zone — so the two formats cannot disagree. Internal notes
 * (the unit's 内部办理说明) are never part of it, whoever prints.
 */
export interface PrintField {
  label: string;
  value: string;
  /** Spans the whole row (long text: title, content, replies). */
  wide?: boolean;
}

export interface PrintSection {
  title: string;
  fields: PrintField[];
}

export interface PrintTimelineRow {
  at: string;
  actor: string;
  action: string;
  comment: string;
}

export interface PrintAttachment {
  name: string;
  size: string;
  sha256: string;
}

export interface OrderPrintModel {
  /** e.g. 金城市12345政务服务便民热线 工单 */
  heading: string;
  orderNo: string;
  statusLabel: string;
  printedAt: string;
  printedBy: string;
  sections: PrintSection[];
  timeline: PrintTimelineRow[];
  attachments: PrintAttachment[];
  /** The archived record's hash and sequence, when the order has been archived and the record exists. */
  archive: { recordHash: string; archiveSeq: number } | null;
}

export interface PrintInputs {
  detail: WorkOrderFull;
  /** The stored order, for fields the detail view does not carry (whether solved, closing reason). */
  record: WorkOrderRecord;
  attachments: readonly AttachmentMeta[];
  hotlineName: string;
  printedAt: Date;
  printedBy: string;
  timeZone: string;
  archive?: { recordHash: string; archiveSeq: number } | null;
}

/** Payload fields of timeline events worth printing as the step's note; `internalNotes` is not one of them. */
const NOTE_KEYS = ['reason', 'report', 'instructions', 'content', 'publicReply'] as const;

/** Reason codes of 不予受理 and of closing without a callback, as printed in the timeline. */
const REASON_LABELS: Record<string, string> = { ...NOT_ACCEPTED_REASONS.labels, ...CLOSE_REASONS.labels };

const labelOf = (labels: Record<string, string>, value: unknown) =>
  typeof value === 'string' && value ? (labels[value] ?? value) : '';
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const optional = (label: string, value: unknown): PrintField[] =>
  text(value) ? [{ label, value: text(value), wide: true }] : [];

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function buildOrderPrintModel(p: PrintInputs): OrderPrintModel {
  const { detail: d, record: r } = p;
  const time = (iso: string | null | undefined) => (iso ? (formatLocalDeadline(iso, p.timeZone) ?? '') : '');
  const last = (event: string) => d.timeline.findLast((e) => e.event === event);
  const active = d.units.filter((u) => u.active);
  const names = (role: string) =>
    active
      .filter((u) => u.role === role)
      .map((u) => u.unitName)
      .join('、');

  const reply = last('reply');
  const told = last('reply_to_caller');
  const callback = last('callback');
  const caller: PrintField[] = [
    { label: '来电人', value: d.callerName ?? (d.anonymous ? '匿名' : '') },
    { label: '联系电话', value: d.callerPhone ?? (d.confidential ? '保密' : '') },
    { label: '来电人类型', value: labelOf(CALLER_TYPES.labels, d.callerType) },
    { label: '来源渠道', value: labelOf(CHANNELS.labels, d.channel) },
    { label: '匿名', value: d.anonymous ? '是' : '否' },
    { label: '保密', value: d.confidential ? '是' : '否' },
    { label: '需要回访', value: d.wantsCallback ? '是' : '否' },
    { label: '受理时间', value: time(d.createdAt) },
  ];
  const appeal: PrintField[] = [
    { label: '诉求类型', value: labelOf(APPEAL_TYPES.labels, d.appealType) },
    { label: '紧急程度', value: labelOf(URGENCIES.labels, d.urgency) },
    { label: '事项分类', value: d.categoryPath ?? d.category ?? '' },
    { label: '事发地址', value: d.address ?? '' },
    { label: '标题', value: d.title, wide: true },
    { label: '诉求内容', value: d.content, wide: true },
  ];
  const handling: PrintField[] = [
    { label: '主办单位', value: names('lead') || (d.leadUnitName ?? '') },
    { label: '协办单位', value: names('co') },
    { label: '下派单位', value: names('delegate') },
    { label: '签收时限', value: time(d.signDeadlineAt) },
    { label: '签收时间', value: time(d.signedAt) },
    { label: '办理时限', value: time(d.deadlineAt) },
    { label: '答复时间', value: time(d.repliedAt) },
    { label: '办结时间', value: time(d.closedAt) },
    { label: '重办次数', value: String(d.redoCount) },
    { label: '延期次数', value: String(d.extensionCount) },
  ];
  const answer: PrintField[] = reply
    ? [
        { label: '办理结果', value: labelOf(REPLY_RESULTS.labels, reply.payload.result) },
        { label: '答复人', value: reply.actorName },
        { label: '签发人', value: text(reply.payload.signedOffBy) },
        { label: '答复时间', value: time(reply.at) },
        { label: '答复意见', value: text(reply.payload.publicReply), wide: true },
        { label: '政策依据', value: text(reply.payload.policyBasis), wide: true },
        // Printed only when the result calls for them (无法解决 / 不属于职责).
        ...optional('无法解决原因', reply.payload.unresolvedReason),
        ...optional('正确办理渠道', reply.payload.rightChannel),
      ]
    : [{ label: '答复意见', value: '（尚未答复）', wide: true }];
  const followUp: PrintField[] = [
    { label: '回复方式', value: labelOf(REPLY_METHODS.labels, told?.payload.method) },
    { label: '回复时间', value: time(told?.at ?? r.callerRepliedAt) },
    { label: '回复内容', value: text(told?.payload.content), wide: true },
    {
      label: '满意度',
      value: labelOf(SATISFACTION_5.labels, callback?.payload.satisfaction ?? d.satisfaction),
    },
    {
      label: '是否解决',
      value: labelOf(RESOLVED_ANSWERS.labels, callback?.payload.resolved ?? r.resolved),
    },
    { label: '回访时间', value: time(callback?.at) },
    { label: '回访未接通', value: r.callbackAttempts ? `${r.callbackAttempts} 次` : '' },
    { label: '回访意见', value: callback?.comment ?? '', wide: true },
    { label: '办结原因', value: labelOf(CLOSE_REASONS.labels, r.closeReason), wide: true },
  ];

  return {
    heading: `${p.hotlineName} 工单`,
    orderNo: d.orderNo,
    statusLabel: d.statusLabel,
    printedAt: time(p.printedAt.toISOString()),
    printedBy: p.printedBy,
    sections: [
      { title: '来电信息', fields: caller },
      { title: '诉求信息', fields: appeal },
      { title: '办理信息', fields: handling },
      { title: '答复', fields: answer },
      { title: '回复与回访', fields: followUp },
    ],
    timeline: d.timeline.map((e) => ({
      at: time(e.at),
      actor: e.actorName,
      action: e.eventLabel,
      comment: [
        labelOf(REASON_LABELS, e.payload.reasonCode),
        labelOf(REPLY_RESULTS.labels, e.payload.result),
        labelOf(SATISFACTION_5.labels, e.payload.satisfaction),
        e.comment,
        ...NOTE_KEYS.map((k) => text(e.payload[k])),
      ]
        .filter(Boolean)
        .join('；'),
    })),
    attachments: p.attachments.map((a) => ({ name: a.fileName, size: formatSize(a.size), sha256: a.sha256 })),
    archive: p.archive ?? null,
  };
}
