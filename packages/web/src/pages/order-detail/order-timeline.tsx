import { ArrowRightOutlined } from '@ant-design/icons';
import { Empty, Flex, Space, Timeline, type TimelineProps, Typography } from 'antd';
import type { TimelineEntry } from '../../api/types';
import { StatusTag } from '../../components/status-tag';
import { formatTime, roleLabel } from '../../lib/format';
import { payloadLines } from './payload-fields';

interface Props {
  entries: TimelineEntry[];
  unitName: (id: string) => string | undefined;
}

/** 姓名（角色）; a name that already carries a qualifier in brackets, such as 李娜（话务员）, is kept as is. */
function actorText(entry: TimelineEntry): string {
  const name = entry.actorName ?? '系统';
  if (!entry.actorRole || name.includes('（')) return name;
  return `${name}（${roleLabel(entry.actorRole)}）`;
}

function EntryContent({ entry, unitName }: { entry: TimelineEntry; unitName: Props['unitName'] }) {
  const lines = payloadLines(entry.event, entry.payload, unitName);
  const comment =
    entry.comment ?? (typeof entry.payload?.comment === 'string' ? entry.payload.comment : null);
  return (
    <Flex vertical gap={4} data-testid="timeline-entry" data-event={entry.event}>
      <Space wrap size={6}>
        <Typography.Text strong>{entry.eventLabel || entry.event}</Typography.Text>
        {entry.fromStatus && <StatusTag status={entry.fromStatus} />}
        {entry.fromStatus && entry.toStatus && <ArrowRightOutlined style={{ fontSize: 12 }} />}
        {entry.toStatus && <StatusTag status={entry.toStatus} />}
      </Space>
      <Typography.Text type="secondary">
        {formatTime(entry.at)}
        {' · '}
        {actorText(entry)}
      </Typography.Text>
      {lines.map((line) => (
        <Typography.Text key={line.key} style={{ whiteSpace: 'pre-wrap' }}>
          <Typography.Text type="secondary">{line.label}：</Typography.Text>
          {line.value}
        </Typography.Text>
      ))}
      {comment && (
        <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>
          <Typography.Text type="secondary">备注：</Typography.Text>
          {comment}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** 办理过程: every recorded event, oldest first. */
export function OrderTimeline({ entries, unitName }: Props) {
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" />;
  const items: TimelineProps['items'] = [...entries]
    .sort((a, b) => a.seq - b.seq)
    .map((entry, index, all) => ({
      key: entry.seq,
      color: index === all.length - 1 ? 'blue' : 'gray',
      content: <EntryContent entry={entry} unitName={unitName} />,
    }));
  return <Timeline items={items} data-testid="order-timeline" />;
}
