import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Space, Spin, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { DeadlineCell } from '../../components/deadline-cell';
import { PageError } from '../../components/page-error';
import { PageLoading } from '../../components/page-loading';
import { StatusTag } from '../../components/status-tag';
import { useUnits } from '../../lib/use-units';
import { closurePrefills } from './action-prefill';
import { OrderActions } from './order-actions';
import { OrderClosurePanel } from './order-closure-panel';
import { OrderDescriptions } from './order-descriptions';
import { OrderFilesPanel } from './order-files-panel';
import { OrderNegotiations } from './order-negotiations';
import { OrderPrintButtons } from './order-print-buttons';
import { OrderSupervisions } from './order-supervisions';
import { OrderTimeline } from './order-timeline';
import { OrderUnits } from './order-units';
import { useOrder } from './use-order';

/** React Router numbers its history entries; index 0 means the app was opened on this page. */
const canGoBack = () => ((window.history.state as { idx?: number } | null)?.idx ?? 0) > 0;

export function OrderDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { order, loading, error, reload, replace } = useOrder(id);
  const units = useUnits();

  if (!order) {
    if (error) return <PageError error={error} title="工单加载失败" onRetry={() => void reload()} />;
    return <PageLoading />;
  }

  return (
    <Spin spinning={loading}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {error ? <Alert type="error" showIcon title={errorMessage(error)} closable /> : null}
        <Card>
          <Flex justify="space-between" align="flex-start" wrap gap="middle">
            <Space orientation="vertical" size={4}>
              <Space wrap>
                <Button
                  type="text"
                  icon={<ArrowLeftOutlined />}
                  onClick={() => (canGoBack() ? navigate(-1) : navigate('/orders'))}
                  aria-label="返回"
                />
                <Typography.Title level={4} style={{ margin: 0 }} data-testid="order-no">
                  {order.orderNo}
                </Typography.Title>
                <StatusTag status={order.status} label={order.statusLabel} testId="order-status" />
                {order.confidential && (
                  <Tag color="red" data-testid="order-confidential">
                    保密
                  </Tag>
                )}
                {order.pendingExtension && (
                  <Tag color="purple" data-testid="order-pending-extension">
                    延期待审批
                  </Tag>
                )}
              </Space>
              <Typography.Text strong>{order.title}</Typography.Text>
              <Space size={4}>
                <Typography.Text type="secondary">办理时限：</Typography.Text>
                <DeadlineCell state={order.deadlineState} deadlineAt={order.deadlineAt} />
              </Space>
            </Space>
            <Space wrap>
              <OrderActions
                order={order}
                unitTree={units.handlingTree}
                onDone={replace}
                onStale={reload}
                prefills={closurePrefills(order.closure)}
              />
              <OrderPrintButtons orderId={order.id} orderNo={order.orderNo} />
              <Button icon={<ReloadOutlined />} onClick={() => void reload()} data-testid="order-reload">
                刷新
              </Button>
            </Space>
          </Flex>
        </Card>
        {/* Side by side on wide screens, so the 办理过程 is visible without scrolling. */}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <OrderClosurePanel
                closure={order.closure}
                status={order.status}
                allowed={order.allowedEvents.map((e) => e.name)}
              />
              <Card title="工单信息">
                <OrderDescriptions order={order} />
              </Card>
              <Card title="承办单位">
                <OrderUnits units={order.units} tasks={order.network?.tasks} />
              </Card>
              <OrderSupervisions items={order.network?.supervisions ?? []} />
              <OrderNegotiations items={order.network?.negotiations ?? []} />
            </Space>
          </Col>
          <Col xs={24} xl={10}>
            <Card title="办理过程">
              <OrderTimeline
                entries={order.timeline}
                ladder={order.network?.ladder}
                clocks={order.network?.clocks}
                unitName={units.nameOf}
              />
            </Card>
            <OrderFilesPanel orderId={order.id} status={order.status} />
          </Col>
        </Row>
      </Space>
    </Spin>
  );
}
