import { Badge, Card, Space, Tabs } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { DESK_QUEUES, type DeskQueue, fetchQueue } from '../../api/desk';
import { PagedTable } from '../../components/paged-table';
import { useAsync } from '../../lib/use-async';
import { readPage, writePage } from './page-params';
import { type QueueTableRow, queueColumns } from './queue-columns';

const QUEUE_LABELS: Record<DeskQueue, string> = {
  pending_dispatch: '待派单',
  returns: '退单审核',
  extensions: '延期审核',
  overdue: '超期工单',
  supervisions: '督办',
};

const isQueue = (value: string | null): value is DeskQueue => DESK_QUEUES.includes(value as DeskQueue);

/** How many rows each queue holds (a one-row page of each); a queue this user may not read stays blank. */
function useQueueCounts(): Partial<Record<DeskQueue, string>> {
  const [counts, setCounts] = useState<Partial<Record<DeskQueue, string>>>({});
  useEffect(() => {
    let cancelled = false;
    for (const queue of DESK_QUEUES) {
      fetchQueue(queue, 1, 1)
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

function QueueTable({ queue, params }: { queue: DeskQueue; params: URLSearchParams }) {
  const [, setParams] = useSearchParams();
  const { page, pageSize } = readPage(params);
  const { data, error, loading, reload } = useAsync(
    useCallback(() => fetchQueue(queue, page, pageSize), [queue, page, pageSize]),
  );
  const rows = useMemo(
    () =>
      data && {
        total: data.total,
        items: data.items.map(
          (row, index): QueueTableRow => ({ ...row, id: String(row.id ?? `${row.orderId}-${index}`) }),
        ),
      },
    [data],
  );
  return (
    <PagedTable<QueueTableRow>
      columns={queueColumns(queue)}
      data={rows ?? undefined}
      loading={loading}
      error={error}
      reload={reload}
      errorTitle={`${QUEUE_LABELS[queue]}加载失败`}
      errorStyle={{ marginBottom: 16 }}
      errorTestId="queue-error"
      testId={`queue-table-${queue}`}
      scrollX={1000}
      page={page}
      pageSize={pageSize}
      onPage={(p, size) => setParams(writePage(params, p, size))}
    />
  );
}

/** 派单台: the centre's work queues, each a paged list linking to the order page (where the actions are). */
export function DispatchDeskPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const queue: DeskQueue = isQueue(raw) ? raw : 'pending_dispatch';
  const counts = useQueueCounts();
  return (
    <Card title="派单台" data-testid="dispatch-desk">
      <Tabs
        activeKey={queue}
        onChange={(key) => setParams({ tab: key })}
        destroyOnHidden
        items={DESK_QUEUES.map((key) => ({
          key,
          label: (
            <Space size={6} data-testid={`desk-tab-${key}`}>
              {QUEUE_LABELS[key]}
              {counts[key] !== undefined && (
                <Badge
                  count={counts[key]}
                  showZero
                  overflowCount={9999}
                  color={key === 'overdue' || key === 'supervisions' ? 'red' : 'blue'}
                  data-testid={`desk-count-${key}`}
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
