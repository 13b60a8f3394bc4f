import { Select } from 'antd';
import { useCallback, useState } from 'react';
import { searchKnowledge } from '../../api/knowledge';
import { useAsync } from '../../lib/use-async';
import { useDebounced } from './use-debounced';

/** A Select that searches published articles as you type (GET /api/kb/search). */
export function ArticlePicker({
  value,
  onChange,
  initialQuery = '',
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  initialQuery?: string;
}) {
  const [text, setText] = useState(initialQuery);
  const q = useDebounced(text.trim(), 250);
  const { data, loading } = useAsync(
    useCallback(() => (q ? searchKnowledge({ q, limit: 20 }) : Promise.resolve(null)), [q]),
  );
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      allowClear
      value={value}
      onChange={(id?: string) => onChange?.(id)}
      loading={loading}
      placeholder="输入关键词查找知识"
      notFoundContent={q ? '未找到' : '请输入关键词'}
      options={(data?.items ?? []).map((hit) => ({
        value: hit.articleId,
        label: `${hit.title}（${hit.ownerUnitName}）`,
      }))}
      data-testid="kb-article-picker"
    />
  );
}
