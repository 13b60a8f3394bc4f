import { APPEAL_TYPES, CALLER_TYPES, CHANNELS, INTAKE_FIELDS, URGENCIES, isPhoneNumber } from '@huawu/domain';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space, Switch, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage, isApiError } from '../../api/client';
import { fetchCategories } from '../../api/intake';
import { createOrder } from '../../api/work-orders';
import { buildCategoryTree } from '../../lib/category-tree';
import { applyIssues } from '../../lib/form-issues';
import { useAsync } from '../../lib/use-async';
import { CREATE_FIELDS, type CreateFormValues, INITIAL_VALUES, toCreateBody } from './create-form-values';

/** Labels, lengths and the phone rule come from the domain's intake fields (the server checks the same). */
const labelOf = (name: string) => INTAKE_FIELDS[name]?.label ?? name;
const maxLengthOf = (name: string) => {
  const spec = INTAKE_FIELDS[name];
  return spec?.kind === 'text' ? spec.maxLength : undefined;
};
const phoneRule = async (_: unknown, value?: string) => {
  if (value && !isPhoneNumber(value.replaceAll(' ', '')))
    throw new Error('请输入11位手机号或带区号的固定电话');
};

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
  const categories = useAsync(fetchCategories);
  const categoryTree = useMemo(
    () => (categories.data ? buildCategoryTree(categories.data.items) : []),
    [categories.data],
  );

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
              label={labelOf('channel')}
              rules={[{ required: true, message: '请选择来源渠道' }]}
            >
              <Select options={options(CHANNELS)} data-testid="field-channel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="callerName" label={labelOf('callerName')}>
              <Input
                maxLength={maxLengthOf('callerName')}
                disabled={anonymous}
                data-testid="field-callerName"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="callerPhone" label={labelOf('callerPhone')} rules={[{ validator: phoneRule }]}>
              <Input
                maxLength={maxLengthOf('callerPhone')}
                disabled={anonymous}
                data-testid="field-callerPhone"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="callerType"
              label={labelOf('callerType')}
              rules={[{ required: true, message: '请选择来电人类型' }]}
            >
              <Select options={options(CALLER_TYPES)} data-testid="field-callerType" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Space size="large" wrap>
              <Form.Item name="anonymous" label={labelOf('anonymous')} valuePropName="checked">
                <Switch
                  data-testid="field-anonymous"
                  onChange={(checked) => {
                    if (checked) form.setFieldsValue({ callerName: undefined, callerPhone: undefined });
                  }}
                />
              </Form.Item>
              <Form.Item name="confidential" label={labelOf('confidential')} valuePropName="checked">
                <Switch data-testid="field-confidential" />
              </Form.Item>
              <Form.Item name="wantsCallback" label={labelOf('wantsCallback')} valuePropName="checked">
                <Switch data-testid="field-wantsCallback" />
              </Form.Item>
            </Space>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="appealType"
              label={labelOf('appealType')}
              rules={[{ required: true, message: '请选择诉求类型' }]}
            >
              <Select placeholder="请选择" options={options(APPEAL_TYPES)} data-testid="field-appealType" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="category" label={labelOf('category')}>
              <TreeSelect
                allowClear
                showSearch
                treeNodeFilterProp="title"
                placeholder="请选择诉求分类"
                treeData={categoryTree}
                loading={categories.loading}
                listHeight={320}
                data-testid="field-category"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="urgency"
              label={labelOf('urgency')}
              rules={[{ required: true, message: '请选择紧急程度' }]}
            >
              <Select options={options(URGENCIES)} data-testid="field-urgency" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="title"
              label={labelOf('title')}
              rules={[
                { required: true, whitespace: true, message: '请填写标题' },
                { max: 100, message: '标题不能超过 100 个字符' },
              ]}
            >
              <Input maxLength={maxLengthOf('title')} showCount data-testid="field-title" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="content"
              label={labelOf('content')}
              rules={[
                { required: true, whitespace: true, message: '请填写诉求内容' },
                { max: 4000, message: '诉求内容不能超过 4000 个字符' },
              ]}
            >
              <Input.TextArea
                rows={6}
                maxLength={maxLengthOf('content')}
                showCount
                data-testid="field-content"
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={labelOf('address')}>
              <Input maxLength={maxLengthOf('address')} data-testid="field-address" />
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
