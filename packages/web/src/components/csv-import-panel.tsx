import { FileTextOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Divider, Space, Table, Typography, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { errorMessage } from '../api/client';
import { readCsvFile } from '../lib/read-csv-file';

/** What an import (or its dry run) reports: counts and every rejected row with its field and reason. */
export interface CsvImportResult {
  total: number;
  created: number;
  updated: number;
  /** Rows that matched what is stored; only imports that tell them apart report it. */
  unchanged?: number;
  rejected: { row: number; field: string; message: string }[];
}

type Rejected = CsvImportResult['rejected'][number];

interface Props {
  title: ReactNode;
  /** Shown in the card's header, e.g. an export button. */
  extra?: ReactNode;
  size?: 'small' | 'default';
  help: ReactNode;
  /**
   * Prefix of the data-testids: `-file`, `-file-name`, `-dry-run`, `-run`, `-error`, `-preview`,
   * `-done`, `-rejected` (one per rejected row) and `-rejected-table`.
   */
  testIdPrefix: string;
  /** data-testid of the card itself (left off when the prefix already names something else). */
  cardTestId?: string;
  /** The counter word of the imported things in the summaries (个, 条). */
  unit: string;
  /** The file always starts with a header line: the file name then shows the number of data rows. */
  headerRow?: boolean;
  /** Posts the CSV text; `dryRun` checks every row and saves nothing. */
  importCsv: (csv: string, dryRun: boolean) => Promise<CsvImportResult>;
  onImported?: () => void;
}

interface Chosen {
  name: string;
  text: string;
  /** Non-empty lines, less the header line when the file always has one. */
  rows: number;
}

function ResultView({
  result,
  dryRun,
  unit,
  testIdPrefix,
}: {
  result: CsvImportResult;
  dryRun: boolean;
  unit: string;
  testIdPrefix: string;
}) {
  const bad = result.rejected.length;
  const badRows = new Set(result.rejected.map((r) => r.row)).size;
  const unchanged = result.unchanged === undefined ? '' : `、无变化 ${result.unchanged} ${unit}`;
  const items = [
    { key: 'total', label: '总行数', children: result.total },
    { key: 'created', label: dryRun ? '将新增' : '新增', children: result.created },
    { key: 'updated', label: dryRun ? '将更新' : '更新', children: result.updated },
    ...(result.unchanged === undefined
      ? []
      : [{ key: 'unchanged', label: '无变化', children: result.unchanged }]),
    { key: 'rejected', label: '有错误的行', children: badRows },
  ];
  return (
    <div
      data-testid={`${testIdPrefix}-${dryRun ? 'preview' : 'done'}`}
      data-created={result.created}
      data-updated={result.updated}
      data-rejected={bad}
    >
      <Alert
        type={bad ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 16 }}
        title={
          dryRun
            ? `检查完成（未保存）：共 ${result.total} 行，可新增 ${result.created} ${unit}、更新 ${result.updated} ${unit}${unchanged}，${badRows} 行有错误`
            : `导入完成：新增 ${result.created} ${unit}、更新 ${result.updated} ${unit}${unchanged}，${badRows} 行未导入`
        }
      />
      <Descriptions size="small" bordered column={items.length} style={{ marginBottom: 16 }} items={items} />
      {bad > 0 && (
        <Table<Rejected>
          rowKey={(row) => `${row.row}-${row.field}-${row.message}`}
          size="small"
          pagination={bad > 20 ? { pageSize: 20 } : false}
          dataSource={result.rejected}
          onRow={() => ({ 'data-testid': `${testIdPrefix}-rejected` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: '行号', dataIndex: 'row', key: 'row', width: 80 },
            { title: '字段', dataIndex: 'field', key: 'field', width: 160 },
            { title: '问题', dataIndex: 'message', key: 'message' },
          ]}
          data-testid={`${testIdPrefix}-rejected-table`}
        />
      )}
    </div>
  );
}

/**
 * A CSV import: the file is read in the browser (UTF-8 or GBK), checked with a dry run, then imported;
 * valid rows go in and the rejected ones are listed with their row, field and reason.
 */
export function CsvImportPanel({
  title,
  extra,
  size,
  help,
  testIdPrefix,
  cardTestId,
  unit,
  headerRow = false,
  importCsv,
  onImported,
}: Props) {
  const [file, setFile] = useState<Chosen | null>(null);
  const [preview, setPreview] = useState<CsvImportResult | null>(null);
  const [done, setDone] = useState<CsvImportResult | null>(null);
  const [busy, setBusy] = useState<'dry' | 'run' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = (suffix: string) => `${testIdPrefix}-${suffix}`;

  const choose = async (blob: File) => {
    setPreview(null);
    setDone(null);
    setError(null);
    try {
      const text = await readCsvFile(blob);
      const lines = text.split(/\r?\n/).filter((line) => line.trim()).length;
      setFile({ name: blob.name, text, rows: Math.max(lines - (headerRow ? 1 : 0), 0) });
    } catch (err) {
      setError(`无法读取文件：${errorMessage(err)}`);
    }
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'dry' : 'run');
    setError(null);
    try {
      const result = await importCsv(file.text, dryRun);
      if (dryRun) {
        setPreview(result);
        setDone(null);
      } else {
        setDone(result);
        onImported?.();
      }
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card size={size} title={title} extra={extra} data-testid={cardTestId}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {help}
        </Typography.Paragraph>
        <Space wrap>
          <span data-testid={id('file')}>
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
            <Typography.Text data-testid={id('file-name')}>
              <FileTextOutlined /> {file.name}（{file.rows} {headerRow ? '行数据' : '行'}）
            </Typography.Text>
          )}
        </Space>
        <Space>
          <Button
            disabled={!file || busy !== null}
            loading={busy === 'dry'}
            onClick={() => void run(true)}
            data-testid={id('dry-run')}
          >
            检查（不保存）
          </Button>
          <Button
            type="primary"
            disabled={!file || !preview || done !== null || busy !== null}
            loading={busy === 'run'}
            onClick={() => void run(false)}
            data-testid={id('run')}
          >
            确认导入
          </Button>
        </Space>
        {error && <Alert type="error" showIcon title={error} data-testid={id('error')} />}
        {preview && !done && <ResultView result={preview} dryRun unit={unit} testIdPrefix={testIdPrefix} />}
        {done && (
          <>
            <Divider style={{ margin: 0 }} />
            <ResultView result={done} dryRun={false} unit={unit} testIdPrefix={testIdPrefix} />
          </>
        )}
      </Space>
    </Card>
  );
}
