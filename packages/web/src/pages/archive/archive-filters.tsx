import { APPEAL_TYPES } from '@huawu/domain';
import { Button, DatePicker, Flex, Input, Select, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { ArchiveQuery } from '../../api/archive';

const DATE = 'YYYY-MM-DD';
const appealOptions = APPEAL_TYPES.values.map((value) => ({ value, label: APPEAL_TYPES.labels[value] }));

interface Props {
  query: ArchiveQuery;
  onChange: (patch: Partial<ArchiveQuery>) => void;
  onReset: () => void;
}

/** 档案查询 filters: 关键词, 诉求类型, 归档日期, 已到保管期限. */
export function ArchiveFilters({ query, onChange, onReset }: Props) {
  const [keyword, setKeyword] = useState(query.q ?? '');
  useEffect(() => setKeyword(query.q ?? ''), [query.q]);
  return (
    <Flex wrap gap="small" align="center" style={{ marginBottom: 16 }} data-testid="archive-filters">
      <Input.Search
        allowClear
        placeholder="工单号 / 标题 / 内容"
        style={{ width: 260 }}
        value={keyword}
        onChange={(event) => setKeyword(event.target.value)}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
        data-testid="archive-filter-q"
      />
      <Select
        allowClear
        placeholder="诉求类型"
        style={{ width: 120 }}
        options={appealOptions}
        value={query.appealType}
        onChange={(value?: string) => onChange({ appealType: value })}
        data-testid="archive-filter-appealType"
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        value={
          query.from || query.to
            ? [query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]
            : null
        }
        placeholder={['归档开始日期', '归档结束日期']}
        onChange={(dates) =>
          onChange({ from: dates?.[0]?.format(DATE) ?? undefined, to: dates?.[1]?.format(DATE) ?? undefined })
        }
        data-testid="archive-filter-dates"
      />
      <Flex align="center" gap={6}>
        <Switch
          checked={query.expired === true}
          onChange={(checked) => onChange({ expired: checked || undefined })}
          data-testid="archive-filter-expired"
        />
        <Typography.Text>已到保管期限</Typography.Text>
      </Flex>
      <Button onClick={onReset}>重置</Button>
    </Flex>
  );
}
