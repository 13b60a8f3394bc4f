import { App, Col, Form, Input, InputNumber, Radio, Row, Select, Switch, TreeSelect } from 'antd';
import {
  createScopeRule,
  type EmergencyTarget,
  type ScopeRule,
  type ScopeRuleBody,
  type ScopeRuleKind,
  updateScopeRule,
} from '../../api/intake';
import { FormModal } from '../../components/form-modal';
import type { CategoryNode } from '../../lib/category-tree';
import { listOtherIssues, useFormSubmit } from '../../lib/use-form-submit';
import { clearIssuesOnChange } from './clear-issues';
import { KIND_OPTIONS, REASON_OPTIONS, TARGET_OPTIONS } from './scope-labels';

interface Values {
  kind: ScopeRuleKind;
  label: string;
  keywords: string[];
  exclusions: string[];
  categories: string[];
  target?: EmergencyTarget;
  reasonCode?: string;
  script: string;
  priority: number;
  active: boolean;
}

const FIELDS = [
  'kind',
  'label',
  'keywords',
  'exclusions',
  'categories',
  'target',
  'reasonCode',
  'script',
  'priority',
  'active',
];

/** Typing one of these ends a tag, so a pasted 「着火，冒烟、浓烟」 becomes three keywords. */
const TAG_SEPARATORS = [',', '，', '、', ';', '；', '\n'];

const initialOf = (rule?: ScopeRule): Values => ({
  kind: rule?.kind ?? 'emergency',
  label: rule?.label ?? '',
  keywords: rule?.keywords ?? [],
  exclusions: rule?.exclusions ?? [],
  categories: rule?.categories ?? [],
  target: rule?.target ?? undefined,
  reasonCode: rule?.reasonCode ?? undefined,
  script: rule?.script ?? '',
  priority: rule?.priority ?? 0,
  active: rule?.active ?? true,
});

function bodyOf(values: Values): ScopeRuleBody {
  const emergency = values.kind === 'emergency';
  return {
    kind: values.kind,
    label: values.label.trim(),
    keywords: values.keywords ?? [],
    exclusions: values.exclusions ?? [],
    categories: values.categories ?? [],
    target: emergency ? (values.target ?? null) : null,
    reasonCode: emergency ? null : (values.reasonCode ?? null),
    script: values.script.trim(),
    priority: values.priority ?? 0,
    active: values.active,
  };
}

/**
 * 新增 / 编辑受理范围规则 (a PUT replaces the whole rule). Keywords, exclusions and categories are tags;
 * an emergency rule names where to transfer, a not-accept rule the reason code recorded on rejection.
 */
export function ScopeRuleModal({
  rule,
  categories,
  onClose,
  onSaved,
}: {
  rule?: ScopeRule;
  categories: CategoryNode[];
  onClose: () => void;
  onSaved: (rule: ScopeRule) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? rule?.kind ?? 'emergency';
  const { submitting, error, submit } = useFormSubmit(form, {
    fieldNames: FIELDS,
    otherIssues: listOtherIssues((issue) => `${issue.field}：${issue.message}`),
  });

  const save = async (values: Values) => {
    const body = bodyOf(values);
    const saved = rule ? await updateScopeRule(rule.id, body) : await createScopeRule(body);
    message.success(rule ? '规则已保存' : '规则已新增');
    onSaved(saved);
  };

  const tags = (testId: string, placeholder: string) => (
    <Select
      mode="tags"
      open={false}
      suffixIcon={null}
      tokenSeparators={TAG_SEPARATORS}
      placeholder={placeholder}
      data-testid={testId}
    />
  );

  return (
    <FormModal
      width={720}
      title={rule ? `编辑规则 · ${rule.label}` : '新增受理范围规则'}
      submitting={submitting}
      error={error}
      onSubmit={() => void submit(save)}
      onClose={onClose}
      okText="保存"
      testIds={{ submit: 'rule-save', error: 'rule-error' }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={submitting}
        onValuesChange={clearIssuesOnChange(form)}
        initialValues={initialOf(rule)}
        data-testid="rule-form"
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
              <Radio.Group optionType="button" options={KIND_OPTIONS} data-testid="rule-kind" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="label"
              label="规则名称"
              rules={[{ required: true, whitespace: true, message: '请填写规则名称' }]}
            >
              <Input maxLength={50} data-testid="rule-label" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="keywords"
          label="触发关键词"
          extra="来电内容（标题和诉求内容）出现任一关键词即提示；“不是着火”“没有人受伤”等否定说法不触发。输入后按回车或逗号。"
        >
          {tags('rule-keywords', '如：着火、冒烟')}
        </Form.Item>
        <Form.Item
          name="exclusions"
          label="排除短语"
          extra="含关键词的短语（如“火灾隐患”）抵消该处关键词；不含关键词的短语（如“宠物”）抵消同一句中的关键词。"
        >
          {tags('rule-exclusions', '如：火灾隐患')}
        </Form.Item>
        <Form.Item name="categories" label="诉求分类（含下级）">
          <TreeSelect
            multiple
            allowClear
            showSearch
            treeNodeFilterProp="title"
            treeData={categories}
            listHeight={280}
            placeholder="选择分类后，该分类及其下级的来电也触发本规则"
            data-testid="rule-categories"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={16}>
            {kind === 'emergency' ? (
              <Form.Item
                name="target"
                label="转接对象"
                rules={[{ required: true, message: '请选择转接对象' }]}
              >
                <Select options={TARGET_OPTIONS} data-testid="rule-target" />
              </Form.Item>
            ) : (
              <Form.Item
                name="reasonCode"
                label="不予受理原因"
                rules={[{ required: true, message: '请选择不予受理原因' }]}
              >
                <Select options={REASON_OPTIONS} data-testid="rule-reason" />
              </Form.Item>
            )}
          </Col>
          <Col span={4}>
            <Form.Item name="priority" label="优先级" tooltip="同类规则同时命中时，优先级高的排在前面">
              <InputNumber min={-1000} max={1000} precision={0} data-testid="rule-priority" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="active" label="启用" valuePropName="checked">
              <Switch data-testid="rule-active" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="script"
          label="话术"
          rules={[{ required: true, whitespace: true, message: '请填写话术' }]}
          extra={
            kind === 'not_accept'
              ? '以「抱歉，这个问题不属于12345热线受理范围，」开头并告知来电人正确渠道。'
              : undefined
          }
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="rule-script" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
