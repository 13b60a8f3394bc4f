import { Empty, Flex, Space, Tag, Typography } from 'antd';
import type { OrderUnit } from '../../api/types';
import { formatTime } from '../../lib/format';

/** 主办 / 协办 units of the order, active assignments first. */
export function OrderUnits({ units }: { units: OrderUnit[] }) {
  if (units.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未派单" />;
  const sorted = [...units].sort(
    (a, b) => Number(b.active) - Number(a.active) || Number(b.role === 'lead') - Number(a.role === 'lead'),
  );
  return (
    <Flex vertical gap="small" data-testid="order-units">
      {sorted.map((unit) => (
        <Space wrap key={`${unit.unitId}-${unit.role}-${unit.assignedAt}`} data-testid="order-unit">
          <Tag color={unit.role === 'lead' ? 'blue' : 'cyan'}>{unit.role === 'lead' ? '主办' : '协办'}</Tag>
          <Typography.Text delete={!unit.active}>{unit.unitName}</Typography.Text>
          {!unit.active && <Tag>已撤销</Tag>}
          <Typography.Text type="secondary">派单时间：{formatTime(unit.assignedAt)}</Typography.Text>
        </Space>
      ))}
    </Flex>
  );
}
