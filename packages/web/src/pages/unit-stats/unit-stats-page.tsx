import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { downloadUnitStats, fetchUnitStats, type StatsRange } from '../../api/desk';
import { saveBlob } from '../../lib/save-blob';
import { useAsync } from '../../lib/use-async';
import { statsColumns } from './stats-columns';

const DAY = 'YYYY-MM-DD';
const isDay = (value: string | null): value is string => !!value && dayjs(value, DAY, true).isValid();

/** The range from the URL, else this month so far. */
function readRange(params: URLSearchParams): StatsRange {
  const from = params.get('from');
  const to = params.get('to');
  if (isDay(from) && isDay(to)) return { from, to };
  return { from: dayjs().startOf('month').format(DAY), to: dayjs().format(DAY) };
}

/** 单位考核: per-unit dispatch figures for a date range, with a CSV export. */
export function UnitStatsPage() {
  const [params, setParams] = useSearchParams();
  const range = readRange(params);
  const { from, to } = range;
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const { data, error, loading, reload } = useAsync(
    useCallback(() => fetchUnitStats({ from, to }), [from, to]),
  );

  const onRange = (values: [Dayjs | null, Dayjs | null] | null) => {
    if (values?.[0] && values[1]) setParams({ from: values[0].format(DAY), to: values[1].format(DAY) });
  };

  const onExport = async () => {
    setExporting(true);
    try {
      const { blob, filename } = await downloadUnitStats({ from, to });
      saveBlob(blob, filename);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card
      title="单位考核"
      data-testid="unit-stats"
      extra={
        <Space wrap>
          <DatePicker.RangePicker
            value={[dayjs(from), dayjs(to)]}
            allowClear={false}
            onChange={onRange}
            data-testid="stats-range"
          />
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void onExport()}
            data-testid="stats-export"
          >
            导出 CSV
          </Button>
        </Space>
      }
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title="单位考核加载失败"
          description={errorMessage(error)}
          action={<Button onClick={() => reload()}>重试</Button>}
          style={{ marginBottom: 16 }}
          data-testid="stats-error"
        />
      ) : null}
      <Typography.Paragraph type="secondary" data-testid="stats-formulas">
        满意率 = 满意 ÷（有效回访 − 核减评价）；解决率 = 已解决 ÷（有效回访 − 核减评价）；重办率 = 重办 ÷
        收到派单。申诉成立（核减）的评价不计入单位考核。
      </Typography.Paragraph>
      <Table
        rowKey="unitId"
        size="middle"
        loading={loading}
        columns={statsColumns}
        dataSource={error ? [] : (data ?? [])}
        scroll={{ x: 2800 }}
        bordered
        pagination={false}
        data-testid="stats-table"
      />
    </Card>
  );
}
