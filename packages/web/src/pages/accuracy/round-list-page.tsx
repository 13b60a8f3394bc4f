import { PlusOutlined } from '@ant-design/icons';
import { ROUND_STATUSES, ROUND_STATUS_LABELS, type RoundStatus, mayPlanAccuracy } from '@huawu/domain';
import { Alert, Button, Card, Progress, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useCallback } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { type RoundSummary, listRounds } from '../../api/accuracy';
import { errorMessage } from '../../api/client';
import { useCurrentUser } from '../../auth/auth-context';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { RoundStatusTag } from './accuracy-tags';

const columns: TableColumnsType<RoundSummary> = [
  {
    title: '检查名称',
    dataIndex: 'name',
    key: 'name',
    width: 280,
    ellipsis: true,
    render: (name: string, round) => (
      <Link to={`/accuracy/rounds/${round.id}`} data-testid="round-link">
        {name}
      </Link>
    ),
  },
  {
    title: '状态',
    dataIndex: 'status',
    key: 'status',
    width: 96,
    render: (status: RoundStatus) => <RoundStatusTag status={status} />,
  },
  {
    title: '检查期间',
    key: 'period',
    width: 200,
    render: (_: unknown, r) => `${r.periodStart} 至 ${r.periodEnd}`,
  },
  {
    title: '被检查单位',
    dataIndex: 'unitNames',
    key: 'units',
    ellipsis: true,
    render: (names: string[]) => <span title={names.join('、')}>{names.join('、')}</span>,
  },
  { title: '检查人', dataIndex: 'checkerName', key: 'checker', width: 140, ellipsis: true },
  {
    title: '进度',
    key: 'progress',
    width: 170,
    render: (_: unknown, r) => (
      <Space size={4}>
        <Progress
          percent={r.progress.items ? Math.round((r.progress.checked / r.progress.items) * 100) : 0}
          size="small"
          style={{ width: 80 }}
          showInfo={false}
        />
        <Typography.Text>
          {r.progress.checked}/{r.progress.items}
        </Typography.Text>
      </Space>
    ),
  },
  {
    title: '未销号整改',
    key: 'tasks',
    width: 100,
    render: (_: unknown, r) =>
      r.progress.unresolvedTasks ? (
        <Typography.Text type="warning">{r.progress.unresolvedTasks}</Typography.Text>
      ) : (
        0
      ),
  },
  {
    title: '安排时间',
    dataIndex: 'createdAt',
    key: 'createdAt',
    width: 140,
    render: (at: string) => formatTime(at),
  },
];

/** 检查轮次: newest first, filtered by status; supervisors and admins plan new rounds here. */
export function RoundListPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? '') as RoundStatus | '';
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const { data, error, loading, reload } = useAsync(
    useCallback(
      () => listRounds({ status: status ? [status] : undefined, page, pageSize }),
      [status, page, pageSize],
    ),
  );
  const set = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next);
  };

  return (
    <Card
      title="指南准确度检查"
      extra={
        mayPlanAccuracy(user.role) && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate('/accuracy/new')}
            data-testid="accuracy-plan"
          >
            安排检查
          </Button>
        )
      }
    >
      <Space style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="全部状态"
          style={{ width: 160 }}
          value={status || undefined}
          onChange={(value?: string) => set({ status: value, page: undefined })}
          options={ROUND_STATUSES.map((s) => ({ value: s, label: ROUND_STATUS_LABELS[s] }))}
          data-testid="round-filter-status"
        />
      </Space>
      {error ? (
        <Alert
          type="error"
          showIcon
          title="检查轮次加载失败"
          description={errorMessage(error)}
          action={<Button onClick={() => reload()}>重试</Button>}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Table<RoundSummary>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={error ? [] : (data?.items ?? [])}
        scroll={{ x: 1300 }}
        data-testid="round-table"
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showTotal: (total) => `共 ${total} 轮`,
        }}
        onChange={(p) => set({ page: p.current, pageSize: p.pageSize })}
      />
    </Card>
  );
}
