import { Card, type TableColumnsType, Tooltip, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { type DispatchOverride, fetchDispatchOverrides } from '../../api/dispatch';
import { PagedTable } from '../../components/paged-table';
import { EMPTY, formatTime } from '../../lib/format';
import { useAsync } from '../../lib/use-async';

const EVENT_LABELS: Record<string, string> = { dispatch: '派单', approve_return: '改派' };

/** 改派记录: dispatches whose lead unit differs from the catalogue's suggestion, newest first. */
export function OverridesTab() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const overrides = useAsync(
    useCallback(() => fetchDispatchOverrides(pageSize, (page - 1) * pageSize), [page, pageSize]),
  );

  const columns: TableColumnsType<DispatchOverride> = [
    {
      title: '工单',
      key: 'order',
      width: 170,
      render: (_: unknown, row) => (
        <Link to={`/orders/${row.orderId}`} data-testid="override-order">
          {row.orderNo}
        </Link>
      ),
    },
    {
      title: '环节',
      dataIndex: 'event',
      key: 'event',
      width: 70,
      render: (event: string) => EVENT_LABELS[event] ?? event,
    },
    { title: '分类', dataIndex: 'category', key: 'category', width: 80, render: (c) => c ?? EMPTY },
    {
      title: '目录建议',
      key: 'suggested',
      width: 170,
      render: (_: unknown, row) => (
        <span data-testid="override-suggested">{row.suggestedLeadUnitName ?? row.suggestedLeadUnitId}</span>
      ),
    },
    {
      title: '实际主办',
      key: 'chosen',
      width: 170,
      render: (_: unknown, row) => (
        <Typography.Text strong data-testid="override-chosen">
          {row.chosenLeadUnitName ?? row.chosenLeadUnitId}
        </Typography.Text>
      ),
    },
    {
      title: '改派理由',
      dataIndex: 'reason',
      key: 'reason',
      ellipsis: { showTitle: false },
      render: (reason: string) => (
        <Tooltip title={reason} placement="topLeft">
          <span data-testid="override-reason">{reason}</span>
        </Tooltip>
      ),
    },
    {
      title: '操作人',
      key: 'actor',
      width: 100,
      render: (_: unknown, row) => row.actorName ?? row.actorId,
    },
    { title: '时间', dataIndex: 'at', key: 'at', width: 140, render: (at: string) => formatTime(at) },
  ];

  return (
    <Card title="改派记录（未按派单目录建议派单）">
      <PagedTable<DispatchOverride>
        columns={columns}
        data={overrides.data}
        loading={overrides.loading}
        error={overrides.error}
        reload={overrides.reload}
        errorTitle="改派记录加载失败"
        page={page}
        pageSize={pageSize}
        onPage={(next, size) => {
          setPage(next);
          setPageSize(size);
        }}
        scrollX={1000}
        testId="override-table"
        errorTestId="override-error"
      />
    </Card>
  );
}
