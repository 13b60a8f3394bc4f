import { TASK_STATUSES, TASK_STATUS_LABELS, type TaskStatus, isUnitRole } from '@huawu/domain';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  TreeSelect,
} from 'antd';
import type { HTMLAttributes } from 'react';
import { useCallback, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { type TaskSummary, listTasks } from '../../api/accuracy';
import { errorMessage } from '../../api/client';
import { useCurrentUser } from '../../auth/auth-context';
import { DeadlineCell } from '../../components/deadline-cell';
import { EMPTY, formatTime } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { useUnits } from '../../lib/use-units';
import { TaskStatusTag } from './accuracy-tags';

const taskRow = (t: TaskSummary) =>
  ({
    'data-testid': 'task-row',
    'data-title': t.guideTitle,
    'data-status': t.status,
  }) as HTMLAttributes<HTMLElement>;

const columns: TableColumnsType<TaskSummary> = [
  {
    title: '办事指南',
    dataIndex: 'guideTitle',
    key: 'guide',
    width: 220,
    ellipsis: true,
    render: (title: string, t) => (
      <Link to={`/accuracy/tasks/${t.id}`} title={title} data-testid="task-link">
        {title}
      </Link>
    ),
  },
  { title: '责任单位', dataIndex: 'ownerUnitName', key: 'unit', width: 170, ellipsis: true },
  {
    title: '问题',
    dataIndex: 'reasons',
    key: 'reasons',
    width: 200,
    render: (reasons: TaskSummary['reasons']) => (
      <Space size={[0, 4]} wrap>
        {reasons.map((r) => (
          <Tag key={r.code} color={r.code === 'guide_outdated' ? 'magenta' : 'orange'}>
            {r.label}
          </Tag>
        ))}
      </Space>
    ),
  },
  {
    title: '状态',
    dataIndex: 'status',
    key: 'status',
    width: 120,
    render: (status: TaskStatus) => <TaskStatusTag status={status} />,
  },
  {
    title: '整改期限',
    key: 'deadline',
    width: 200,
    render: (_: unknown, t) =>
      t.deadlineState ? (
        <DeadlineCell state={t.deadlineState} deadlineAt={t.deadlineAt} />
      ) : (
        formatTime(t.deadlineAt)
      ),
  },
  {
    title: '复查',
    key: 'recheck',
    width: 150,
    render: (_: unknown, t) =>
      t.recheckPlannedOn
        ? `计划 ${t.recheckPlannedOn}`
        : t.recheckCount
          ? `已复查 ${t.recheckCount} 次`
          : EMPTY,
  },
  { title: '检查轮次', dataIndex: 'roundName', key: 'round', width: 200, ellipsis: true },
  {
    title: '生成时间',
    dataIndex: 'openedAt',
    key: 'openedAt',
    width: 140,
    render: (at: string) => formatTime(at),
  },
];

/**
 * 整改任务: a unit sees its own (and its sub-units') tasks, the centre sees all. Open tasks first,
 * nearest deadline first; overdue ones carry the red card.
 */
export function TaskListPage() {
  const user = useCurrentUser();
  const unitUser = isUnitRole(user.role);
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? '') as TaskStatus | '';
  const query = useMemo(
    () => ({
      status: status ? [status] : undefined,
      unitId: params.get('unitId') ?? undefined,
      roundId: params.get('roundId') ?? undefined,
      overdue: params.get('overdue') === 'true',
      page: Number(params.get('page') ?? 1) || 1,
      pageSize: Number(params.get('pageSize') ?? 20) || 20,
    }),
    [params, status],
  );
  const { data, error, loading, reload } = useAsync(useCallback(() => listTasks(query), [query]));
  const set = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };

  return (
    <Card title={unitUser ? `整改任务 · ${user.unitName}` : '整改任务'}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="全部状态"
          style={{ width: 160 }}
          value={status || undefined}
          onChange={(value?: string) => set({ status: value })}
          options={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))}
          data-testid="task-filter-status"
        />
        {!unitUser && (
          <TreeSelect
            allowClear
            showSearch
            treeDefaultExpandAll
            treeNodeFilterProp="title"
            placeholder="全部单位"
            style={{ width: 240 }}
            value={query.unitId}
            treeData={units.handlingTree}
            onChange={(value?: string) => set({ unitId: value })}
            data-testid="task-filter-unit"
          />
        )}
        <Checkbox
          checked={query.overdue}
          onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })}
          data-testid="task-filter-overdue"
        >
          仅超期
        </Checkbox>
        {query.roundId && (
          <Tag closable onClose={() => set({ roundId: undefined })}>
            仅本轮检查
          </Tag>
        )}
      </Space>
      {error ? (
        <Alert
          type="error"
          showIcon
          title="整改任务加载失败"
          description={errorMessage(error)}
          action={<Button onClick={() => reload()}>重试</Button>}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Table<TaskSummary>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={error ? [] : (data?.items ?? [])}
        scroll={{ x: 1400 }}
        onRow={taskRow}
        data-testid="task-table"
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data?.total ?? 0,
          showTotal: (total) => `共 ${total} 条`,
        }}
        onChange={(p) => set({ page: p.current, pageSize: p.pageSize })}
      />
    </Card>
  );
}
