import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table } from 'antd';
import { useCallback, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import type { OrderSummary } from '../../api/types';
import { listOrders } from '../../api/work-orders';
import { useCurrentUser } from '../../auth/auth-context';
import { useAsync } from '../../lib/use-async';
import { useUnits } from '../../lib/use-units';
import { type FilterPatch, parseListQuery, toSearchParams } from './list-query';
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
        INTAKE_ROLES.includes(user.role) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/orders/new')}>
            新建工单
          </Button>
        )
      }
    >
      <OrderFilters
        query={query}
        unitTree={units.tree}
        unitsLoading={units.loading}
        onChange={applyFilters}
        onReset={() => setParams(new URLSearchParams())}
      />
      {error ? (
        <Alert
          type="error"
          showIcon
          title="工单列表加载失败"
          description={errorMessage(error)}
          action={<Button onClick={() => reload()}>重试</Button>}
          style={{ marginBottom: 16 }}
          data-testid="order-list-error"
        />
      ) : null}
      <Table<OrderSummary>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={orderColumns}
        dataSource={error ? [] : (data?.items ?? [])}
        scroll={{ x: 1140 }}
        data-testid="order-table"
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => `共 ${total} 条`,
        }}
        onChange={(pagination) =>
          setParams(
            toSearchParams({
              ...query,
              page: pagination.pageSize !== query.pageSize ? 1 : (pagination.current ?? 1),
              pageSize: pagination.pageSize ?? query.pageSize,
            }),
          )
        }
      />
    </Card>
  );
}
