import { Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { EMPTY } from '../../lib/format';
import type { DiffRow } from './field-diff';

const cell = (text: string, tone?: 'success' | 'danger') =>
  text ? (
    <Typography.Text type={tone} style={{ whiteSpace: 'pre-wrap' }}>
      {text}
    </Typography.Text>
  ) : (
    <Typography.Text type="secondary">{EMPTY}</Typography.Text>
  );

/** Side-by-side field comparison; changed rows are tinted and, by default, the only ones shown. */
export function VersionDiff({
  rows,
  beforeTitle,
  afterTitle,
}: {
  rows: DiffRow[];
  beforeTitle: string;
  afterTitle: string;
}) {
  const [onlyChanged, setOnlyChanged] = useState(true);
  const changed = rows.filter((row) => row.changed);
  return (
    <div data-testid="kb-diff" data-changed={changed.length}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        共 {changed.length} 处改动 <Switch size="small" checked={onlyChanged} onChange={setOnlyChanged} />{' '}
        只看改动
      </Typography.Paragraph>
      <Table<DiffRow>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={onlyChanged ? changed : rows}
        rowClassName={(row) => (row.changed ? 'kb-diff-changed' : '')}
        onRow={(row) =>
          ({
            'data-testid': 'kb-diff-row',
            'data-field': row.key,
            'data-changed': row.changed ? 'true' : 'false',
            style: row.changed ? { background: '#fffbe6' } : undefined,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: '字段', dataIndex: 'label', key: 'label', width: 110 },
          {
            title: beforeTitle,
            key: 'before',
            render: (_: unknown, row) => cell(row.before, row.changed ? 'danger' : undefined),
          },
          {
            title: afterTitle,
            key: 'after',
            render: (_: unknown, row) => cell(row.after, row.changed ? 'success' : undefined),
          },
        ]}
      />
    </div>
  );
}
