import { Badge, Card, Space, Tabs } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { CLOSURE_QUEUES, type ClosureQueue, fetchClosureQueue } from '../../api/closure';
import { PagedTable } from '../../components/paged-table';
import { useAsync } from '../../lib/use-async';
import { readPage, writePage } from '../dispatch-desk/page-params';
import { type ClosureTableRow, closureColumns } from './closure-columns';

const QUEUE_LABELS: Record<ClosureQueue, string> = {
  review: '待审核',
  reply: '待回复',
  callback: '待回访',
  escalated: '待研判',
  appeals: '申诉审核',
};

const isQueue = (value: string | null): value is ClosureQueue =>
  CLOSURE_QUEUES.includes(value as ClosureQueue);

/** How many rows each queue holds (a one-row page of each); a failed count stays blank. */
function useQueueCounts(): Partial<Record<ClosureQueue, string>> {
  const [counts, setCounts] = useState<Partial<Record<ClosureQueue, string>>>({});
  useEffect(() => {
    let cancelled = false;
    for (const queue of CLOSURE_QUEUES) {
      fetchClosureQueue(queue, 1, 1)
        .then((page) => {
          const count = `${page.total}${page.totalCapped ? '+' : ''}`;
          if (!cancelled) setCounts((old) => ({ ...old, [queue]: count }));
        })
        .catch(() => {});
    }
    return () => {
      cancelled = true;
    };
  }, []);
  return counts;
}

function QueueTable({ queue, params }: { queue: ClosureQueue; params: URLSearchParams }) {
  const [, setParams] = useSearchParams();
  const { page, pageSize } = readPage(params);
  const { data, error, loading, reload } = useAsync(
    useCallback(() => fetchClosureQueue(queue, page, pageSize), [queue, page, pageSize]),
  );
  const rows = useMemo(
    () =>
      data && {
        total: data.total,
        totalCapped: data.totalCapped,
        items: data.items.map((row): ClosureTableRow => ({ ...row, id: row.orderId })),
      },
    [data],
  );
  return (
    <PagedTable<ClosureTableRow>
      columns={closureColumns(queue)}
      data={rows ?? undefined}
      loading={loading}
      error={error}
      reload={reload}
      errorTitle={`${QUEUE_LABELS[queue]}加载失败`}
      errorStyle={{ marginBottom: 16 }}
      errorTestId="queue-error"
      testId={`closure-table-${queue}`}
      scrollX={1100}
      page={page}
      pageSize={pageSize}
      onPage={(p, size) => setParams(writePage(params, p, size))}
    />
  );
}

/** 回访台: 审核 → 回复 → 回访 → 研判, and the units' appeals; each row links to the order page (the actions). */
export function CallbackDeskPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const queue: ClosureQueue = isQueue(raw) ? raw : 'review';
  const counts = useQueueCounts();
  return (
    <Card title="回访台" data-testid="callback-desk">
      <Tabs
        activeKey={queue}
        onChange={(key) => setParams({ tab: key })}
        destroyOnHidden
        items={CLOSURE_QUEUES.map((key) => ({
          key,
          label: (
            <Space size={6} data-testid={`closure-tab-${key}`}>
              {QUEUE_LABELS[key]}
              {counts[key] !== undefined && (
                <Badge
                  count={counts[key]}
                  showZero
                  overflowCount={9999}
                  color={key === 'escalated' || key === 'appeals' ? 'orange' : 'blue'}
                  data-testid={`closure-count-${key}`}
                />
              )}
            </Space>
          ),
          children: <QueueTable queue={key} params={params} />,
        }))}
      />
    </Card>
  );
}
