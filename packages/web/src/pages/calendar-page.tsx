import {
  Alert,
  Card,
  DatePicker,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { fetchCalendar } from '../api/calendar';
import { isApiError } from '../api/client';
import type { CalendarDay, CalendarYear } from '../api/types';
import { PageError } from '../components/page-error';
import { orEmpty } from '../lib/format';
import { useAsync } from '../lib/use-async';

const NO_DATA = '该年度尚无节假日数据，按周末计算，请管理员导入';

/** A server that reports a missing year as an error means the same as `hasData: false`. */
async function loadCalendar(year: number): Promise<CalendarYear> {
  try {
    return await fetchCalendar(year);
  } catch (err) {
    if (isApiError(err) && err.code === 'CALENDAR_YEAR_MISSING') return { year, hasData: false, days: [] };
    throw err;
  }
}

const columns: TableColumnsType<CalendarDay> = [
  { title: '日期', dataIndex: 'date', key: 'date', width: 140 },
  {
    title: '星期',
    key: 'weekday',
    width: 100,
    render: (_: unknown, day: CalendarDay) => dayjs(day.date).format('dddd'),
  },
  {
    title: '类型',
    dataIndex: 'kind',
    key: 'kind',
    width: 120,
    render: (kind: CalendarDay['kind']) =>
      kind === 'holiday' ? <Tag color="red">休（节假日）</Tag> : <Tag color="blue">班（调休上班）</Tag>,
  },
  { title: '名称', dataIndex: 'name', key: 'name', render: (name: string | null) => orEmpty(name) },
];

/** Read-only view of the working-day calendar (GET /api/calendar/:year). */
export function CalendarPage() {
  const [year, setYear] = useState(() => dayjs().year());
  const { data, error, loading, reload } = useAsync(useCallback(() => loadCalendar(year), [year]));
  const days = data?.year === year ? [...data.days].sort((a, b) => a.date.localeCompare(b.date)) : [];
  const holidays = days.filter((day) => day.kind === 'holiday').length;

  return (
    <Card
      title="工作日历"
      extra={
        <DatePicker
          picker="year"
          allowClear={false}
          value={dayjs().year(year)}
          onChange={(value: Dayjs | null) => value && setYear(value.year())}
          data-testid="calendar-year"
        />
      }
    >
      {error ? (
        <PageError error={error} onRetry={reload} />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {data && data.year === year && !data.hasData && (
            <Alert type="warning" showIcon title={NO_DATA} data-testid="calendar-no-data" />
          )}
          <Space size="large">
            <Statistic title="节假日（休）" value={holidays} loading={loading} />
            <Statistic title="调休上班（班）" value={days.length - holidays} loading={loading} />
          </Space>
          <Typography.Text type="secondary">未列出的日期按周一至周五上班、周六周日休息计算。</Typography.Text>
          <Table<CalendarDay>
            rowKey="date"
            size="small"
            loading={loading}
            columns={columns}
            dataSource={days}
            pagination={false}
            data-testid="calendar-table"
          />
        </Space>
      )}
    </Card>
  );
}
