import { App, Col, Form, Input, Row, Switch, TreeSelect } from 'antd';
import {
  createDispatchEntry,
  type DispatchEntry,
  type DispatchEntryBody,
  updateDispatchEntry,
} from '../../api/dispatch';
import { FormModal } from '../../components/form-modal';
import type { CategoryNode } from '../../lib/category-tree';
import type { UnitTreeNode } from '../../lib/unit-tree';
import { listOtherIssues, useFormSubmit } from '../../lib/use-form-submit';

interface Values {
  categoryCode?: string;
  divisionCode?: string;
  leadUnitId?: string;
  coUnitIds?: string[];
  note?: string;
  active: boolean;
}

const FIELDS = ['categoryCode', 'divisionCode', 'leadUnitId', 'coUnitIds', 'note', 'active'];

/** The whole-entry body of a PUT / POST (blank division and note left out). */
export function bodyOfEntry(values: {
  categoryCode?: string;
  divisionCode?: string | null;
  leadUnitId?: string;
  coUnitIds?: string[];
  note?: string | null;
  active?: boolean;
}): DispatchEntryBody {
  const division = values.divisionCode?.trim();
  const note = values.note?.trim();
  return {
    categoryCode: values.categoryCode ?? '',
    ...(division ? { divisionCode: division } : {}),
    leadUnitId: values.leadUnitId ?? '',
    coUnitIds: values.coUnitIds ?? [],
    ...(note ? { note } : {}),
    ...(values.active === undefined ? {} : { active: values.active }),
  };
}

/** 新增 / 编辑派单目录条目: category, optional division, lead and co-units (a PUT replaces the entry). */
export function EntryModal({
  entry,
  categories,
  unitTree,
  onClose,
  onSaved,
}: {
  entry?: DispatchEntry;
  categories: CategoryNode[];
  unitTree: UnitTreeNode[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { submitting, error, submit } = useFormSubmit(form, {
    fieldNames: FIELDS,
    otherIssues: listOtherIssues((issue) => `${issue.field}：${issue.message}`),
  });

  const save = async (values: Values) => {
    if (entry) await updateDispatchEntry(entry.id, bodyOfEntry(values));
    else await createDispatchEntry(bodyOfEntry(values));
    message.success(entry ? '条目已保存' : '条目已新增');
    onSaved();
  };

  const unitSelect = (testId: string, multiple: boolean) => (
    <TreeSelect
      allowClear
      showSearch
      treeDefaultExpandAll
      treeNodeFilterProp="title"
      multiple={multiple}
      treeData={unitTree}
      placeholder={multiple ? '可选，最多 10 个' : '请选择主办单位'}
      data-testid={testId}
    />
  );

  return (
    <FormModal
      width={680}
      title={entry ? '编辑派单目录条目' : '新增派单目录条目'}
      submitting={submitting}
      error={error}
      onSubmit={() => void submit(save)}
      onClose={onClose}
      okText="保存"
      testIds={{ submit: 'entry-save', error: 'entry-error' }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={submitting}
        initialValues={{
          categoryCode: entry?.categoryCode,
          divisionCode: entry?.divisionCode ?? undefined,
          leadUnitId: entry?.leadUnitId,
          coUnitIds: entry?.coUnitIds ?? [],
          note: entry?.note ?? undefined,
          active: entry?.active ?? true,
        }}
        data-testid="entry-form"
      >
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item
              name="categoryCode"
              label="诉求分类"
              rules={[{ required: true, message: '请选择诉求分类' }]}
            >
              <TreeSelect
                showSearch
                allowClear
                treeNodeFilterProp="title"
                treeData={categories}
                listHeight={280}
                placeholder="选择分类（其下级分类无专门条目时也按此派单）"
                data-testid="entry-field-category"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="divisionCode"
              label="行政区划代码"
              extra="留空为全部区划"
              rules={[{ pattern: /^[0-9]{2,12}$/, message: '区划代码为 2–12 位数字' }]}
            >
              <Input maxLength={12} placeholder="如 620102" data-testid="entry-field-division" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="leadUnitId" label="主办单位" rules={[{ required: true, message: '请选择主办单位' }]}>
          {unitSelect('entry-field-lead', false)}
        </Form.Item>
        <Form.Item name="coUnitIds" label="协办单位">
          {unitSelect('entry-field-co', true)}
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="entry-field-note" />
        </Form.Item>
        {entry && (
          <Form.Item name="active" label="启用" valuePropName="checked">
            <Switch data-testid="entry-field-active" />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
