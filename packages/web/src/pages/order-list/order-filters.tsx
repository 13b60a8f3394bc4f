import { APPEAL_TYPES, STATUSES, STATUS_LABELS, URGENCIES } from '@huawu/domain';
import { Button, DatePicker, Flex, Input, Select, Switch, TreeSelect, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { OrderQuery } from '../../api/types';
import type { UnitTreeNode } from '../../lib/unit-tree';
import type { FilterPatch } from './list-query';

interface Props {
  query: OrderQuery;
  unitTree: UnitTreeNode[];
  unitsLoading: boolean;
  onChange: (patch: FilterPatch) => void;
  onReset: () => void;
}

const statusOptions = STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }));
const toOptions = (field: { values: readonly string[]; labels: Record<string, string> }) =>
  field.values.map((value) => ({ value, label: field.labels[value] ?? value }));
const DATE = 'YYYY-MM-DD';

export function OrderFilters({ query, unitTree, unitsLoading, onChange, onReset }: Props) {
  const [keyword, setKeyword] = useState(query.q ?? '');
  useEffect(() => setKeyword(query.q ?? ''), [query.q]);

  const range: [Dayjs | null, Dayjs | null] | null =
    query.from || query.to
      ? [query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]
      : null;

  return (
    <Flex wrap gap="small" align="center" style={{ marginBottom: 16 }} data-testid="order-filters">
      <Input.Search
        allowClear
        placeholder="编号 / 标题 / 内容 / 地址"
        style={{ width: 260 }}
        value={keyword}
        onChange={(event) => setKeyword(event.target.value)}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
        data-testid="filter-q"
      />
      <Select
        mode="multiple"
        allowClear
        placeholder="状态"
        style={{ minWidth: 200 }}
        maxTagCount="responsive"
        options={statusOptions}
        value={query.status ?? []}
        onChange={(value) => onChange({ status: value.length ? value : undefined })}
        data-testid="filter-status"
      />
      <Select
        allowClear
        placeholder="诉求类型"
        style={{ width: 120 }}
        options={toOptions(APPEAL_TYPES)}
        value={query.appealType}
        onChange={(value?: string) => onChange({ appealType: value })}
        data-testid="filter-appealType"
      />
      <Select
        allowClear
        placeholder="紧急程度"
        style={{ width: 120 }}
        options={toOptions(URGENCIES)}
        value={query.urgency}
        onChange={(value?: string) => onChange({ urgency: value })}
        data-testid="filter-urgency"
      />
      <TreeSelect
        allowClear
        showSearch
        treeNodeFilterProp="title"
        treeDefaultExpandAll
        placeholder="承办单位"
        style={{ width: 220 }}
        loading={unitsLoading}
        treeData={unitTree}
        value={query.unitId}
        onChange={(value?: string) => onChange({ unitId: value })}
        data-testid="filter-unitId"
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        value={range}
        placeholder={['受理开始日期', '受理结束日期']}
        onChange={(dates) =>
          onChange({ from: dates?.[0]?.format(DATE) ?? undefined, to: dates?.[1]?.format(DATE) ?? undefined })
        }
        data-testid="filter-dates"
      />
      <Flex align="center" gap={6}>
        <Switch
          checked={query.overdue === true}
          onChange={(checked) => onChange({ overdue: checked || undefined })}
          data-testid="filter-overdue"
        />
        <Typography.Text>仅超期</Typography.Text>
      </Flex>
      <Button onClick={onReset} data-testid="filter-reset">
        重置
      </Button>
    </Flex>
  );
}
