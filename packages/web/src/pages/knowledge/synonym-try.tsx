import { Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { SearchResults } from './search-results';

interface Props {
  /** Bumped after every change of the dictionary, so the same query is asked again. */
  revision: number;
}

/**
 * 试一试: asks the agents' search (published, valid articles) and shows how the question was understood
 * (its terms after synonym expansion) and the top results — the quickest check of a new group.
 */
export function SynonymTry({ revision }: Props) {
  const [q, setQ] = useState('');
  const [asked, setAsked] = useState(0);
  return (
    <Card size="small" title="试一试" data-testid="kb-synonym-try">
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          输入群众的问法，查看检索如何理解它（检索词）以及排在前面的知识。
        </Typography.Text>
        <Input.Search
          allowClear
          enterButton="检索"
          maxLength={100}
          placeholder="例如：暖气费怎么交"
          onSearch={(value) => {
            setQ(value.trim());
            setAsked((n) => n + 1);
          }}
          data-testid="kb-synonym-try-input"
        />
        {q && <SearchResults key={`${revision}:${asked}`} q={q} includeDrafts={false} />}
      </Space>
    </Card>
  );
}
