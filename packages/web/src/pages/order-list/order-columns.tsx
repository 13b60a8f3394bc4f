import { APPEAL_TYPES, URGENCIES } from '@huawu/domain';
import { Space, Tag, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { OrderSummary } from '../../api/types';
import { DeadlineCell } from '../../components/deadline-cell';
import { StatusTag } from '../../components/status-tag';
import { EMPTY, formatTime, labelOf } from '../../lib/format';

const URGENCY_COLOURS: Record<string, string> = { urgent: 'orange', critical: 'red' };

export const orderColumns: TableColumnsType<OrderSummary> = [
  {
    title: '工单编号',
    dataIndex: 'orderNo',
    key: 'orderNo',
    width: 130,
    render: (orderNo: string, order) => (
      <Link to={`/orders/${order.id}`} data-testid="order-link">
        {orderNo}
      </Link>
    ),
  },
  {
    title: '标题',
    dataIndex: 'title',
    key: 'title',
    ellipsis: true,
    render: (title: string, order) => (
      <Space size={4}>
        {order.confidential && <Tag color="red">保密</Tag>}
        <span title={title}>{title}</span>
      </Space>
    ),
  },
  {
    title: '诉求类型',
    dataIndex: 'appealType',
    key: 'appealType',
    width: 80,
    render: (value: string) => labelOf(APPEAL_TYPES.labels, value),
  },
  {
    title: '紧急程度',
    dataIndex: 'urgency',
    key: 'urgency',
    width: 80,
    render: (value: string) =>
      URGENCY_COLOURS[value] ? (
        <Tag color={URGENCY_COLOURS[value]}>{labelOf(URGENCIES.labels, value)}</Tag>
      ) : (
        labelOf(URGENCIES.labels, value)
      ),
  },
  {
    title: '状态',
    dataIndex: 'status',
    key: 'status',
    width: 88,
    render: (status: string, order) => <StatusTag status={status} label={order.statusLabel} />,
  },
  {
    title: '主办单位',
    dataIndex: 'leadUnitName',
    key: 'leadUnitName',
    width: 140,
    ellipsis: true,
    render: (name: string | null) => name ?? EMPTY,
  },
  {
    title: '来电人',
    key: 'caller',
    width: 110,
    render: (_: unknown, order) =>
      order.callerName || order.callerPhone ? (
        <Space orientation="vertical" size={0}>
          {order.callerName && <span>{order.callerName}</span>}
          {order.callerPhone && <Typography.Text type="secondary">{order.callerPhone}</Typography.Text>}
        </Space>
      ) : (
        EMPTY
      ),
  },
  {
    title: '受理时间',
    dataIndex: 'createdAt',
    key: 'createdAt',
    width: 136,
    render: (at: string) => formatTime(at),
  },
  {
    title: '办理时限',
    dataIndex: 'deadlineAt',
    key: 'deadlineAt',
    width: 200,
    render: (_: unknown, order) => <DeadlineCell state={order.deadlineState} deadlineAt={order.deadlineAt} />,
  },
];
