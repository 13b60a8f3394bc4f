import { APPEAL_TYPES } from '@huawu/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Divider,
  Form,
  type FormInstance,
  InputNumber,
  Radio,
  Row,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, isApiError } from '../../api/client';
import { fetchClosurePolicy, saveClosurePolicy } from '../../api/closure';
import { useCurrentUser } from '../../auth/auth-context';
import { PageError } from '../../components/page-error';
import { PageLoading } from '../../components/page-loading';
import { useAsync } from '../../lib/use-async';
import { ChecklistEditor } from './checklist-editor';
import { type PolicyFormValues, fromFormValues, issueName, toFormValues } from './policy-form-values';

const number = (name: string | string[], label: string, min: number, max: number, addon?: string) => (
  <Form.Item name={name} label={label} rules={[{ required: true, message: `请填写${label}` }]}>
    <InputNumber min={min} max={max} precision={0} suffix={addon} style={{ width: 180 }} />
  </Form.Item>
);

/** 办结与归档规则: the review checklist, satisfaction scale, callback attempts, sampling, appeal and retention. */
export function ClosureSettingsPage() {
  const user = useCurrentUser();
  const editable = user.role === 'admin' || user.role === 'supervisor';
  const { message } = App.useApp();
  const [form] = Form.useForm<PolicyFormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { data, error: loadError, reload } = useAsync(useCallback(() => fetchClosurePolicy(), []));

  useEffect(() => {
    if (data) form.setFieldsValue(toFormValues(data));
  }, [data, form]);

  const save = async () => {
    let values: PolicyFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      form.setFieldsValue(toFormValues(await saveClosurePolicy(fromFormValues(values))));
      message.success('办结与归档规则已保存');
    } catch (err) {
      if (isApiError(err) && err.issues.length > 0)
        (form as FormInstance).setFields(
          err.issues.map((i) => ({ name: issueName(i), errors: [i.message] })),
        );
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  if (loadError) return <PageError error={loadError} title="办结与归档规则加载失败" onRetry={reload} />;
  if (!data) return <PageLoading />;
  return (
    <Card
      title="办结与归档规则"
      data-testid="closure-settings"
      extra={
        editable && (
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="closure-save">
            保存
          </Button>
        )
      }
    >
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="closure-error" />
      )}
      <Form form={form} layout="vertical" disabled={!editable || saving}>
        <Divider titlePlacement="start">答复审核清单</Divider>
        <ChecklistEditor />
        <Divider titlePlacement="start">回访</Divider>
        <Form.Item name="satisfactionScale" label="满意度评价">
          <Radio.Group data-testid="closure-scale">
            <Radio value={3}>三级（满意 / 基本满意 / 不满意）</Radio>
            <Radio value={5}>五级（非常满意 … 非常不满意）</Radio>
          </Radio.Group>
        </Form.Item>
        <Row gutter={24}>
          <Col>{number('unreachableAfterAttempts', '未接通几次可按“无法联系”办结', 1, 10, '次')}</Col>
          <Col>{number('attemptGapMinutes', '两次回访至少间隔', 0, 1440, '分钟')}</Col>
          <Col>
            <Form.Item name="samplePercent" label="直办件回访抽样比例" rules={[{ required: true }]}>
              <InputNumber min={0} max={100} precision={1} suffix="%" style={{ width: 180 }} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">申诉与归档</Divider>
        {number('appealWindowDays', '承办单位申诉期限', 0, 30, '工作日')}
        <Row gutter={24}>
          {APPEAL_TYPES.values.map((t) => (
            <Col key={t}>
              {number(['retentionYears', t], `${APPEAL_TYPES.labels[t]}保管期限`, 1, 100, '年')}
            </Col>
          ))}
        </Row>
      </Form>
    </Card>
  );
}
