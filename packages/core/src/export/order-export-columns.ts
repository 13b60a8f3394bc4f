import { APPEAL_TYPES, CHANNELS, type DeadlineState, URGENCIES } from '@huawu/domain';
import { formatLocalDeadline } from '../notifications/enqueue-for-transition.js';
import type { WorkOrderSummary } from '../views/work-order.view.js';

/** Columns of a bulk order export (CSV and XLSX alike): header, width (characters) and the cell text. */
export interface ExportColumn {
  header: string;
  width: number;
  value: (o: WorkOrderSummary, time: (iso: string | null) => string) => string;
}

const DEADLINE_STATES: Record<DeadlineState, string> = {
  ok: '正常',
  warning: '即将超期',
  overdue: '已超期',
};

const label = (labels: Record<string, string>, v: string | null | undefined) => (v ? (labels[v] ?? v) : '');

/** Caller fields come from the list view (`toSummary`): numbers are always masked in a bulk read. */
export const ORDER_EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: '工单编号', width: 14, value: (o) => o.orderNo },
  { header: '状态', width: 10, value: (o) => o.statusLabel },
  { header: '来源渠道', width: 9, value: (o) => label(CHANNELS.labels, o.channel) },
  { header: '诉求类型', width: 9, value: (o) => label(APPEAL_TYPES.labels, o.appealType) },
  { header: '紧急程度', width: 9, value: (o) => label(URGENCIES.labels, o.urgency) },
  { header: '标题', width: 40, value: (o) => o.title },
  { header: '来电人', width: 10, value: (o) => o.callerName ?? '' },
  { header: '联系电话', width: 14, value: (o) => o.callerPhone ?? (o.confidential ? '保密' : '') },
  { header: '主办单位', width: 24, value: (o) => o.leadUnitName ?? '' },
  { header: '受理时间', width: 17, value: (o, t) => t(o.createdAt) },
  { header: '办理时限', width: 17, value: (o, t) => t(o.deadlineAt) },
  {
    header: '时限状态',
    width: 10,
    value: (o) => (o.deadlineState ? label(DEADLINE_STATES, o.deadlineState) : ''),
  },
  { header: '最后更新', width: 17, value: (o, t) => t(o.updatedAt) },
];

export function exportRow(o: WorkOrderSummary, timeZone: string): string[] {
  const time = (iso: string | null) => formatLocalDeadline(iso, timeZone) ?? '';
  return ORDER_EXPORT_COLUMNS.map((c) => c.value(o, time));
}
