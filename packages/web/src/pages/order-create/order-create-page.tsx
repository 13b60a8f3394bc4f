import { APPEAL_TYPES, CALLER_TYPES, CHANNELS, URGENCIES } from '@huawu/domain';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage, isApiError } from '../../api/client';
import { createOrder } from '../../api/work-orders';
import { applyIssues } from '../../lib/form-issues';
import {
  CREATE_FIELDS,
  type CreateFormValues,
  INITIAL_VALUES,
  PHONE_PATTERN,
  toCreateBody,
} from './create-form-values';

const options = (field: { values: readonly string[]; labels: Record<string, string> }) =>
  field.values.map((value) => ({ value, label: field.labels[value] ?? value }));

/** 受理: records a new work order (POST /api/work-orders) and opens it. */
export function OrderCreatePage() {
  const [form] = Form.useForm<CreateFormValues>();
  const anonymous = Form.useWatch('anonymous', form) === true;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (values: CreateFormValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const order = await createOrder(toCreateBody(values));
      message.success(`工单 ${order.orderNo} 已受理`);
      navigate(`/orders/${order.id}`);
    } catch (err) {
      if (isApiError(err) && err.issues.length > 0) {
        const rest = applyIssues(form, err.issues, CREATE_FIELDS);
        setError(
          rest.length ? `${err.message}：${rest.map((issue) => issue.message).join('；')}` : err.message,
        );
      } else {
        setError(errorMessage(err));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Card title="新建工单（受理）">
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="create-error" />
      )}
      <Form<CreateFormValues>
        form={form}
        layout="vertical"
        initialValues={INITIAL_VALUES}
        onFinish={onFinish}
        disabled={submitting}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="channel"
              label="来源渠道"
              rules={[{ required: true, message: '请选择来源渠道' }]}
            >
              <Select options={options(CHANNELS)} data-testid="field-channel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="callerName" label="来电人姓名">
              <Input maxLength={50} disabled={anonymous} data-testid="field-callerName" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="callerPhone"
              label="联系电话"
              rules={[{ pattern: PHONE_PATTERN, message: '请输入11位手机号或带区号的固定电话' }]}
            >
              <Input maxLength={20} disabled={anonymous} data-testid="field-callerPhone" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="callerType"
              label="来电人类型"
              rules={[{ required: true, message: '请选择来电人类型' }]}
            >
              <Select options={options(CALLER_TYPES)} data-testid="field-callerType" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Space size="large" wrap>
              <Form.Item name="anonymous" label="匿名" valuePropName="checked">
                <Switch
                  data-testid="field-anonymous"
                  onChange={(checked) => {
                    if (checked) form.setFieldsValue({ callerName: undefined, callerPhone: undefined });
                  }}
                />
              </Form.Item>
              <Form.Item name="confidential" label="保密" valuePropName="checked">
                <Switch data-testid="field-confidential" />
              </Form.Item>
              <Form.Item name="wantsCallback" label="需要回访" valuePropName="checked">
                <Switch data-testid="field-wantsCallback" />
              </Form.Item>
            </Space>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="appealType"
              label="诉求类型"
              rules={[{ required: true, message: '请选择诉求类型' }]}
            >
              <Select placeholder="请选择" options={options(APPEAL_TYPES)} data-testid="field-appealType" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="category" label="诉求分类">
              <Input maxLength={100} placeholder="如：城市管理/噪音" data-testid="field-category" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="urgency"
              label="紧急程度"
              rules={[{ required: true, message: '请选择紧急程度' }]}
            >
              <Select options={options(URGENCIES)} data-testid="field-urgency" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="title"
              label="标题"
              rules={[
                { required: true, whitespace: true, message: '请填写标题' },
                { max: 100, message: '标题不能超过 100 个字符' },
              ]}
            >
              <Input maxLength={100} showCount data-testid="field-title" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="content"
              label="诉求内容"
              rules={[
                { required: true, whitespace: true, message: '请填写诉求内容' },
                { max: 4000, message: '诉求内容不能超过 4000 个字符' },
              ]}
            >
              <Input.TextArea rows={6} maxLength={4000} showCount data-testid="field-content" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label="事发地址">
              <Input maxLength={200} data-testid="field-address" />
            </Form.Item>
          </Col>
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="create-submit">
            提交受理
          </Button>
          <Button onClick={() => navigate('/orders')} disabled={submitting}>
            取消
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
