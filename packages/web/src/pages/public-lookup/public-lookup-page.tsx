import { Alert, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { isApiError, errorMessage } from '../../api/client';
import { type PublicCase, lookupPublicCase } from '../../api/public-lookup';
import { CaseResult } from './case-result';
import { LookupForm, type LookupValues } from './lookup-form';

const TITLE = '金城市12345 办件查询';

/**
 * 市民办件查询 (/query, no login): a caller sees the progress and the reply of their own case by its
 * order number and the last four digits of their phone. Phone-first: one column, large fields.
 */
export function PublicLookupPage() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PublicCase | null>(null);
  const [error, setError] = useState<{ limited: boolean; message: string } | null>(null);

  useEffect(() => {
    const previous = document.title;
    document.title = TITLE;
    return () => {
      document.title = previous;
    };
  }, []);

  const onSubmit = async ({ orderNo, phoneLast4 }: LookupValues) => {
    setBusy(true);
    setError(null);
    try {
      setResult(await lookupPublicCase(orderNo, phoneLast4));
    } catch (err) {
      setResult(null);
      setError({ limited: isApiError(err) && err.code === 'RATE_LIMITED', message: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Flex vertical gap={16} style={{ maxWidth: 520, margin: '0 auto', padding: '24px 16px 40px' }}>
        <Typography.Title level={3} style={{ margin: 0, textAlign: 'center' }}>
          {TITLE}
        </Typography.Title>
        <div style={{ background: '#fff', borderRadius: 8, padding: 16 }}>
          <LookupForm busy={busy} onSubmit={onSubmit} />
        </div>
        {error &&
          (error.limited ? (
            <Alert
              type="warning"
              showIcon
              title="查询过于频繁"
              description={error.message}
              data-testid="lookup-limited"
            />
          ) : (
            <Alert type="error" showIcon title={error.message} data-testid="lookup-error" />
          ))}
        {result && <CaseResult result={result} />}
        <Typography.Paragraph
          type="secondary"
          style={{ fontSize: 13, margin: 0 }}
          data-testid="lookup-privacy"
        >
          隐私说明：查询结果只显示办理进度、预计办结时间和对您的答复，不显示来电人姓名、电话、地址等个人信息。请勿将工单号和手机号后四位告诉他人；多次输错将暂停查询一段时间。
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ textAlign: 'center', fontSize: 13 }}>
          <Link to="/login">工作人员登录</Link>
        </Typography.Text>
      </Flex>
    </div>
  );
}
