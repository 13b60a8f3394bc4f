import { Space, Tag, Typography } from 'antd';
import type { DeadlineState } from '../api/types';
import { EMPTY, formatTime } from '../lib/format';

const STATES: Record<Exclude<DeadlineState, null>, { colour: string; label: string }> = {
  overdue: { colour: 'red', label: '已超期' },
  warning: { colour: 'gold', label: '即将到期' },
  ok: { colour: 'green', label: '正常' },
};

/** The 办理时限 with its red/yellow card; no running clock shows a dash. */
export function DeadlineCell({ state, deadlineAt }: { state: DeadlineState; deadlineAt: string | null }) {
  if (!state) return <Typography.Text type="secondary">{EMPTY}</Typography.Text>;
  const { colour, label } = STATES[state] ?? STATES.ok;
  return (
    <Space size={4} wrap data-testid="deadline" data-state={state}>
      <Tag color={colour}>{label}</Tag>
      <Typography.Text type={state === 'overdue' ? 'danger' : undefined}>
        {formatTime(deadlineAt)}
      </Typography.Text>
    </Space>
  );
}
