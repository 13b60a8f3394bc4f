import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import { useCallback, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { OrderSummary } from '../../api/types';
import { listOrders } from '../../api/work-orders';
import { useCurrentUser } from '../../auth/auth-context';
import { PagedTable } from '../../components/paged-table';
import { useAsync } from '../../lib/use-async';
import { useUnits } from '../../lib/use-units';
import { type FilterPatch, parseListQuery, toSearchParams } from './list-query';
import { OrderExportButton } from './order-export-button';
import { orderColumns } from './order-columns';
import { OrderFilters } from './order-filters';

const INTAKE_ROLES = ['agent', 'supervisor'];

export function OrderListPage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseListQuery(params), [params]);
  const units = useUnits();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useAsync(useCallback(() => listOrders(query), [query]));

  const applyFilters = useCallback(
    (patch: FilterPatch) => setParams(toSearchParams({ ...query, ...patch, page: 1 })),
    [query, setParams],
  );

  return (
    <Card
      title="工单列表"
      extra={
        <Space wrap>
          <OrderExportButton query={query} />
          {INTAKE_ROLES.includes(user.role) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/orders/new')}>
              新建工单
            </Button>
          )}
        </Space>
      }
    >
      <OrderFilters
        query={query}
        unitTree={units.tree}
        unitsLoading={units.loading}
        onChange={applyFilters}
        onReset={() => setParams(new URLSearchParams())}
      />
      <PagedTable<OrderSummary>
        columns={orderColumns}
        data={data}
        loading={loading}
        error={error}
        reload={reload}
        errorTitle="工单列表加载失败"
        errorStyle={{ marginBottom: 16 }}
        errorTestId="order-list-error"
        testId="order-table"
        scrollX={1140}
        page={query.page}
        pageSize={query.pageSize}
        onPage={(page, pageSize) => setParams(toSearchParams({ ...query, page, pageSize }))}
      />
    </Card>
  );
}
