import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { type ReviewItem, reviewQueue } from '../../api/knowledge';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { authorText } from './author-text';
import { ActionDialog, type DialogAction } from './article-actions';
import { ProposalDiff } from './proposal-diff';

const keyOf = (item: ReviewItem) => `${item.article.id}:${item.version.version}`;

/** 审核队列: proposals waiting for the centre, each with its diff and 通过 / 退回. */
export function ReviewQueuePage() {
  const { data, error, loading, reload } = useAsync(useCallback(() => reviewQueue(), []));
  const [expanded, setExpanded] = useState<string[]>([]);
  const [active, setActive] = useState<{ item: ReviewItem; action: DialogAction } | null>(null);
  const toggle = (key: string) =>
    setExpanded((keys) => (keys.includes(key) ? keys.filter((k) => k !== key) : [...keys, key]));

  const columns: TableColumnsType<ReviewItem> = [
    {
      title: '知识',
      key: 'title',
      render: (_: unknown, item) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/knowledge/${item.article.id}`} data-testid="kb-review-link">
            {item.version.title}
          </Link>
          <Typography.Text type="secondary">
            {item.article.kindLabel} · {item.article.ownerUnitName}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '版本',
      key: 'version',
      width: 120,
      render: (_: unknown, item) =>
        item.article.publishedVersion === null
          ? `v${item.version.version}（首次发布）`
          : `v${item.article.publishedVersion} → v${item.version.version}`,
    },
    {
      title: '提出人',
      key: 'author',
      width: 220,
      render: (_: unknown, item) => authorText(item.version),
    },
    {
      title: '修改说明',
      key: 'note',
      ellipsis: true,
      render: (_: unknown, item) => item.version.changeNote ?? '—',
    },
    {
      title: '提交时间',
      key: 'submittedAt',
      width: 140,
      render: (_: unknown, item) => formatTime(item.version.submittedAt ?? item.version.createdAt),
    },
    {
      title: '操作',
      key: 'actions',
      width: 230,
      render: (_: unknown, item) => (
        <Space>
          <Button size="small" onClick={() => toggle(keyOf(item))} data-testid="kb-review-diff">
            {expanded.includes(keyOf(item)) ? '收起改动' : '查看改动'}
          </Button>
          <Button
            size="small"
            type="primary"
            onClick={() => setActive({ item, action: 'approve' })}
            data-testid="kb-review-approve"
          >
            通过
          </Button>
          <Button
            size="small"
            danger
            onClick={() => setActive({ item, action: 'reject' })}
            data-testid="kb-review-reject"
          >
            退回
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="审核队列"
      extra={
        <Button icon={<ReloadOutlined />} onClick={reload} data-testid="kb-review-reload">
          刷新
        </Button>
      }
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title="审核队列加载失败"
          description={errorMessage(error)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Table<ReviewItem>
        rowKey={keyOf}
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '没有待审核的修改' }}
        onRow={(item) =>
          ({
            'data-testid': 'kb-review-row',
            'data-article-id': item.article.id,
          }) as React.HTMLAttributes<HTMLElement>
        }
        expandable={{
          expandedRowKeys: expanded,
          showExpandColumn: false,
          expandedRowRender: (item) => (
            <ProposalDiff
              articleId={item.article.id}
              kind={item.article.kind}
              version={item.version.version}
              publishedVersion={item.article.publishedVersion}
            />
          ),
        }}
        data-testid="kb-review-table"
      />
      {active && (
        <ActionDialog
          target={{
            id: active.item.article.id,
            title: active.item.version.title,
            version: active.item.version.version,
          }}
          name={active.action}
          onClose={() => setActive(null)}
          onDone={reload}
          onStale={reload}
        />
      )}
    </Card>
  );
}
