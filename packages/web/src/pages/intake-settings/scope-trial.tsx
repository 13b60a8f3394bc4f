import { ExperimentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Input, List, Space, Tag, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { type IntakeCheck, tryScope } from '../../api/intake';
import type { CategoryNode } from '../../lib/category-tree';
import { DECISION_LABELS, reasonLabel, targetLabel } from './scope-labels';

type Scope = IntakeCheck['scope'];

const DECISION_TYPE: Record<string, 'success' | 'warning' | 'error'> = {
  accept: 'success',
  not_accept: 'warning',
  emergency: 'error',
};

/**
 * 试一试: a caller's sentence run through the saved, active rules exactly as the workbench checks a
 * call (POST /api/intake/check), so an editor sees which rules fire, and on which words, before callers do.
 */
export function ScopeTrial({
  categories,
  onMatches,
}: {
  categories: CategoryNode[];
  /** The ids of the rules that matched the last try (to highlight them in the table). */
  onMatches: (ruleIds: string[]) => void;
}) {
  const [text, setText] = useState('');
  const [category, setCategory] = useState<string | undefined>();
  const [scope, setScope] = useState<Scope | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    if (!text.trim() && !category) return;
    setBusy(true);
    setError(null);
    try {
      const result = await tryScope({ content: text.trim(), ...(category ? { category } : {}) });
      setScope(result.scope);
      onMatches(result.scope.matches.map((match) => match.ruleId));
    } catch (err) {
      setError(errorMessage(err));
      setScope(null);
      onMatches([]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={
        <Space>
          <ExperimentOutlined />
          试一试
        </Space>
      }
      data-testid="scope-trial"
    >
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          输入一句来电人的话，按已保存并启用的规则检查（与受理台相同）。
        </Typography.Text>
        <Input.TextArea
          rows={2}
          maxLength={2000}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onPressEnter={(event) => {
            if (!event.shiftKey) {
              event.preventDefault();
              void run();
            }
          }}
          placeholder="如：我们小区电梯困人了，里面有个老人"
          data-testid="scope-trial-input"
        />
        <Space wrap>
          <TreeSelect
            allowClear
            showSearch
            treeNodeFilterProp="title"
            treeData={categories}
            value={category}
            onChange={(value) => setCategory(value)}
            placeholder="诉求分类（可选）"
            style={{ minWidth: 240 }}
            listHeight={280}
            data-testid="scope-trial-category"
          />
          <Button
            type="primary"
            loading={busy}
            disabled={!text.trim() && !category}
            onClick={() => void run()}
            data-testid="scope-trial-run"
          >
            检查
          </Button>
        </Space>
        {error && <Alert type="error" showIcon title={error} />}
        {scope && (
          <div data-testid="scope-trial-result" data-decision={scope.decision}>
            <Alert
              type={DECISION_TYPE[scope.decision] ?? 'info'}
              showIcon
              title={`判断：${DECISION_LABELS[scope.decision] ?? scope.decision}`}
              description={scope.matches.length === 0 ? '没有规则命中，按正常流程受理。' : undefined}
              style={{ marginBottom: 8 }}
              data-testid="scope-trial-decision"
            />
            {scope.matches.length > 0 ? (
              <List
                size="small"
                bordered
                dataSource={scope.matches}
                renderItem={(match) => (
                  <List.Item data-testid="scope-trial-match" data-rule-id={match.ruleId}>
                    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                      <Space wrap>
                        <Tag color={match.kind === 'emergency' ? 'red' : 'orange'}>
                          {match.kind === 'emergency' ? '紧急' : '不予受理'}
                        </Tag>
                        <Typography.Text strong>{match.label}</Typography.Text>
                        {match.target && <Tag color="volcano">转 {targetLabel(match.target)}</Tag>}
                        {match.reasonCode && <Tag>{reasonLabel(match.reasonCode)}</Tag>}
                      </Space>
                      <Space size={4} wrap>
                        <span>命中：</span>
                        {match.matched.map((word) => (
                          <Tag key={word} color="gold" data-testid="scope-trial-word">
                            {word}
                          </Tag>
                        ))}
                      </Space>
                      <Typography.Text type="secondary">{match.script}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无命中规则" />
            )}
          </div>
        )}
      </Space>
    </Card>
  );
}
