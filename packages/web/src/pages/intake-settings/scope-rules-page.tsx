import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Segmented,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { errorMessage } from '../../api/client';
import { fetchCategories, fetchScopeRules, type ScopeRule, updateScopeRule } from '../../api/intake';
import { buildCategoryTree } from '../../lib/category-tree';
import { EMPTY } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { reasonLabel, targetLabel } from './scope-labels';
import { ScopeRuleModal } from './scope-rule-modal';
import { ScopeTrial } from './scope-trial';

const SHOWN_WORDS = 6;

function Words({ words, color, testId }: { words: string[]; color?: string; testId: string }) {
  if (words.length === 0) return <>{EMPTY}</>;
  const rest = words.slice(SHOWN_WORDS);
  return (
    <Space size={[0, 4]} wrap data-testid={testId}>
      {words.slice(0, SHOWN_WORDS).map((word) => (
        <Tag key={word} color={color}>
          {word}
        </Tag>
      ))}
      {rest.length > 0 && (
        <Tooltip title={rest.join('、')}>
          <Tag>+{rest.length}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}

const bodyOf = (rule: ScopeRule, active: boolean) => ({
  kind: rule.kind,
  label: rule.label,
  keywords: rule.keywords,
  exclusions: rule.exclusions,
  categories: rule.categories,
  target: rule.target,
  reasonCode: rule.reasonCode,
  script: rule.script,
  priority: rule.priority,
  active,
});

type KindFilter = 'all' | 'emergency' | 'not_accept';

/**
 * 受理范围规则: the keyword rules behind the workbench's emergency banner and not-our-remit prompt,
 * editable in a modal, with a 试一试 box that runs a sentence through them.
 */
export function ScopeRulesPage() {
  const { message } = App.useApp();
  const rules = useAsync(useCallback(() => fetchScopeRules(), []));
  const categories = useAsync(useCallback(() => fetchCategories(), []));
  const tree = useMemo(() => buildCategoryTree(categories.data?.items ?? []), [categories.data]);
  const names = useMemo(
    () => new Map((categories.data?.items ?? []).map((c) => [c.code, c.path])),
    [categories.data],
  );
  const [editing, setEditing] = useState<ScopeRule | 'new' | null>(null);
  const [matched, setMatched] = useState<string[]>([]);
  const [filter, setFilter] = useState<KindFilter>('all');
  const [toggling, setToggling] = useState<string | null>(null);

  const toggle = async (rule: ScopeRule, active: boolean) => {
    setToggling(rule.id);
    try {
      await updateScopeRule(rule.id, bodyOf(rule, active));
      message.success(active ? '规则已启用' : '规则已停用');
      rules.reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setToggling(null);
    }
  };

  const columns: TableColumnsType<ScopeRule> = [
    {
      title: '类型',
      dataIndex: 'kind',
      key: 'kind',
      width: 64,
      render: (kind: string, rule) => (
        <Tag color={kind === 'emergency' ? 'red' : 'orange'}>
          {kind === 'emergency' ? '紧急' : rule.kindLabel}
        </Tag>
      ),
    },
    { title: '规则名称', dataIndex: 'label', key: 'label', width: 100 },
    {
      title: '关键词',
      key: 'keywords',
      render: (_: unknown, rule) => <Words words={rule.keywords} color="blue" testId="rule-keywords-cell" />,
    },
    {
      title: '排除',
      key: 'exclusions',
      width: 130,
      render: (_: unknown, rule) => <Words words={rule.exclusions} testId="rule-exclusions-cell" />,
    },
    {
      title: '分类',
      key: 'categories',
      width: 90,
      render: (_: unknown, rule) =>
        rule.categories.length === 0 ? (
          EMPTY
        ) : (
          <Space size={[0, 4]} wrap>
            {rule.categories.map((code) => (
              <Tooltip key={code} title={names.get(code) ?? '未知分类'}>
                <Tag>{code}</Tag>
              </Tooltip>
            ))}
          </Space>
        ),
    },
    {
      title: '转接 / 原因',
      key: 'target',
      width: 120,
      render: (_: unknown, rule) =>
        rule.kind === 'emergency' ? (
          <Tag color="volcano" data-testid="rule-target-cell">
            {targetLabel(rule.target) || EMPTY}
          </Tag>
        ) : (
          <Tooltip title={reasonLabel(rule.reasonCode)}>
            <Typography.Text style={{ fontSize: 12 }}>
              {rule.reasonCode ?? EMPTY}
              <br />
              <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 110 }}>
                {reasonLabel(rule.reasonCode)}
              </Typography.Text>
            </Typography.Text>
          </Tooltip>
        ),
    },
    {
      title: '话术',
      dataIndex: 'script',
      key: 'script',
      width: 160,
      ellipsis: { showTitle: false },
      render: (script: string) => (
        <Tooltip title={script} placement="topLeft">
          {script}
        </Tooltip>
      ),
    },
    { title: '优先级', dataIndex: 'priority', key: 'priority', width: 60, align: 'right' },
    {
      title: '启用',
      dataIndex: 'active',
      key: 'active',
      width: 56,
      render: (active: boolean, rule) => (
        <Switch
          size="small"
          checked={active}
          loading={toggling === rule.id}
          onChange={(checked) => void toggle(rule, checked)}
          data-testid="rule-toggle"
        />
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 76,
      render: (_: unknown, rule) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(rule)} data-testid="rule-edit">
          编辑
        </Button>
      ),
    },
  ];

  const items = (rules.data?.items ?? []).filter((rule) => filter === 'all' || rule.kind === filter);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ScopeTrial categories={tree} onMatches={setMatched} />
      <Card
        title="受理范围规则"
        extra={
          <Space>
            <Segmented<KindFilter>
              value={filter}
              onChange={setFilter}
              options={[
                { value: 'all', label: '全部' },
                { value: 'emergency', label: '紧急转接' },
                { value: 'not_accept', label: '不予受理' },
              ]}
              data-testid="rule-filter"
            />
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="rule-new"
            >
              新增规则
            </Button>
          </Space>
        }
      >
        {rules.error ? (
          <Alert
            type="error"
            showIcon
            title="规则加载失败"
            description={errorMessage(rules.error)}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Table<ScopeRule>
          rowKey="id"
          size="small"
          loading={rules.loading}
          columns={columns}
          dataSource={items}
          pagination={items.length > 30 ? { pageSize: 30 } : false}
          onRow={(rule) =>
            ({
              'data-testid': 'rule-row',
              'data-rule-id': rule.id,
              'data-label': rule.label,
              'data-matched': String(matched.includes(rule.id)),
              style: {
                ...(matched.includes(rule.id) ? { background: '#fffbe6' } : {}),
                ...(rule.active ? {} : { opacity: 0.55 }),
              },
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      </Card>
      {editing && (
        <ScopeRuleModal
          {...(editing === 'new' ? {} : { rule: editing })}
          categories={tree}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            rules.reload();
          }}
        />
      )}
    </Space>
  );
}
