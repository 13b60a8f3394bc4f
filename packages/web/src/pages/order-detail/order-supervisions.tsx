import { Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import type { Supervision } from '../../api/types';
import { formatTime } from '../../lib/format';

const STATUS: Record<Supervision['status'], { colour: string; label: string }> = {
  open: { colour: 'red', label: '待回复' },
  replied: { colour: 'green', label: '已回复' },
  closed: { colour: 'default', label: '已关闭' },
};

function SupervisionItem({ item }: { item: Supervision }) {
  const status = STATUS[item.status] ?? STATUS.open;
  return (
    <Flex vertical gap={4} data-testid="supervision" data-status={item.status}>
      <Space wrap size={6}>
        <Tag color={item.kind === 'auto' ? 'volcano' : 'magenta'}>
          {item.kind === 'auto' ? '自动督办' : '人工督办'}
        </Tag>
        <Typography.Text strong>{item.unitName}</Typography.Text>
        <Tag color={status.colour}>{status.label}</Tag>
      </Space>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="督办要求">
          <span style={{ whiteSpace: 'pre-wrap' }}>{item.requirement}</span>
        </Descriptions.Item>
        <Descriptions.Item label="下达">
          {formatTime(item.issuedAt)}
          {item.issuedByName ? ` · ${item.issuedByName}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="回复时限">{formatTime(item.deadlineAt)}</Descriptions.Item>
        {item.reply && (
          <Descriptions.Item label="回复">
            <span style={{ whiteSpace: 'pre-wrap' }}>{item.reply}</span>
            {item.repliedAt ? `（${formatTime(item.repliedAt)}）` : ''}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Flex>
  );
}

/** 督办: the order's supervision orders, newest first; nothing when there are none. */
export function OrderSupervisions({ items }: { items: Supervision[] }) {
  if (items.length === 0) return null;
  const sorted = [...items].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
  return (
    <Card title="督办" data-testid="order-supervisions">
      <Flex vertical gap="middle">
        {sorted.map((item) => (
          <SupervisionItem key={item.id} item={item} />
        ))}
      </Flex>
    </Card>
  );
}
