import {
  APPEAL_TYPES,
  CALLER_TYPES,
  CHANNELS,
  type FieldSpec,
  INTAKE_FIELDS,
  isPhoneNumber,
  URGENCIES,
} from '@huawu/domain';
import { Col, Form, Input, Row, Select, Space, Switch, TreeSelect, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { CategoryNode } from '../lib/category-tree';
import type { IntakeValues } from '../lib/intake-form-values';
import { SpecField } from '../pages/order-detail/spec-field';

/** Labels, lengths, required fields and the phone rule come from the domain's intake fields (the server checks the same). */
const labelOf = (name: string) => INTAKE_FIELDS[name]?.label ?? name;
const maxLengthOf = (name: string) => {
  const spec = INTAKE_FIELDS[name];
  return spec?.kind === 'text' ? spec.maxLength : undefined;
};
const required = (name: string, message: string) => {
  const spec = INTAKE_FIELDS[name];
  return spec?.required ? [{ required: true, whitespace: spec.kind === 'text', message }] : [];
};
const phoneRule = async (_: unknown, value?: string) => {
  if (value && !isPhoneNumber(value.replaceAll(' ', '')))
    throw new Error('请输入11位手机号或带区号的固定电话');
};
const options = (field: { values: readonly string[]; labels: Record<string, string> }) =>
  field.values.map((value) => ({ value, label: field.labels[value] ?? value }));

/** Fields laid out below; any other intake field the domain adds is rendered from its spec at the end. */
const LAID_OUT = new Set([
  'channel',
  'callerName',
  'callerPhone',
  'callerType',
  'anonymous',
  'confidential',
  'wantsCallback',
  'appealType',
  'category',
  'title',
  'content',
  'address',
  'divisionCode',
  'urgency',
  'callId',
]);
const EXTRA_FIELDS = Object.entries(INTAKE_FIELDS).filter(([name]) => !LAID_OUT.has(name)) as [
  string,
  FieldSpec,
][];

interface Props {
  /** The category tree; null while it is not loaded (a plain text input then). */
  categories: CategoryNode[] | null;
  categoriesLoading?: boolean;
  /** The chosen category's emergency hint (e.g. 燃气泄漏请转119), if it has one. */
  categoryHint?: string | null;
  /** Shown under the content field (e.g. the five-elements checklist). */
  contentExtra?: ReactNode;
  /** Shows the read-only call id (filled from the telephony bar on the workbench). */
  withCallId?: boolean;
}

/**
 * The intake fields of domain.md §4 that the API accepts (新建工单 and the workbench's 受理表单);
 * rendered inside the page's own `<Form>`, whose values are {@link IntakeValues}.
 */
export function IntakeFields({
  categories,
  categoriesLoading,
  categoryHint,
  contentExtra,
  withCallId = false,
}: Props) {
  const form = Form.useFormInstance<IntakeValues>();
  const anonymous = Form.useWatch('anonymous', form) === true;

  return (
    <Row gutter={12}>
      <Col xs={24} md={8}>
        <Form.Item name="callerName" label={labelOf('callerName')}>
          <Input
            maxLength={maxLengthOf('callerName')}
            disabled={anonymous || undefined}
            data-testid="field-callerName"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="callerPhone" label={labelOf('callerPhone')} rules={[{ validator: phoneRule }]}>
          <Input
            maxLength={maxLengthOf('callerPhone')}
            disabled={anonymous || undefined}
            data-testid="field-callerPhone"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name="callerType"
          label={labelOf('callerType')}
          rules={required('callerType', '请选择来电人类型')}
        >
          <Select options={options(CALLER_TYPES)} data-testid="field-callerType" />
        </Form.Item>
      </Col>
      <Col span={24}>
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
      <Col xs={24} md={6}>
        <Form.Item
          name="appealType"
          label={labelOf('appealType')}
          rules={required('appealType', '请选择诉求类型')}
        >
          <Select placeholder="请选择" options={options(APPEAL_TYPES)} data-testid="field-appealType" />
        </Form.Item>
      </Col>
      <Col xs={24} md={10}>
        <Form.Item
          name="category"
          label={labelOf('category')}
          extra={
            categoryHint ? (
              <Typography.Text type="danger" data-testid="category-hint">
                {categoryHint}
              </Typography.Text>
            ) : undefined
          }
        >
          {categories ? (
            <TreeSelect
              allowClear
              showSearch
              treeNodeFilterProp="title"
              placeholder="请选择诉求分类"
              treeData={categories}
              loading={categoriesLoading}
              listHeight={320}
              data-testid="field-category"
            />
          ) : (
            <Input maxLength={maxLengthOf('category')} data-testid="field-category" />
          )}
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name="urgency" label={labelOf('urgency')} rules={required('urgency', '请选择紧急程度')}>
          <Select options={options(URGENCIES)} data-testid="field-urgency" />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name="channel" label={labelOf('channel')} rules={required('channel', '请选择来源渠道')}>
          <Select options={options(CHANNELS)} data-testid="field-channel" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="title" label={labelOf('title')} rules={required('title', '请填写标题')}>
          <Input maxLength={maxLengthOf('title')} showCount data-testid="field-title" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="content"
          label={labelOf('content')}
          rules={required('content', '请填写诉求内容')}
          extra={contentExtra}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 10 }}
            maxLength={maxLengthOf('content')}
            showCount
            placeholder="记录五要素：姓名、时间、地址、起因、经过"
            data-testid="field-content"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={withCallId ? 16 : 20}>
        <Form.Item name="address" label={labelOf('address')}>
          <Input maxLength={maxLengthOf('address')} data-testid="field-address" />
        </Form.Item>
      </Col>
      <Col xs={withCallId ? 12 : 24} md={4}>
        <Form.Item name="divisionCode" label={labelOf('divisionCode')}>
          <Input maxLength={maxLengthOf('divisionCode')} data-testid="field-divisionCode" />
        </Form.Item>
      </Col>
      {withCallId && (
        <Col xs={12} md={4}>
          <Form.Item name="callId" label={labelOf('callId')}>
            <Input maxLength={maxLengthOf('callId')} readOnly data-testid="field-callId" />
          </Form.Item>
        </Col>
      )}
      {EXTRA_FIELDS.map(([name, spec]) => (
        <Col xs={24} md={8} key={name}>
          <SpecField name={name} spec={{ ...spec, required: false }} unitTree={[]} />
        </Col>
      ))}
    </Row>
  );
}
