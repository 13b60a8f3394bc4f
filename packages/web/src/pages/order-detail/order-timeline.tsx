import { ArrowRightOutlined } from '@ant-design/icons';
import type { JSX } from 'react';
import { Empty, Flex, Space, Timeline, type TimelineProps, Typography } from 'antd';
import type { LadderMark, OrderClock, TimelineEntry } from '../../api/types';
import { StatusTag } from '../../components/status-tag';
import { formatTime, roleLabel } from '../../lib/format';
import { payloadLines } from './payload-fields';

interface Props {
  entries: TimelineEntry[];
  /** Ladder steps of the order's clocks (黄牌预警, 红牌…), shown as 「系统」 entries among the events. */
  ladder?: LadderMark[];
  /** The order's clocks: a step that fell due before its clock started is shown at the start. */
  clocks?: OrderClock[];
  unitName: (id: string) => string | undefined;
}

const STEP_COLOURS: Record<string, string> = {
  yellow: 'gold',
  red: 'red',
  remind: 'orange',
  escalate: 'red',
};

/**
 * When a step is shown: the instant it fell due, but never before its clock started (a clock started
 * late on a Friday evening can be 黄牌 at once; its warning instant lies before the order existed).
 */
function shownAt(mark: LadderMark, clocks: OrderClock[]): number {
  const own = clocks.filter((c) => c.unitId === mark.unitId && c.kind === mark.clockKind);
  const clock = own.find((c) => c.dueAt === mark.dueAt) ?? own[0];
  const at = Date.parse(mark.at);
  return clock ? Math.max(at, Date.parse(clock.startedAt)) : at;
}

function MarkContent({ mark, at }: { mark: LadderMark; at: number }) {
  return (
    <Flex vertical gap={4} data-testid="timeline-mark" data-step={mark.step}>
      <Typography.Text strong>
        「系统」{mark.stepLabel} · {mark.clockKindLabel}
        {mark.unitName ? ` · ${mark.unitName}` : ''}
      </Typography.Text>
      <Typography.Text type="secondary">
        {formatTime(new Date(at).toISOString())} · 时限 {formatTime(mark.dueAt)}
      </Typography.Text>
    </Flex>
  );
}

type Item = { at: number; order: number; key: string; colour?: string; node: JSX.Element };

/** Events (by seq) and ladder marks, merged by time; an event and a mark at the same instant keep the event first. */
function mergedItems(
  entries: TimelineEntry[],
  ladder: LadderMark[],
  clocks: OrderClock[],
  unitName: Props['unitName'],
): Item[] {
  const events: Item[] = [...entries]
    .sort((a, b) => a.seq - b.seq)
    .map((entry, index) => ({
      at: Date.parse(entry.at),
      order: index,
      key: `e${entry.seq}`,
      node: <EntryContent entry={entry} unitName={unitName} />,
    }));
  const marks: Item[] = ladder.map((mark, index) => {
    const at = shownAt(mark, clocks);
    return {
      at,
      order: entries.length + index,
      key: `m${mark.id}`,
      colour: STEP_COLOURS[mark.step] ?? 'gold',
      node: <MarkContent mark={mark} at={at} />,
    };
  });
  return [...events, ...marks].sort((a, b) => a.at - b.at || a.order - b.order);
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

/** 办理过程: every recorded event and ladder step, oldest first. */
export function OrderTimeline({ entries, ladder = [], clocks = [], unitName }: Props) {
  if (entries.length === 0 && ladder.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" />;
  const items: TimelineProps['items'] = mergedItems(entries, ladder, clocks, unitName).map(
    (item, index, all) => ({
      key: item.key,
      color: item.colour ?? (index === all.length - 1 ? 'blue' : 'gray'),
      content: item.node,
    }),
  );
  return <Timeline items={items} data-testid="order-timeline" />;
}
