import { WarningOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, Flex, List, Space, Statistic, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import type { CallerHistory } from '../../api/intake';
import { StatusTag } from '../../components/status-tag';
import { formatTime } from '../../lib/format';
import type { LiveQuery } from './use-live-query';

interface Props {
  phone: string | null;
  history: LiveQuery<CallerHistory>;
}

/** 来电人历史: harassment flag, satisfaction stats and earlier orders of this number (open ones first). */
export function CallerHistoryPanel({ phone, history }: Props) {
  const { data, error, loading } = history;
  return (
    <Card size="small" title="来电人历史" loading={loading && !data} data-testid="caller-history">
      {!phone ? (
        <Typography.Text type="secondary">来电或填写联系电话后显示该号码的历史工单</Typography.Text>
      ) : error ? (
        <Alert type="warning" showIcon title={`历史记录加载失败：${errorMessage(error)}`} />
      ) : data ? (
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          {data.flag.harassment && (
            <Alert
              type="error"
              showIcon
              icon={<WarningOutlined />}
              title="该号码已标记为骚扰电话"
              description={data.flag.note ?? undefined}
              data-testid="caller-harassment"
            />
          )}
          <Flex gap="large" wrap data-testid="caller-stats">
            <Statistic title="历史工单" value={data.stats.total} />
            <Statistic title="未办结" value={data.stats.open} />
            <Statistic title="满意" value={data.stats.satisfied} />
            <Statistic title="基本满意" value={data.stats.basicallySatisfied} />
            <Statistic title="不满意" value={data.stats.dissatisfied} />
          </Flex>
          {data.orders.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该号码暂无历史工单" />
          ) : (
            <List
              size="small"
              dataSource={data.orders}
              renderItem={(order) => (
                <List.Item data-testid="caller-order" data-order-id={order.id} data-open={order.open}>
                  <Flex vertical gap={2} style={{ width: '100%' }}>
                    <Space wrap size={6}>
                      <Link to={`/orders/${order.id}`} target="_blank" rel="noreferrer">
                        {order.orderNo}
                      </Link>
                      <StatusTag status={order.status} label={order.statusLabel} />
                      <Typography.Text type="secondary">{formatTime(order.createdAt)}</Typography.Text>
                    </Space>
                    <Typography.Text ellipsis>{order.title}</Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </Space>
      ) : null}
    </Card>
  );
}
