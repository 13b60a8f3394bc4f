import {
  CHECK_VERDICT_COLOURS,
  type CheckVerdict,
  ROUND_STATUS_COLOURS,
  ROUND_STATUS_LABELS,
  type RoundStatus,
  TASK_STATUS_COLOURS,
  TASK_STATUS_LABELS,
  type TaskStatus,
} from '@huawu/domain';
import { Space, Tag, Typography } from 'antd';
import type { CheckView } from '../../api/accuracy';

export function RoundStatusTag({ status, testId }: { status: RoundStatus; testId?: string }) {
  return (
    <Tag color={ROUND_STATUS_COLOURS[status] ?? 'default'} data-testid={testId} data-status={status}>
      {ROUND_STATUS_LABELS[status] ?? status}
    </Tag>
  );
}

export function TaskStatusTag({ status, testId = 'task-status' }: { status: TaskStatus; testId?: string }) {
  return (
    <Tag color={TASK_STATUS_COLOURS[status] ?? 'default'} data-testid={testId} data-status={status}>
      {TASK_STATUS_LABELS[status] ?? status}
    </Tag>
  );
}

export function VerdictTag({ verdict, label }: { verdict: CheckVerdict; label: string }) {
  return (
    <Tag color={CHECK_VERDICT_COLOURS[verdict] ?? 'default'} data-testid="verdict" data-verdict={verdict}>
      {label}
    </Tag>
  );
}

/** A check in one line: verdict, answer time / rings, outdated-guide flag. */
export function CheckResult({ check }: { check: CheckView }) {
  const timing = check.reached
    ? check.answerSeconds !== null
      ? `${check.answerSeconds} 秒接通`
      : '已接通'
    : check.rings !== null
      ? `振铃 ${check.rings} 次未接`
      : '未接通';
  return (
    <Space size={4} wrap>
      <VerdictTag verdict={check.verdict} label={check.verdictLabel} />
      <Typography.Text type="secondary">{timing}</Typography.Text>
      {check.guideOutdated && <Tag color="magenta">指南过时</Tag>}
    </Space>
  );
}

/** 0.8333 → "83.3%"; no denominator → "—". */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}
