import { Card, DatePicker, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { getPeriodReport } from '../../api/accuracy';
import { PageError } from '../../components/page-error';
import { PageLoading } from '../../components/page-loading';
import { useAsync } from '../../lib/use-async';
import { ReportView } from './report-view';

const FORMAT = 'YYYY-MM-DD';

/** 期间报告: the per-unit report over the first checks made between two dates, across rounds. */
export function PeriodReportPage() {
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? dayjs().subtract(89, 'day').format(FORMAT);
  const to = params.get('to') ?? dayjs().format(FORMAT);
  const { data, error, loading, reload } = useAsync(useCallback(() => getPeriodReport(from, to), [from, to]));
  return (
    <Card
      title="期间报告"
      extra={
        <Space>
          <Typography.Text type="secondary">首次检查日期</Typography.Text>
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(from), dayjs(to)]}
            onChange={(range) => {
              const [a, b] = (range ?? []) as [Dayjs | null, Dayjs | null];
              if (a && b) setParams({ from: a.format(FORMAT), to: b.format(FORMAT) });
            }}
            data-testid="report-period"
          />
        </Space>
      }
    >
      {error ? (
        <PageError error={error} title="报告加载失败" onRetry={reload} />
      ) : !data || loading ? (
        <PageLoading />
      ) : (
        <ReportView report={data} />
      )}
    </Card>
  );
}
