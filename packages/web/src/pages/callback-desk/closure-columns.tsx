import { Tag, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ClosureQueue, ClosureQueueRow } from '../../api/closure';
import { ColourTag } from '../../components/clock-tag';
import { StatusTag } from '../../components/status-tag';
import { EMPTY, formatTime, orEmpty } from '../../lib/format';

export type ClosureTableRow = ClosureQueueRow & { id: string };
type Columns = TableColumnsType<ClosureTableRow>;

const time = (value: string | null | undefined) => formatTime(value ?? null);
const text = (value: string | number | null | undefined) => orEmpty(value);

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
    render: (status: string, row) => <StatusTag status={status} label={row.statusLabel} />,
  },
];

const unitReply: Columns = [
  {
    title: '答复单位',
    key: 'unit',
    width: 150,
    ellipsis: true,
    render: (_, r) => r.replyUnitName ?? r.unitName ?? EMPTY,
  },
  { title: '办理结果', dataIndex: 'resultLabel', key: 'result', width: 100, render: text },
  { title: '签发人', dataIndex: 'signedOffBy', key: 'signedOffBy', width: 90, render: text },
  { title: '答复时间', dataIndex: 'repliedAt', key: 'repliedAt', width: 136, render: time },
];

/** When the next callback attempt may be made (the policy's gap), or that the limit is reached. */
function NextAttempt({ row }: { row: ClosureTableRow }) {
  if (row.mayCloseUnreachable) return <Tag color="orange">可按“无法联系”办结</Tag>;
  if (row.attemptAllowedNow) return <Typography.Text type="success">现在可回访</Typography.Text>;
  return <span>{time(row.nextAttemptAt)} 后</span>;
}

const QUEUE_COLUMNS: Record<ClosureQueue, Columns> = {
  review: unitReply,
  reply: [
    ...unitReply,
    { title: '审核通过', dataIndex: 'approvedAt', key: 'approvedAt', width: 136, render: time },
  ],
  callback: [
    { title: '承办单位', dataIndex: 'unitName', key: 'unit', width: 140, ellipsis: true, render: text },
    { title: '回复来电人', dataIndex: 'callerRepliedAt', key: 'callerRepliedAt', width: 136, render: time },
    {
      title: '未接通',
      key: 'attempts',
      width: 80,
      render: (_, r) => (
        <span data-testid="callback-attempts">{`${r.attempts ?? 0}/${r.maxAttempts ?? EMPTY}`}</span>
      ),
    },
    { title: '上次回访', dataIndex: 'lastAttemptAt', key: 'lastAttemptAt', width: 136, render: time },
    {
      title: '下次可回访',
      key: 'next',
      width: 170,
      render: (_, r) => (
        <span data-testid="callback-next">
          <NextAttempt row={r} />
        </span>
      ),
    },
    {
      title: '回访时限',
      key: 'clock',
      width: 170,
      render: (_, r) =>
        r.colour ? (
          <span>
            <ColourTag colour={r.colour} /> {time(r.callbackDueAt)}
          </span>
        ) : (
          EMPTY
        ),
    },
  ],
  escalated: [
    { title: '承办单位', dataIndex: 'unitName', key: 'unit', width: 140, ellipsis: true, render: text },
    { title: '重办次数', dataIndex: 'redoCount', key: 'redoCount', width: 84, render: text },
    { title: '满意度', dataIndex: 'satisfactionLabel', key: 'satisfaction', width: 90, render: text },
    { title: '是否解决', dataIndex: 'resolvedLabel', key: 'resolved', width: 84, render: text },
    { title: '回访意见', dataIndex: 'callbackComment', key: 'comment', ellipsis: true, render: text },
    { title: '提请研判', dataIndex: 'escalatedAt', key: 'escalatedAt', width: 136, render: time },
  ],
  appeals: [
    {
      title: '申诉单位',
      key: 'unit',
      width: 150,
      ellipsis: true,
      render: (_, r) => r.appealUnitName ?? r.unitName ?? EMPTY,
    },
    { title: '评价', dataIndex: 'satisfactionLabel', key: 'satisfaction', width: 90, render: text },
    { title: '申诉理由', dataIndex: 'reason', key: 'reason', ellipsis: true, render: text },
    { title: '申诉时间', dataIndex: 'appealedAt', key: 'appealedAt', width: 136, render: time },
    { title: '申诉期限', dataIndex: 'appealDeadlineAt', key: 'deadline', width: 136, render: time },
  ],
};

export const closureColumns = (queue: ClosureQueue): Columns => [...common, ...QUEUE_COLUMNS[queue]];
