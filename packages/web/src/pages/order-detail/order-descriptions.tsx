import { APPEAL_TYPES, CALLER_TYPES, CHANNELS, URGENCIES } from '@huawu/domain';
import { Descriptions, type DescriptionsProps, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { OrderDetail } from '../../api/types';
import { EMPTY, formatTime, labelOf, orEmpty, yesNo } from '../../lib/format';

function caller(value: string | null, anonymous: boolean) {
  if (value) return value;
  return <Typography.Text type="secondary">{anonymous ? '匿名' : EMPTY}</Typography.Text>;
}

export function OrderDescriptions({ order }: { order: OrderDetail }) {
  const items: DescriptionsProps['items'] = [
    { key: 'orderNo', label: '工单编号', children: order.orderNo },
    { key: 'channel', label: '来源渠道', children: labelOf(CHANNELS.labels, order.channel) },
    { key: 'appealType', label: '诉求类型', children: labelOf(APPEAL_TYPES.labels, order.appealType) },
    { key: 'urgency', label: '紧急程度', children: labelOf(URGENCIES.labels, order.urgency) },
    {
      key: 'category',
      label: '诉求分类',
      children: orEmpty(order.categoryPath ? `${order.categoryPath}（${order.category}）` : order.category),
    },
    {
      key: 'confidential',
      label: '保密',
      children: order.confidential ? <Tag color="red">保密</Tag> : '否',
    },
    { key: 'callerName', label: '来电人', children: caller(order.callerName, order.anonymous) },
    { key: 'callerPhone', label: '联系电话', children: caller(order.callerPhone, order.anonymous) },
    { key: 'callerType', label: '来电人类型', children: labelOf(CALLER_TYPES.labels, order.callerType) },
    { key: 'anonymous', label: '匿名', children: yesNo(order.anonymous) },
    { key: 'wantsCallback', label: '需要回访', children: yesNo(order.wantsCallback) },
    { key: 'leadUnitName', label: '主办单位', children: orEmpty(order.leadUnitName) },
    { key: 'address', label: '事发地址', children: orEmpty(order.address), span: 2 },
    { key: 'divisionCode', label: '行政区划', children: orEmpty(order.divisionCode) },
    { key: 'createdAt', label: '受理时间', children: formatTime(order.createdAt) },
    { key: 'updatedAt', label: '更新时间', children: formatTime(order.updatedAt) },
    { key: 'deadlineAt', label: '办理时限', children: formatTime(order.deadlineAt) },
    { key: 'extensionCount', label: '已延期次数', children: order.extensionCount },
    { key: 'redoCount', label: '重办次数', children: order.redoCount },
    { key: 'pendingExtension', label: '延期待审批', children: yesNo(order.pendingExtension) },
    { key: 'closedAt', label: '办结时间', children: formatTime(order.closedAt) },
    { key: 'archivedAt', label: '归档时间', children: formatTime(order.archivedAt) },
    {
      key: 'mergedIntoId',
      label: '并入工单',
      children: order.mergedIntoId ? (
        <Link to={`/orders/${order.mergedIntoId}`}>{order.mergedIntoId}</Link>
      ) : (
        EMPTY
      ),
    },
    { key: 'title', label: '标题', children: order.title, span: 'filled' },
    {
      key: 'content',
      label: '诉求内容',
      span: 'filled',
      children: (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="order-content">
          {order.content}
        </Typography.Paragraph>
      ),
    },
  ];
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 3, xl: 2, xxl: 2 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      items={items}
      data-testid="order-descriptions"
    />
  );
}
