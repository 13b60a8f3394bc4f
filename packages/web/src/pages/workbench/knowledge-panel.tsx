import { SearchOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Input, List, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { reportKbGap, searchKb } from '../../api/kb-search';
import { Highlight } from './highlight';
import { useLiveQuery } from './use-live-query';

const KIND_LABELS: Record<string, string> = { guide: '办事指南', faq: '常见问答' };

interface Props {
  /** The query that follows the form (title, else content) until the agent edits it. */
  defaultQuery: string;
  /** What the caller asked, for a gap report. */
  question: string;
  category: string | undefined;
  /** The order recorded for this call, once there is one. */
  orderId: string | undefined;
  onOpen: (articleId: string) => void;
}

/** 知识库: search as the agent types, open an article, or report that the base has no answer. */
export function KnowledgePanel({ defaultQuery, question, category, orderId, onOpen }: Props) {
  const { message } = App.useApp();
  const [edited, setEdited] = useState<string | null>(null);
  const [reporting, setReporting] = useState(false);
  const query = (edited ?? defaultQuery).trim();
  const results = useLiveQuery(query.length >= 2 ? query : null, (signal) => searchKb(query, signal), 350);

  const reportGap = async () => {
    const asked = question.trim() || query;
    if (!asked) {
      message.warning('请先填写来电人的问题或检索词');
      return;
    }
    setReporting(true);
    try {
      await reportKbGap({
        question: asked.slice(0, 500),
        query: query.slice(0, 200) || undefined,
        orderId,
        category,
      });
      message.success('已登记知识库缺口，知识库管理员将补充答案');
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setReporting(false);
    }
  };

  const items = results.data?.items ?? [];
  return (
    <Card
      size="small"
      title="知识库"
      data-testid="kb-panel"
      extra={
        <Button size="small" loading={reporting} onClick={() => void reportGap()} data-testid="kb-gap">
          知识库无答案
        </Button>
      }
    >
      <Flex vertical gap={8}>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder="检索办事指南、常见问答"
            value={edited ?? defaultQuery}
            onChange={(event) => setEdited(event.target.value)}
            data-testid="kb-query"
          />
          {edited !== null && (
            <Tooltip title="跟随表单内容检索">
              <Button icon={<UndoOutlined />} onClick={() => setEdited(null)} data-testid="kb-query-follow" />
            </Tooltip>
          )}
        </Space.Compact>
        {results.error ? (
          <Alert type="warning" showIcon title={`检索失败：${errorMessage(results.error)}`} />
        ) : query.length < 2 ? (
          <Typography.Text type="secondary">输入标题或内容后自动检索</Typography.Text>
        ) : items.length === 0 && !results.loading ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未检索到相关知识" />
        ) : (
          <List
            size="small"
            loading={results.loading}
            dataSource={items}
            data-testid="kb-results"
            renderItem={(hit) => (
              <List.Item data-testid="kb-result" data-article-id={hit.articleId}>
                <Flex vertical gap={2} style={{ width: '100%' }}>
                  <Space wrap size={6}>
                    <Tag color={hit.kind === 'faq' ? 'cyan' : 'blue'}>
                      {KIND_LABELS[hit.kind] ?? hit.kind}
                    </Tag>
                    <Typography.Link onClick={() => onOpen(hit.articleId)} data-testid="kb-open">
                      <Highlight text={hit.title} terms={hit.highlights} />
                    </Typography.Link>
                  </Space>
                  {hit.snippet && hit.snippet !== hit.title && (
                    <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                      <Highlight text={hit.snippet} terms={hit.highlights} />
                    </Typography.Paragraph>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="kb-owner">
                    {hit.ownerUnitName}
                    {hit.publishedVersion !== null ? ` · 第 ${hit.publishedVersion} 版` : ''}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Flex>
    </Card>
  );
}
