import { Alert, Descriptions, Table } from 'antd';
import type { ImportResult } from '../../api/knowledge';

type Rejected = ImportResult['rejected'][number];

/** Counts of one import (or dry run) and every rejected row with its field and reason. */
export function ImportResultView({ result, dryRun }: { result: ImportResult; dryRun: boolean }) {
  return (
    <div
      data-testid={dryRun ? 'kb-import-preview' : 'kb-import-done'}
      data-created={result.created}
      data-updated={result.updated}
      data-rejected={result.rejected.length}
    >
      <Alert
        type={result.rejected.length ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 16 }}
        title={
          dryRun
            ? `检查完成（未保存）：共 ${result.total} 行，可新增 ${result.created} 条、更新 ${result.updated} 条、无变化 ${result.unchanged} 条，${result.rejected.length} 行有错误`
            : `导入完成：新增 ${result.created} 条、更新 ${result.updated} 条、无变化 ${result.unchanged} 条，${result.rejected.length} 行未导入`
        }
      />
      <Descriptions
        size="small"
        bordered
        column={5}
        items={[
          { key: 'total', label: '总行数', children: result.total },
          { key: 'created', label: dryRun ? '将新增' : '新增', children: result.created },
          { key: 'updated', label: dryRun ? '将更新' : '更新', children: result.updated },
          { key: 'unchanged', label: '无变化', children: result.unchanged },
          { key: 'rejected', label: '有错误', children: result.rejected.length },
        ]}
        style={{ marginBottom: 16 }}
      />
      {result.rejected.length > 0 && (
        <Table<Rejected>
          rowKey={(row) => `${row.row}-${row.field}-${row.message}`}
          size="small"
          pagination={result.rejected.length > 20 ? { pageSize: 20 } : false}
          dataSource={result.rejected}
          onRow={() => ({ 'data-testid': 'kb-import-rejected' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: '行号', dataIndex: 'row', key: 'row', width: 80 },
            { title: '字段', dataIndex: 'field', key: 'field', width: 160 },
            { title: '问题', dataIndex: 'message', key: 'message' },
          ]}
          data-testid="kb-import-rejected-table"
        />
      )}
    </div>
  );
}
