import { Empty, Flex, Space, Tag, Typography } from 'antd';
import type { NetworkTask, OrderUnit } from '../../api/types';
import { ClockTag } from '../../components/clock-tag';
import { formatTime } from '../../lib/format';

const ROLE_TAGS: Record<string, { colour: string; label: string }> = {
  lead: { colour: 'blue', label: '主办' },
  co: { colour: 'cyan', label: '协办' },
  delegate: { colour: 'purple', label: '下派承办' },
};

const STATUS_COLOURS: Record<string, string> = {
  pending_sign: 'orange',
  signed: 'processing',
  reported: 'success',
  withdrawn: 'default',
};

/** Each unit's part: active first, the lead before co-units and delegates. */
function ordered<T extends OrderUnit>(units: T[]): T[] {
  const rank = (u: OrderUnit) => (u.role === 'lead' ? 0 : u.role === 'co' ? 1 : 2);
  return [...units].sort((a, b) => Number(b.active) - Number(a.active) || rank(a) - rank(b));
}

function UnitRow({ unit }: { unit: OrderUnit & Partial<NetworkTask> }) {
  const role = ROLE_TAGS[unit.role] ?? { colour: 'default', label: unit.roleLabel ?? unit.role };
  return (
    <Flex vertical gap={4} data-testid="order-unit" data-unit={unit.unitId} data-role={unit.role}>
      <Space wrap size={6}>
        <Tag color={role.colour}>{role.label}</Tag>
        <Typography.Text strong delete={!unit.active}>
          {unit.unitName}
        </Typography.Text>
        {!unit.active && <Tag>已撤销</Tag>}
        {unit.active && unit.taskStatus && (
          <Tag
            color={STATUS_COLOURS[unit.taskStatus]}
            data-testid="task-status"
            data-status={unit.taskStatus}
          >
            {unit.taskStatusLabel ?? unit.taskStatus}
          </Tag>
        )}
        {unit.active &&
          unit.clocks?.map((clock) => (
            <ClockTag
              key={clock.id}
              kindLabel={clock.kindLabel}
              colour={clock.colour}
              paused={clock.paused}
              dueAt={clock.dueAt}
            />
          ))}
      </Space>
      <Typography.Text type="secondary">
        派单时间：{formatTime(unit.assignedAt)}
        {unit.signedAt ? ` · 签收时间：${formatTime(unit.signedAt)}` : ''}
        {unit.parentUnitName ? ` · 上级：${unit.parentUnitName}` : ''}
      </Typography.Text>
      {unit.instructions && (
        <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>
          <Typography.Text type="secondary">办理要求：</Typography.Text>
          {unit.instructions}
        </Typography.Text>
      )}
      {unit.report && (
        <Typography.Text style={{ whiteSpace: 'pre-wrap' }} data-testid="unit-report">
          <Typography.Text type="secondary">
            反馈{unit.reportedAt ? `（${formatTime(unit.reportedAt)}）` : ''}：
          </Typography.Text>
          {unit.report}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** 承办单位: every unit's part in the order (role, task status, running clocks, report). */
export function OrderUnits({ units, tasks }: { units: OrderUnit[]; tasks?: NetworkTask[] }) {
  const rows: (OrderUnit & Partial<NetworkTask>)[] = tasks ?? units;
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未派单" />;
  return (
    <Flex vertical gap="middle" data-testid="order-units">
      {ordered(rows).map((unit) => (
        <UnitRow key={`${unit.unitId}-${unit.role}-${unit.assignedAt}`} unit={unit} />
      ))}
    </Flex>
  );
}
