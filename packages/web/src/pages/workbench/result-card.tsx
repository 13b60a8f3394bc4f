import { Button, Result, Space, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { RelatedOrder } from '../../api/intake';
import { StatusTag } from '../../components/status-tag';

export interface IntakeResult {
  id: string;
  orderNo: string;
  status: string;
  statusLabel: string;
  decision: string;
  article?: { title: string; version: number } | null;
  related?: RelatedOrder[];
  warning?: string;
}

interface Props {
  result: IntakeResult;
  onNext: () => void;
}

/** What the call produced: the order, its status and a link; 下一个来电 starts afresh. */
export function ResultCard({ result, onNext }: Props) {
  const navigate = useNavigate();
  return (
    <Result
      status={result.warning ? 'warning' : 'success'}
      style={{ padding: '16px 0' }}
      data-testid="result-card"
      data-order-id={result.id}
      data-status={result.status}
      title={
        <Space wrap>
          <span>{result.decision}</span>
          <Typography.Text strong data-testid="result-order-no">
            {result.orderNo}
          </Typography.Text>
          <StatusTag status={result.status} label={result.statusLabel} testId="result-status" />
        </Space>
      }
      subTitle={
        <Space orientation="vertical" size={2}>
          {result.article && (
            <span data-testid="result-article">
              知识库依据：{result.article.title}（第 {result.article.version} 版）
            </span>
          )}
          {result.related && result.related.length > 0 && (
            <span data-testid="result-related">
              关联工单：{result.related.map((order) => order.orderNo).join('、')}
            </span>
          )}
          {result.warning && <Typography.Text type="warning">{result.warning}</Typography.Text>}
        </Space>
      }
      extra={[
        <Button key="open" onClick={() => navigate(`/orders/${result.id}`)} data-testid="result-link">
          查看工单
        </Button>,
        <Button key="next" type="primary" onClick={onNext} data-testid="next-call">
          下一个来电
        </Button>,
      ]}
    />
  );
}
