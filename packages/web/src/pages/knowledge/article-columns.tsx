import { Space, Tag, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ArticleSummary } from '../../api/knowledge';
import { EMPTY, formatTime } from '../../lib/format';
import { isPast } from './kb-dates';
import { KbStatusTag } from './kb-status-tag';

/** 下次复审 in red once the date has passed. */
export function ReviewDate({ date }: { date: string | null }) {
  if (!date) return <Typography.Text type="secondary">{EMPTY}</Typography.Text>;
  const past = isPast(date);
  return (
    <Typography.Text type={past ? 'danger' : undefined} data-testid="kb-review-date" data-past={past}>
      {date}
    </Typography.Text>
  );
}

export function StaleReasons({ reasons }: { reasons: readonly string[] }) {
  if (reasons.length === 0) return <Typography.Text type="secondary">{EMPTY}</Typography.Text>;
  return (
    <Space size={[0, 4]} wrap data-testid="kb-stale-reasons">
      {reasons.map((reason) => (
        <Tag key={reason} color="orange">
          {reason}
        </Tag>
      ))}
    </Space>
  );
}

export const articleColumns: TableColumnsType<ArticleSummary> = [
  {
    title: '标题',
    dataIndex: 'title',
    key: 'title',
    width: 300,
    ellipsis: true,
    render: (title: string, article) => (
      <Link to={`/knowledge/${article.id}`} title={title} data-testid="kb-article-link">
        {title}
      </Link>
    ),
  },
  {
    title: '类型',
    dataIndex: 'kindLabel',
    key: 'kind',
    width: 90,
    render: (label: string, article) => (
      <Tag color={article.kind === 'guide' ? 'blue' : 'cyan'}>{label || article.kind}</Tag>
    ),
  },
  {
    title: '事项编码',
    dataIndex: 'itemCode',
    key: 'itemCode',
    width: 150,
    ellipsis: true,
    render: (code: string | null) => code ?? EMPTY,
  },
  {
    title: '状态',
    dataIndex: 'status',
    key: 'status',
    width: 90,
    render: (status: string, article) => <KbStatusTag status={status} label={article.statusLabel} />,
  },
  {
    title: '版本',
    key: 'version',
    width: 90,
    render: (_: unknown, article) =>
      article.latestVersion !== article.publishedVersion && article.publishedVersion !== null
        ? `v${article.publishedVersion}（新 v${article.latestVersion}）`
        : `v${article.publishedVersion ?? article.latestVersion}`,
  },
  {
    title: '主管单位',
    dataIndex: 'ownerUnitName',
    key: 'ownerUnitName',
    width: 170,
    ellipsis: true,
    render: (name: string) => name || EMPTY,
  },
  {
    title: '下次复审',
    dataIndex: 'nextReviewOn',
    key: 'nextReviewOn',
    width: 110,
    render: (date: string | null) => <ReviewDate date={date} />,
  },
  {
    title: '待复审原因',
    dataIndex: 'stale',
    key: 'stale',
    width: 200,
    render: (reasons: string[]) => <StaleReasons reasons={reasons ?? []} />,
  },
  {
    title: '更新时间',
    dataIndex: 'updatedAt',
    key: 'updatedAt',
    width: 140,
    render: (at: string) => formatTime(at),
  },
];
