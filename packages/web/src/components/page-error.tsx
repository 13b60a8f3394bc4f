import { Button, Result, Typography } from 'antd';
import { errorMessage, isApiError } from '../api/client';

interface Props {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

export function PageError({ error, title, onRetry }: Props) {
  const status =
    isApiError(error) && error.status === 404
      ? '404'
      : isApiError(error) && error.status === 403
        ? '403'
        : 'error';
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <Result
      status={status}
      title={status === '404' ? '未找到' : status === '403' ? '无权访问' : (title ?? '加载失败')}
      subTitle={
        <>
          <div data-testid="page-error">{errorMessage(error)}</div>
          {requestId && <Typography.Text type="secondary">请求编号：{requestId}</Typography.Text>}
        </>
      }
      extra={onRetry && <Button onClick={onRetry}>重试</Button>}
    />
  );
}
