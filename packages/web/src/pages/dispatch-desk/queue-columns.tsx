import { Tag, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { DeskQueue, QueueRow } from '../../api/desk';
import { ColourTag } from '../../components/clock-tag';
import { StatusTag } from '../../components/status-tag';
import { EMPTY, formatTime, orEmpty, yesNo } from '../../lib/format';

export type QueueTableRow = QueueRow & { id: string };
type Columns = TableColumnsType<QueueTableRow>;

const text = (value: unknown) =>
  orEmpty(typeof value === 'number' || typeof value === 'string' ? value : null);
const time = (value: unknown) => formatTime(typeof value === 'string' ? value : null);

const common: Columns = [
  {
    title: '工单编号',
    dataIndex: 'orderNo',
    key: 'orderNo',
    width: 130,
    render: (orderNo: string, row) => (
      <Link to={`/orders/${row.orderId}`} data-testid="queue-order-link">
        {orderNo}
      </Link>
    ),
  },
  { title: '标题', dataIndex: 'title', key: 'title', ellipsis: true },
  {
    title: '状态',
    dataIndex: 'status',
    key: 'status',
    width: 96,
    render: (status: string | undefined, row) =>
      status ? <StatusTag status={status} label={row.statusLabel} /> : EMPTY,
  },
];

const unit: Columns[number] = {
  title: '单位',
  key: 'unit',
  width: 150,
  ellipsis: true,
  render: (_: unknown, row) => row.requestingUnitName ?? row.unitName ?? row.leadUnitName ?? EMPTY,
};

const QUEUE_COLUMNS: Record<DeskQueue, Columns> = {
  pending_dispatch: [
    { title: '受理时间', dataIndex: 'createdAt', key: 'createdAt', width: 136, render: time },
    { title: '目录建议主办', dataIndex: 'suggestedLeadUnitName', key: 'suggested', width: 150, render: text },
  ],
  returns: [
    unit,
    { title: '退单理由', dataIndex: 'reason', key: 'reason', ellipsis: true, render: text },
    { title: '建议承办单位', dataIndex: 'suggestedUnit', key: 'suggestedUnit', width: 130, render: text },
    { title: '申请时间', key: 'requestedAt', width: 136, render: (_, r) => time(r.requestedAt ?? r.at) },
    { title: '退单次数', dataIndex: 'returnCount', key: 'returnCount', width: 84, render: text },
    {
      title: '已协商',
      dataIndex: 'negotiated',
      key: 'negotiated',
      width: 72,
      render: (value?: boolean) => yesNo(value),
    },
  ],
  extensions: [
    unit,
    {
      title: '延期天数',
      dataIndex: 'days',
      key: 'days',
      width: 84,
      render: (d) => (d ? `${d} 个工作日` : EMPTY),
    },
    { title: '延期理由', dataIndex: 'reason', key: 'reason', ellipsis: true, render: text },
    { title: '申请时间', key: 'requestedAt', width: 136, render: (_, r) => time(r.requestedAt ?? r.at) },
    {
      title: '办理时限',
      key: 'deadlineAt',
      width: 136,
      render: (_, r) => time(r.currentDeadlineAt ?? r.deadlineAt),
    },
  ],
  overdue: [
    unit,
    { title: '时限', dataIndex: 'clockKindLabel', key: 'clockKind', width: 100, render: text },
    { title: '截止时间', dataIndex: 'dueAt', key: 'dueAt', width: 136, render: time },
    {
      title: '预警',
      dataIndex: 'colour',
      key: 'colour',
      width: 76,
      render: (colour?: QueueRow['colour']) => (colour ? <ColourTag colour={colour} /> : EMPTY),
    },
  ],
  supervisions: [
    unit,
    { title: '督办要求', dataIndex: 'requirement', key: 'requirement', ellipsis: true, render: text },
    { title: '下达时间', dataIndex: 'issuedAt', key: 'issuedAt', width: 136, render: time },
    {
      title: '回复时限',
      key: 'supervisionDeadlineAt',
      width: 136,
      render: (_, r) => time(r.supervisionDeadlineAt ?? r.deadlineAt),
    },
    {
      title: '类型',
      dataIndex: 'kind',
      key: 'kind',
      width: 72,
      render: (kind?: string) =>
        kind ? (
          <Tag color={kind === 'auto' ? 'volcano' : 'magenta'}>{kind === 'auto' ? '自动' : '人工'}</Tag>
        ) : (
          EMPTY
        ),
    },
  ],
};

export const queueColumns = (queue: DeskQueue): Columns => [...common, ...QUEUE_COLUMNS[queue]];
