import { Space, Tag, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { InboxRow } from '../../api/desk';
import { ColourTag } from '../../components/clock-tag';
import { StatusTag } from '../../components/status-tag';
import { EMPTY, formatTime } from '../../lib/format';

export type InboxTableRow = InboxRow & { id: string };

export const inboxColumns: TableColumnsType<InboxTableRow> = [
  {
    title: '预警',
    dataIndex: 'colour',
    key: 'colour',
    width: 76,
    render: (_: unknown, row) => <ColourTag colour={row.colour} />,
  },
  {
    title: '工单编号',
    dataIndex: 'orderNo',
    key: 'orderNo',
    width: 130,
    render: (orderNo: string, row) => (
      <Link to={`/orders/${row.orderId}`} data-testid="inbox-order-link">
        {orderNo}
      </Link>
    ),
  },
  { title: '标题', dataIndex: 'title', key: 'title', ellipsis: true },
  {
    title: '承办角色',
    dataIndex: 'roleLabel',
    key: 'role',
    width: 92,
    render: (label: string, row) => <Tag color={row.role === 'lead' ? 'blue' : 'cyan'}>{label}</Tag>,
  },
  {
    title: '工单状态',
    dataIndex: 'status',
    key: 'status',
    width: 96,
    render: (status: string, row) => <StatusTag status={status} label={row.statusLabel} />,
  },
  { title: '任务状态', dataIndex: 'taskStatusLabel', key: 'taskStatus', width: 88 },
  {
    title: '时限',
    dataIndex: 'clockKindLabel',
    key: 'clockKind',
    width: 100,
    render: (label: string | null) => label ?? EMPTY,
  },
  {
    title: '截止时间',
    dataIndex: 'dueAt',
    key: 'dueAt',
    width: 136,
    render: (at: string | null) => formatTime(at),
  },
  {
    title: '提示',
    key: 'flags',
    width: 160,
    render: (_: unknown, row) => (
      <Space size={4} wrap>
        {row.paused && <Tag data-testid="inbox-paused">暂停</Tag>}
        {row.pendingExtension && <Tag color="purple">延期待审批</Tag>}
        {row.openSupervision && (
          <Tag color="magenta" data-testid="inbox-supervised">
            督办
          </Tag>
        )}
      </Space>
    ),
  },
];
