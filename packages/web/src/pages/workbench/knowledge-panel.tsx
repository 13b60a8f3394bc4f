import { SearchOutlined, UndoOutlined } from '@ant-design/icons';
import { KB_ARTICLE_KINDS } from '@huawu/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  List,
  Segmented,
  Space,
  Tag,
  Tooltip,
  TreeSelect,
  Typography,
} from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { type KbFilter, reportKbGap, searchKb } from '../../api/kb-search';
import { useUnits } from '../../lib/use-units';
import { Highlight } from './highlight';
import { useLiveQuery } from './use-live-query';

const KIND_LABELS: Record<string, string> = KB_ARTICLE_KINDS.labels;
const KIND_OPTIONS = [
  { value: 'all', label: '全部' },
  ...KB_ARTICLE_KINDS.values.map((value) => ({ value, label: KB_ARTICLE_KINDS.labels[value] })),
];

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
  const [filter, setFilter] = useState<KbFilter>({});
  const units = useUnits();
  const query = (edited ?? defaultQuery).trim();
  // The key carries the filters, so changing one searches again at once.
  const key = query.length >= 2 ? JSON.stringify([query, filter.kind, filter.unitId]) : null;
  const results = useLiveQuery(key, (signal) => searchKb(query, signal, filter), 350);

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
        <Flex gap={8} wrap>
          <Segmented
            size="small"
            options={KIND_OPTIONS}
            value={filter.kind ?? 'all'}
            onChange={(value) =>
              setFilter((f) => ({ ...f, kind: value === 'all' ? undefined : (value as KbFilter['kind']) }))
            }
            data-testid="kb-kind"
          />
          <TreeSelect
            size="small"
            allowClear
            showSearch
            treeNodeFilterProp="title"
            placeholder="责任单位"
            style={{ minWidth: 180, flex: 1 }}
            treeData={units.handlingTree}
            value={filter.unitId}
            onChange={(unitId?: string) => setFilter((f) => ({ ...f, unitId }))}
            data-testid="kb-unit"
          />
        </Flex>
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
