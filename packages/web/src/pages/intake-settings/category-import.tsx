import { FileTextOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { type CategoryImportResult, importCategories } from '../../api/intake';
import { readCsvFile } from '../knowledge/read-csv-file';

const HELP =
  'CSV 文件（UTF-8 或 GBK），每行 code,name,parent_code[,emergency_hint]，首行列名可选。新编码新建，已有编码更新' +
  '（名称、上级、紧急提示，并重新启用）；下级编码须以上级编码开头（如 01 → 0101）。先检查，确认无误后再导入；' +
  '有错误的行不会导入，其余行照常导入。';

type Rejected = CategoryImportResult['rejected'][number];

function ResultView({ result, dryRun }: { result: CategoryImportResult; dryRun: boolean }) {
  const bad = result.rejected.length;
  const badRows = new Set(result.rejected.map((r) => r.row)).size;
  return (
    <div
      data-testid={dryRun ? 'category-import-preview' : 'category-import-done'}
      data-created={result.created}
      data-updated={result.updated}
      data-rejected={bad}
    >
      <Alert
        type={bad ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 12 }}
        title={
          dryRun
            ? `检查完成（未保存）：共 ${result.total} 行，可新增 ${result.created} 个、更新 ${result.updated} 个，${badRows} 行有错误`
            : `导入完成：新增 ${result.created} 个、更新 ${result.updated} 个，${badRows} 行未导入`
        }
      />
      <Descriptions
        size="small"
        bordered
        column={4}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'total', label: '总行数', children: result.total },
          { key: 'created', label: dryRun ? '将新增' : '新增', children: result.created },
          { key: 'updated', label: dryRun ? '将更新' : '更新', children: result.updated },
          { key: 'rejected', label: '有错误的行', children: badRows },
        ]}
      />
      {bad > 0 && (
        <Table<Rejected>
          rowKey={(row) => `${row.row}-${row.field}-${row.message}`}
          size="small"
          pagination={bad > 20 ? { pageSize: 20 } : false}
          dataSource={result.rejected}
          onRow={() => ({ 'data-testid': 'category-import-rejected' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: '行号', dataIndex: 'row', key: 'row', width: 80 },
            { title: '字段', dataIndex: 'field', key: 'field', width: 140 },
            { title: '问题', dataIndex: 'message', key: 'message' },
          ]}
        />
      )}
    </div>
  );
}

/** 导入诉求分类: a CSV read in the browser, checked with a dry run, then imported (valid rows kept). */
export function CategoryImport({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<{ name: string; text: string; lines: number } | null>(null);
  const [preview, setPreview] = useState<CategoryImportResult | null>(null);
  const [done, setDone] = useState<CategoryImportResult | null>(null);
  const [busy, setBusy] = useState<'dry' | 'run' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = async (blob: File) => {
    setPreview(null);
    setDone(null);
    setError(null);
    try {
      const text = await readCsvFile(blob);
      setFile({ name: blob.name, text, lines: text.split(/\r?\n/).filter((line) => line.trim()).length });
    } catch (err) {
      setError(`无法读取文件：${errorMessage(err)}`);
    }
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'dry' : 'run');
    setError(null);
    try {
      const result = await importCategories(file.text, dryRun);
      if (dryRun) {
        setPreview(result);
        setDone(null);
      } else {
        setDone(result);
        onImported();
      }
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card size="small" title="导入诉求分类" data-testid="category-import">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {HELP}
        </Typography.Paragraph>
        <Space wrap>
          <span data-testid="category-import-file">
            <Upload
              accept=".csv,text/csv"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(blob) => {
                void choose(blob);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>选择 CSV 文件</Button>
            </Upload>
          </span>
          {file && (
            <Typography.Text data-testid="category-import-file-name">
              <FileTextOutlined /> {file.name}（{file.lines} 行）
            </Typography.Text>
          )}
        </Space>
        <Space>
          <Button
            disabled={!file || busy !== null}
            loading={busy === 'dry'}
            onClick={() => void run(true)}
            data-testid="category-import-dry-run"
          >
            检查（不保存）
          </Button>
          <Button
            type="primary"
            disabled={!file || !preview || done !== null || busy !== null}
            loading={busy === 'run'}
            onClick={() => void run(false)}
            data-testid="category-import-run"
          >
            确认导入
          </Button>
        </Space>
        {error && <Alert type="error" showIcon title={error} data-testid="category-import-error" />}
        {preview && !done && <ResultView result={preview} dryRun />}
        {done && <ResultView result={done} dryRun={false} />}
      </Space>
    </Card>
  );
}
