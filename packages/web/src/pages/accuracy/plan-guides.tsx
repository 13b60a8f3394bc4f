import { QUESTION_TEMPLATES, type QuestionTemplateKey, questionFor } from '@huawu/domain';
import { Alert, Empty, Input, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useMemo, useState } from 'react';
import type { GuideCandidate } from '../../api/accuracy';
import { errorMessage } from '../../api/client';
import { formatTime } from '../../lib/format';

export interface PlannedItem {
  question: string;
  phone: string;
}

interface Props {
  candidates: GuideCandidate[];
  loading: boolean;
  error: unknown;
  selected: Map<string, PlannedItem>;
  onChange: (next: Map<string, PlannedItem>) => void;
  /** Issues the server reported per item (`items[i].field`), by article id. */
  itemErrors: Map<string, string[]>;
}

const rowProps = (testId: string, title: string) =>
  ({ 'data-testid': testId, 'data-title': title }) as HTMLAttributes<HTMLElement>;

/**
 * Picking guides for a round: the published guides of the chosen units (filterable), then, for each
 * picked guide, the question to ask (from a template or free text) and the number to dial.
 */
export function PlanGuides({ candidates, loading, error, selected, onChange, itemErrors }: Props) {
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const q = filter.trim();
    return q ? candidates.filter((c) => c.title.includes(q) || c.ownerUnitName.includes(q)) : candidates;
  }, [candidates, filter]);
  const picked = candidates.filter((c) => selected.has(c.articleId));
  const update = (id: string, patch: Partial<PlannedItem>) => {
    const next = new Map(selected);
    const current = next.get(id);
    if (current) next.set(id, { ...current, ...patch });
    onChange(next);
  };

  const candidateColumns: TableColumnsType<GuideCandidate> = [
    { title: '单位', dataIndex: 'ownerUnitName', key: 'unit', width: 180, ellipsis: true },
    {
      title: '办事指南',
      dataIndex: 'title',
      key: 'title',
      ellipsis: true,
      render: (title: string, g) => (
        <span title={title}>
          {title} <Typography.Text type="secondary">第{g.publishedVersion}版</Typography.Text>
        </span>
      ),
    },
    {
      title: '咨询电话',
      key: 'phone',
      width: 200,
      render: (_: unknown, g) =>
        g.phone ? (
          <Space size={4}>
            {g.phone}
            {g.phoneSource === 'unit' && <Tag>单位值班电话</Tag>}
          </Space>
        ) : (
          <Typography.Text type="danger">无</Typography.Text>
        ),
    },
    {
      title: '上次检查',
      dataIndex: 'lastCheckedAt',
      key: 'last',
      width: 140,
      render: (at: string | null) => (at ? formatTime(at, 'YYYY-MM-DD') : '从未检查'),
    },
  ];

  const itemColumns: TableColumnsType<GuideCandidate> = [
    { title: '办事指南', dataIndex: 'title', key: 'title', width: 220, ellipsis: true },
    {
      title: '检查问题',
      key: 'question',
      render: (_: unknown, g) => (
        <Space.Compact style={{ width: '100%' }}>
          <Select<QuestionTemplateKey>
            placeholder="问题模板"
            style={{ width: 130 }}
            options={QUESTION_TEMPLATES.map((t) => ({ value: t.key, label: t.label }))}
            onChange={(key) => update(g.articleId, { question: questionFor(g.title, key) })}
          />
          <Input
            value={selected.get(g.articleId)?.question}
            maxLength={300}
            onChange={(e) => update(g.articleId, { question: e.target.value })}
            data-testid={`plan-question-${g.articleId}`}
          />
        </Space.Compact>
      ),
    },
    {
      title: '拨打号码',
      key: 'phone',
      width: 180,
      render: (_: unknown, g) => (
        <Input
          value={selected.get(g.articleId)?.phone}
          maxLength={40}
          placeholder="咨询电话"
          status={itemErrors.has(g.articleId) ? 'error' : undefined}
          onChange={(e) => update(g.articleId, { phone: e.target.value })}
          data-testid={`plan-phone-${g.articleId}`}
        />
      ),
    },
  ];

  if (error)
    return <Alert type="error" showIcon title="办事指南加载失败" description={errorMessage(error)} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Input.Search
        allowClear
        placeholder="按指南名称或单位筛选"
        style={{ maxWidth: 360 }}
        onChange={(e) => setFilter(e.target.value)}
        onSearch={setFilter}
        data-testid="plan-guide-filter"
      />
      <Table<GuideCandidate>
        rowKey="articleId"
        size="small"
        loading={loading}
        columns={candidateColumns}
        dataSource={shown}
        locale={{ emptyText: <Empty description="所选单位没有已发布的办事指南" /> }}
        pagination={{ pageSize: 10, showTotal: (total) => `共 ${total} 个指南` }}
        onRow={(g) => rowProps('candidate-row', g.title)}
        rowSelection={{
          selectedRowKeys: [...selected.keys()],
          preserveSelectedRowKeys: true,
          onChange: (keys) => {
            const next = new Map<string, PlannedItem>();
            for (const key of keys) {
              const id = String(key);
              const g = candidates.find((c) => c.articleId === id);
              next.set(id, selected.get(id) ?? { question: g?.question ?? '', phone: g?.phone ?? '' });
            }
            onChange(next);
          },
        }}
        data-testid="plan-candidates"
      />
      {picked.length > 0 && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            已选 {picked.length} 个检查项：检查问题与拨打号码
          </Typography.Title>
          <Table<GuideCandidate>
            rowKey="articleId"
            size="small"
            columns={itemColumns}
            dataSource={picked}
            pagination={false}
            onRow={(g) => rowProps('plan-item-row', g.title)}
            data-testid="plan-items"
          />
          {[...itemErrors].map(([id, messages]) => (
            <Alert
              key={id}
              type="error"
              showIcon
              title={`${candidates.find((c) => c.articleId === id)?.title ?? id}：${messages.join('；')}`}
            />
          ))}
        </>
      )}
    </Space>
  );
}
