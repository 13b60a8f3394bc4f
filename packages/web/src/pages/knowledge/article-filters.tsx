import { Button, Flex, Select, Switch, TreeSelect, Typography } from 'antd';
import type { ArticleQuery } from '../../api/knowledge';
import type { UnitTreeNode } from '../../lib/unit-tree';
import { ARTICLE_STATUSES, ARTICLE_STATUS_LABELS, KINDS, KIND_LABELS, toOptions } from './kb-labels';
import type { ArticleFilterPatch } from './kb-list-query';

interface Props {
  query: ArticleQuery;
  unitTree: UnitTreeNode[];
  unitsLoading: boolean;
  onChange: (patch: ArticleFilterPatch) => void;
  onReset: () => void;
}

/** 类型 / 状态 / 主管单位 / 待复审 filters of the article list. */
export function ArticleFilters({ query, unitTree, unitsLoading, onChange, onReset }: Props) {
  return (
    <Flex wrap gap="small" align="center" data-testid="kb-filters">
      <Select
        allowClear
        placeholder="类型"
        style={{ width: 120 }}
        options={toOptions(KINDS, KIND_LABELS)}
        value={query.kind}
        onChange={(kind?: string) => onChange({ kind })}
        data-testid="kb-filter-kind"
      />
      <Select
        allowClear
        placeholder="状态"
        style={{ width: 120 }}
        options={toOptions(ARTICLE_STATUSES, ARTICLE_STATUS_LABELS)}
        value={query.status}
        onChange={(status?: string) => onChange({ status })}
        data-testid="kb-filter-status"
      />
      <TreeSelect
        allowClear
        showSearch
        treeNodeFilterProp="title"
        treeDefaultExpandAll
        placeholder="主管单位"
        style={{ width: 220 }}
        loading={unitsLoading}
        treeData={unitTree}
        value={query.unitId}
        onChange={(unitId?: string) => onChange({ unitId })}
        data-testid="kb-filter-unit"
      />
      <Flex align="center" gap={6}>
        <Switch
          checked={query.stale === true}
          onChange={(checked) => onChange({ stale: checked || undefined })}
          data-testid="kb-filter-stale"
        />
        <Typography.Text>待复审</Typography.Text>
      </Flex>
      <Button onClick={onReset} data-testid="kb-filter-reset">
        重置
      </Button>
    </Flex>
  );
}
