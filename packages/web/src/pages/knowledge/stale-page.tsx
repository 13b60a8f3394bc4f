import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, Typography } from 'antd';
import { useCallback } from 'react';
import { errorMessage } from '../../api/client';
import { type ArticleSummary, staleArticles } from '../../api/knowledge';
import { useAsync } from '../../lib/use-async';
import { articleColumns } from './article-columns';

/** 待复审: articles whose review date or validity passed, or whose owner unit changed. */
export function StalePage() {
  const { data, error, loading, reload } = useAsync(useCallback(() => staleArticles(), []));
  return (
    <Card
      title="待复审"
      extra={
        <Button icon={<ReloadOutlined />} onClick={reload}>
          刷新
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        复审日期已过、有效期已过或主管单位已更名 / 停用的知识，请主管单位核实后提议修改，或由中心停用。
      </Typography.Paragraph>
      {error ? (
        <Alert
          type="error"
          showIcon
          title="待复审列表加载失败"
          description={errorMessage(error)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Table<ArticleSummary>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={articleColumns}
        dataSource={data?.items ?? []}
        scroll={{ x: 1340 }}
        pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 条` }}
        data-testid="kb-stale-table"
      />
    </Card>
  );
}
