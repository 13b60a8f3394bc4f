import { isLiveArticle } from '@huawu/domain';
import { Alert, Card, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { type SearchResult, searchKnowledge } from '../../api/knowledge';
import { useAsync } from '../../lib/use-async';
import { Highlight } from './highlight';
import { KIND_LABELS } from './kb-labels';
import { KbStatusTag } from './kb-status-tag';

interface Props {
  q: string;
  kind?: string;
  unitId?: string;
  includeDrafts: boolean;
}

const NOTHING: SearchResult = { items: [], terms: [], total: 0, tookMs: 0 };

/** Ranked hits of GET /api/kb/search for the settled query, matches highlighted. */
export function SearchResults({ q, kind, unitId, includeDrafts }: Props) {
  const load = useCallback(
    () => (q ? searchKnowledge({ q, kind, unitId, includeDrafts, limit: 10 }) : Promise.resolve(NOTHING)),
    [q, kind, unitId, includeDrafts],
  );
  const { data, error, loading } = useAsync(load);
  if (!q) return null;
  const marks = data?.terms ?? [];
  return (
    <Card
      size="small"
      title={`“${q}”的检索结果`}
      extra={
        data && (
          <Typography.Text type="secondary" data-testid="kb-search-total">
            共 {data.total} 条 · {data.tookMs} 毫秒
          </Typography.Text>
        )
      }
      data-testid="kb-search-results"
      data-loading={loading ? 'true' : 'false'}
    >
      {error ? (
        <Alert type="error" showIcon title="检索失败" description={errorMessage(error)} />
      ) : (
        <>
          {data && data.terms.length > 0 && (
            <Space size={4} wrap style={{ marginBottom: 8 }}>
              <Typography.Text type="secondary">检索词：</Typography.Text>
              {data.terms.map((term) => (
                <Tag key={term}>{term}</Tag>
              ))}
            </Space>
          )}
          <List
            loading={loading}
            dataSource={data?.items ?? []}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未找到相关知识" />,
            }}
            renderItem={(hit) => {
              const terms = hit.highlights.length ? hit.highlights : marks;
              return (
                <List.Item key={hit.articleId} data-testid="kb-search-hit" data-article-id={hit.articleId}>
                  <Flex vertical gap={2} style={{ width: '100%' }}>
                    <Space size={6} wrap>
                      <Tag color={hit.kind === 'guide' ? 'blue' : 'cyan'}>
                        {KIND_LABELS[hit.kind] ?? hit.kind}
                      </Tag>
                      <Link to={`/knowledge/${hit.articleId}`} data-testid="kb-search-hit-title">
                        <Highlight text={hit.title} terms={terms} />
                      </Link>
                      {!isLiveArticle(hit.status) && <KbStatusTag status={hit.status} />}
                      <Typography.Text type="secondary">{hit.ownerUnitName}</Typography.Text>
                      {hit.itemCode && <Typography.Text type="secondary">{hit.itemCode}</Typography.Text>}
                    </Space>
                    <Typography.Text type="secondary" data-testid="kb-search-snippet">
                      <Highlight text={hit.snippet} terms={terms} />
                    </Typography.Text>
                  </Flex>
                </List.Item>
              );
            }}
          />
        </>
      )}
    </Card>
  );
}
