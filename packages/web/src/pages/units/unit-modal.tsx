import { UNIT_KINDS, UNIT_KIND_LABELS } from '@huawu/domain';
import { App, Col, Form, Input, InputNumber, Row, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { type AdminUnit, createUnit, type UnitBody, updateUnit } from '../../api/unit-admin';
import { FormModal } from '../../components/form-modal';
import { listOtherIssues, useFormSubmit } from '../../lib/use-form-submit';
import { kindOptionsUnder, nestBy } from './unit-tree-rows';

interface Values {
  id?: string;
  name?: string;
  kind?: string;
  parentId?: string | null;
  dutyPhone?: string;
  liaisonName?: string;
  liaisonPhone?: string;
  note?: string;
  sortOrder?: number | null;
}

const FIELDS = [
  'id',
  'name',
  'kind',
  'parentId',
  'dutyPhone',
  'liaisonName',
  'liaisonPhone',
  'note',
  'sortOrder',
];
const PHONE_RULE = { pattern: /^[0-9+\- ]{5,20}$/, message: '应为 5–20 位数字、空格、+ 或 -' };

function bodyOf(values: Values): UnitBody {
  const text = (value?: string) => value?.trim() || undefined;
  const body: UnitBody = {
    name: values.name?.trim() ?? '',
    kind: values.kind ?? '',
    parentId: values.parentId ?? null,
  };
  for (const key of ['dutyPhone', 'liaisonName', 'liaisonPhone', 'note'] as const) {
    const value = text(values[key]);
    if (value) body[key] = value;
  }
  if (typeof values.sortOrder === 'number') body.sortOrder = values.sortOrder;
  return body;
}

type TreeNode = { title: string; value: string; key: string; children?: TreeNode[] };

/** 新增下级单位 / 编辑单位: every field of a unit; changing 上级单位 moves it with its sub-units. */
export function UnitModal({
  unit,
  parent,
  units,
  onClose,
  onSaved,
}: {
  /** The unit being edited; absent: a new unit under `parent` (absent too: a top-level unit). */
  unit?: AdminUnit;
  parent?: AdminUnit;
  units: readonly AdminUnit[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { submitting, error, submit } = useFormSubmit(form, {
    fieldNames: FIELDS,
    otherIssues: listOtherIssues((issue) => `${issue.field}：${issue.message}`),
  });
  const parentId = Form.useWatch('parentId', form);
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const parentKind = parentId ? (byId.get(parentId)?.kind ?? null) : null;
  const kinds =
    unit?.kind === 'centre'
      ? [{ value: 'centre', label: UNIT_KIND_LABELS.centre }]
      : unit
        ? UNIT_KINDS.filter((k) => k !== 'centre').map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))
        : kindOptionsUnder(parentKind);

  // Possible parents: active units outside the edited unit's own subtree (the server checks again).
  const parentTree = useMemo(() => {
    const pool = units.filter(
      (u) =>
        u.kind !== 'centre' &&
        (u.active || u.id === unit?.parentId) &&
        !(unit && u.path.startsWith(unit.path)),
    );
    return nestBy<TreeNode>(pool, (u) => ({ title: u.name, value: u.id, key: u.id }));
  }, [units, unit]);

  const save = async (values: Values) => {
    if (unit) await updateUnit(unit.id, bodyOf(values));
    else await createUnit({ id: values.id?.trim() ?? '', ...bodyOf(values) });
    message.success(unit ? '单位已保存' : '单位已新增');
    onSaved();
  };

  const title = unit ? `编辑单位：${unit.name}` : parent ? `新增下级单位（${parent.name}）` : '新增顶级单位';
  return (
    <FormModal
      width={680}
      title={title}
      submitting={submitting}
      error={error}
      onSubmit={() => void submit(save)}
      onClose={onClose}
      okText="保存"
      testIds={{ submit: 'unit-save', error: 'unit-error' }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={submitting}
        initialValues={{
          id: undefined,
          name: unit?.name,
          kind: unit?.kind ?? kindOptionsUnder(parent?.kind ?? null)[0]?.value,
          parentId: unit ? unit.parentId : (parent?.id ?? null),
          dutyPhone: unit?.dutyPhone ?? undefined,
          liaisonName: unit?.liaisonName ?? undefined,
          liaisonPhone: unit?.liaisonPhone ?? undefined,
          note: unit?.note ?? undefined,
          sortOrder: unit?.sortOrder ?? null,
        }}
        data-testid="unit-form"
      >
        <Row gutter={16}>
          <Col span={10}>
            {unit ? (
              <Form.Item label="单位编号">
                <Input value={unit.id} disabled data-testid="unit-field-id" />
              </Form.Item>
            ) : (
              <Form.Item
                name="id"
                label="单位编号"
                extra="小写字母、数字、- 或 _，创建后不能修改"
                rules={[
                  { required: true, message: '请填写单位编号' },
                  { pattern: /^[a-z0-9][a-z0-9_-]{1,39}$/, message: '应为 2–40 位小写字母、数字、_ 或 -' },
                ]}
              >
                <Input maxLength={40} placeholder="如 heping-xingfu" data-testid="unit-field-id" />
              </Form.Item>
            )}
          </Col>
          <Col span={14}>
            <Form.Item name="name" label="单位名称" rules={[{ required: true, message: '请填写单位名称' }]}>
              <Input maxLength={60} data-testid="unit-field-name" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item
              name="parentId"
              label="上级单位"
              extra={unit ? '更改上级即移动该单位及其全部下级单位' : '留空为顶级单位'}
            >
              <TreeSelect
                allowClear
                showSearch
                treeDefaultExpandAll
                treeNodeFilterProp="title"
                treeData={parentTree}
                disabled={unit?.kind === 'centre'}
                placeholder="顶级单位"
                data-testid="unit-field-parent"
              />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="kind" label="单位类型" rules={[{ required: true, message: '请选择单位类型' }]}>
              <Select options={kinds} data-testid="unit-field-kind" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="dutyPhone" label="值班电话" rules={[PHONE_RULE]}>
              <Input maxLength={20} data-testid="unit-field-duty-phone" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="liaisonName" label="联络人">
              <Input maxLength={30} data-testid="unit-field-liaison-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="liaisonPhone" label="联络人电话" rules={[PHONE_RULE]}>
              <Input maxLength={20} data-testid="unit-field-liaison-phone" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={18}>
            <Form.Item name="note" label="备注">
              <Input.TextArea rows={2} maxLength={200} showCount data-testid="unit-field-note" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="sortOrder" label="排序号" extra="小的在前">
              <InputNumber
                min={0}
                max={9999}
                precision={0}
                style={{ width: '100%' }}
                data-testid="unit-field-sort"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormModal>
  );
}
