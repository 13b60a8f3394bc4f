import { CATEGORY_UPDATE_FIELDS } from '@huawu/domain';
import { App, Form, Input, Switch, Typography } from 'antd';
import { type Category, updateCategory } from '../../api/intake';
import { FormModal } from '../../components/form-modal';
import { listOtherIssues, useFormSubmit } from '../../lib/use-form-submit';
import { clearIssuesOnChange } from './clear-issues';

interface Values {
  name: string;
  emergencyHint: string;
  active: boolean;
}

const FIELDS = ['name', 'emergencyHint', 'active'];
const maxOf = (field: string) => {
  const spec = CATEGORY_UPDATE_FIELDS[field];
  return spec?.kind === 'text' ? spec.maxLength : undefined;
};

/** 编辑诉求分类: name, emergency hint (shown to the agent who picks it) and whether it can be chosen. */
export function CategoryModal({
  category,
  onClose,
  onSaved,
}: {
  category: Category;
  onClose: () => void;
  onSaved: (category: Category) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { submitting, error, submit } = useFormSubmit(form, {
    fieldNames: FIELDS,
    otherIssues: listOtherIssues(),
  });

  const save = async (values: Values) => {
    const saved = await updateCategory(category.code, {
      name: values.name.trim(),
      emergencyHint: (values.emergencyHint ?? '').trim(),
      active: values.active,
    });
    message.success('分类已保存');
    onSaved(saved);
  };

  return (
    <FormModal
      title={`编辑诉求分类 · ${category.code}`}
      submitting={submitting}
      error={error}
      onSubmit={() => void submit(save)}
      onClose={onClose}
      okText="保存"
      testIds={{ submit: 'category-save', error: 'category-error' }}
    >
      <Typography.Paragraph type="secondary">{category.path}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={submitting}
        onValuesChange={clearIssuesOnChange(form)}
        initialValues={{
          name: category.name,
          emergencyHint: category.emergencyHint ?? '',
          active: category.active,
        }}
        data-testid="category-form"
      >
        <Form.Item
          name="name"
          label="分类名称"
          rules={[{ required: true, whitespace: true, message: '请填写分类名称' }]}
        >
          <Input maxLength={maxOf('name')} data-testid="category-name" />
        </Form.Item>
        <Form.Item
          name="emergencyHint"
          label="紧急提示"
          extra="话务员选择该分类时显示，如「闻到燃气味……请立即转119」；留空表示无提示。"
        >
          <Input.TextArea rows={2} maxLength={maxOf('emergencyHint')} showCount data-testid="category-hint" />
        </Form.Item>
        <Form.Item
          name="active"
          label="启用"
          valuePropName="checked"
          extra="停用后受理时不能再选择该分类，已有工单不受影响。"
        >
          <Switch data-testid="category-active" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
