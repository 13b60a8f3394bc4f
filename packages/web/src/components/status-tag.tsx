import { STATUS_COLOURS } from '@huawu/domain';
import { Tag } from 'antd';
import { statusLabel } from '../lib/format';

interface Props {
  status: string;
  label?: string;
  testId?: string;
}

export function StatusTag({ status, label, testId }: Props) {
  const colour = (STATUS_COLOURS as Record<string, string>)[status] ?? 'default';
  const known = statusLabel(status);
  return (
    <Tag color={colour} data-testid={testId} data-status={status}>
      {known !== status ? known : (label ?? status)}
    </Tag>
  );
}
