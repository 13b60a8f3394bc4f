import { Alert } from 'antd';
import type { ChainBreak } from '../../api/archive';

/** 校验结果: 通过, or the first broken link named. */
export function ChainResult({
  ok,
  firstBreak,
  okText,
  testId,
}: {
  ok: boolean;
  firstBreak?: ChainBreak;
  okText: string;
  testId: string;
}) {
  if (ok) return <Alert type="success" showIcon title="校验通过" description={okText} data-testid={testId} />;
  return (
    <Alert
      type="error"
      showIcon
      title="校验未通过：第一处断链"
      description={firstBreak?.message ?? '链条断开'}
      data-testid={testId}
    />
  );
}
