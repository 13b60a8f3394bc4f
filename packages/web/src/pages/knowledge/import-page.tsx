import { FileTextOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Divider, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { type ImportResult, importArticles } from '../../api/knowledge';
import { ExportButton } from './export-button';
import { ImportResultView } from './import-result';
import { readCsvFile } from './read-csv-file';

const HELP =
  '导入办事指南：CSV 文件（UTF-8 或 GBK，首行为列名；必需列 item_code、item_name，其余列与“导出 CSV”相同，' +
  '也接受政务服务事项目录的导出格式），按事项编码新增或更新，导入即发布。' +
  '先检查，确认无误后再导入；有错误的行不会导入，其余行照常导入。';

interface Chosen {
  name: string;
  text: string;
  lines: number;
}

/** 导入导出: a guide CSV checked with a dry run first, then imported; valid rows go in, bad rows are listed. */
export function ImportPage() {
  const [file, setFile] = useState<Chosen | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<'dry' | 'run' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setPreview(null);
    setDone(null);
    setError(null);
  };

  const choose = async (blob: File) => {
    reset();
    try {
      const text = await readCsvFile(blob);
      setFile({ name: blob.name, text, lines: text.split(/\r?\n/).filter((line) => line.trim()).length - 1 });
    } catch (err) {
      setError(`无法读取文件：${errorMessage(err)}`);
    }
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'dry' : 'run');
    setError(null);
    try {
      const result = await importArticles('guide', file.text, dryRun);
      if (dryRun) {
        setPreview(result);
        setDone(null);
      } else {
        setDone(result);
      }
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title="导入导出" extra={<ExportButton kind="guide" />}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {HELP}
        </Typography.Paragraph>
        <Space wrap>
          <span data-testid="kb-import-file">
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
            <Typography.Text data-testid="kb-import-file-name">
              <FileTextOutlined /> {file.name}（{Math.max(file.lines, 0)} 行数据）
            </Typography.Text>
          )}
        </Space>
        <Space>
          <Button
            disabled={!file || busy !== null}
            loading={busy === 'dry'}
            onClick={() => void run(true)}
            data-testid="kb-import-dry-run"
          >
            检查（不保存）
          </Button>
          <Button
            type="primary"
            disabled={!file || !preview || done !== null || busy !== null}
            loading={busy === 'run'}
            onClick={() => void run(false)}
            data-testid="kb-import-run"
          >
            确认导入
          </Button>
        </Space>
        {error && <Alert type="error" showIcon title={error} data-testid="kb-import-error" />}
        {preview && !done && <ImportResultView result={preview} dryRun />}
        {done && (
          <>
            <Divider style={{ margin: 0 }} />
            <ImportResultView result={done} dryRun={false} />
          </>
        )}
      </Space>
    </Card>
  );
}
