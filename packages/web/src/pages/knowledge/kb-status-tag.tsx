import { Tag } from 'antd';
import {
  ARTICLE_STATUS_LABELS,
  VERSION_STATUS_LABELS,
  articleStatusColour,
  versionStatusColour,
} from './kb-labels';

interface Props {
  status: string;
  /** Version statuses have their own labels (现行版本, 历史版本…). */
  of?: 'article' | 'version';
  label?: string;
  testId?: string;
}

/** An article's or a version's status as a coloured tag (`data-status` for tests). */
export function KbStatusTag({ status, of = 'article', label, testId }: Props) {
  const labels = of === 'article' ? ARTICLE_STATUS_LABELS : VERSION_STATUS_LABELS;
  const colour = of === 'article' ? articleStatusColour(status) : versionStatusColour(status);
  return (
    <Tag color={colour} data-testid={testId} data-status={status}>
      {labels[status] ?? label ?? status}
    </Tag>
  );
}
