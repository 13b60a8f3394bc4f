import { NOTIFICATION_CHANNEL_LABELS, NOTIFICATION_KIND_LABELS } from '@huawu/domain';
import { Button, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { type Delivery, listDeliveries } from '../../api/notifications-admin';
import { formatTime, labelOf, orEmpty } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { LoadError } from './load-error';

/** 投递记录: every webhook / SMS attempt, newest first. */
export function DeliveriesPage() {
  const { data, loading, error, reload } = useResource('deliveries', () => listDeliveries());

  const columns: TableColumnsType<Delivery> = [
    {
      title: '时间',
      dataIndex: 'at',
      width: 150,
      render: (v: string) => formatTime(v, 'YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: '通知类型',
      dataIndex: 'kind',
      width: 110,
      render: (v: string) => labelOf(NOTIFICATION_KIND_LABELS, v),
    },
    {
      title: '渠道',
      dataIndex: 'channel',
      width: 90,
      render: (v: string) => labelOf(NOTIFICATION_CHANNEL_LABELS, v),
    },
    {
      title: '工单',
      dataIndex: 'orderNo',
      width: 150,
      render: (v: string, d) => <Link to={`/orders/${d.orderId}`}>{v}</Link>,
    },
    { title: '目标', dataIndex: 'target', ellipsis: true, render: (v: string | null) => orEmpty(v) },
    {
      title: '结果',
      dataIndex: 'ok',
      width: 110,
      render: (ok: boolean, d) => (
        <Tag color={ok ? 'green' : 'red'} data-testid="delivery-status">
          {ok ? '成功' : '失败'}
          {d.statusCode !== null ? ` ${d.statusCode}` : ''}
        </Tag>
      ),
    },
    { title: '第几次', dataIndex: 'attempt', width: 80 },
    { title: '通知状态', dataIndex: 'notificationStatus', width: 100 },
    {
      title: '错误',
      dataIndex: 'error',
      ellipsis: true,
      render: (v: string | null) => (
        <Typography.Text type={v ? 'danger' : undefined}>{orEmpty(v)}</Typography.Text>
      ),
    },
    { title: '耗时(ms)', dataIndex: 'durationMs', width: 90 },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button onClick={() => void reload()} data-testid="deliveries-reload">
        刷新
      </Button>
      {error ? <LoadError title="投递记录加载失败" error={error} reload={() => void reload()} /> : null}
      <Table<Delivery>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 50, showTotal: (total) => `共 ${total} 条` }}
        scroll={{ x: 1200 }}
        locale={{ emptyText: '暂无投递记录' }}
        data-testid="delivery-table"
      />
    </Space>
  );
}
