import { Tag } from 'antd';
import type { ClockColour } from '../api/types';
import { formatTime } from '../lib/format';

export const COLOUR_TAGS: Record<ClockColour, { colour: string; label: string }> = {
  red: { colour: 'red', label: '红牌' },
  yellow: { colour: 'gold', label: '黄牌' },
  green: { colour: 'green', label: '正常' },
};

/** The 红牌 / 黄牌 / 正常 card of a clock colour. */
export function ColourTag({ colour }: { colour: ClockColour }) {
  const tag = COLOUR_TAGS[colour] ?? COLOUR_TAGS.green;
  return (
    <Tag color={tag.colour} data-testid="colour-tag" data-colour={colour}>
      {tag.label}
    </Tag>
  );
}

interface ClockTagProps {
  kindLabel: string;
  colour: ClockColour;
  paused: boolean;
  dueAt: string | null;
}

/** One running time limit as a coloured tag: 「黄牌 · 办理时限 · 截止 11-30 17:00」, grey when paused. */
export function ClockTag({ kindLabel, colour, paused, dueAt }: ClockTagProps) {
  const tag = COLOUR_TAGS[colour] ?? COLOUR_TAGS.green;
  const due = dueAt ? ` · 截止 ${formatTime(dueAt, 'MM-DD HH:mm')}` : '';
  return (
    <Tag
      color={paused ? 'default' : tag.colour}
      data-testid="clock-tag"
      data-colour={colour}
      data-paused={paused ? 'true' : 'false'}
    >
      {paused ? '暂停' : tag.label} · {kindLabel}
      {due}
    </Tag>
  );
}
