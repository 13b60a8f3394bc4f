import { Card, Descriptions, Tag } from 'antd';
import type { OrderClosure } from '../../api/closure';
import { EMPTY, formatTime } from '../../lib/format';

const APPEAL_COLOURS: Record<string, string> = { pending: 'gold', upheld: 'green', rejected: 'red' };

/** 回访结果 once the order is closed: satisfaction, solved or not, the closing reason. */
export function CallbackResult({ closure }: { closure: OrderClosure }) {
  const { callback } = closure;
  return (
    <Card title="回访结果" size="small" data-testid="closure-result">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'satisfaction', label: '满意度', children: callback.satisfactionLabel ?? EMPTY },
          { key: 'resolved', label: '是否解决', children: callback.resolvedLabel ?? EMPTY },
          { key: 'closeReason', label: '办结原因', children: closure.closeReasonLabel ?? EMPTY },
        ]}
      />
    </Card>
  );
}

/** 申诉核减: its state and the deadline of the unit's appeal window. */
export function AppealState({ appeal }: { appeal: OrderClosure['appeal'] }) {
  return (
    <Card title="申诉" size="small" data-testid="closure-appeal">
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: 'status',
            label: '申诉状态',
            children: <Tag color={APPEAL_COLOURS[appeal.status]}>{appeal.statusLabel}</Tag>,
          },
          {
            key: 'deadline',
            label: '申诉期限',
            children: `${formatTime(appeal.deadlineAt)}${appeal.windowOpen ? '（申诉期内）' : ''}`,
          },
        ]}
      />
    </Card>
  );
}
