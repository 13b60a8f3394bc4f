import type { FieldSpec } from '@huawu/domain';
import { Checkbox, Form, Input, InputNumber, Select, Switch, TreeSelect } from 'antd';
import type { Rule } from 'antd/es/form';
import type { UnitTreeNode } from '../../lib/unit-tree';

interface Props {
  name: string;
  spec: FieldSpec;
  unitTree: UnitTreeNode[];
}

function rulesFor(spec: FieldSpec): Rule[] {
  if (!spec.required || spec.kind === 'boolean') return [];
  const choose = spec.kind === 'enum' || spec.kind === 'unit' || spec.kind === 'units';
  const message = `${choose ? '请选择' : '请填写'}${spec.label}`;
  if (spec.kind === 'units' || spec.kind === 'checks')
    return [{ required: true, type: 'array', min: 1, message }];
  if (spec.kind === 'integer') return [{ required: true, message }];
  return [{ required: true, whitespace: spec.kind !== 'enum' && spec.kind !== 'unit', message }];
}

function control(name: string, spec: FieldSpec, unitTree: UnitTreeNode[]) {
  const testId = `field-${name}`;
  switch (spec.kind) {
    case 'text':
      return spec.multiline ? (
        <Input.TextArea rows={4} maxLength={spec.maxLength} showCount data-testid={testId} />
      ) : (
        <Input maxLength={spec.maxLength} data-testid={testId} />
      );
    case 'enum':
      return (
        <Select
          allowClear={!spec.required}
          placeholder={`请选择${spec.label}`}
          options={spec.options.values.map((value) => ({
            value,
            label: spec.options.labels[value] ?? value,
          }))}
          data-testid={testId}
        />
      );
    case 'unit':
    case 'units':
      return (
        <TreeSelect
          allowClear
          showSearch
          treeDefaultExpandAll
          treeNodeFilterProp="title"
          multiple={spec.kind === 'units'}
          placeholder={`请选择${spec.label}`}
          treeData={unitTree}
          data-testid={testId}
        />
      );
    case 'integer':
      return (
        <InputNumber
          min={spec.min}
          max={spec.max}
          precision={0}
          style={{ width: 160 }}
          data-testid={testId}
        />
      );
    case 'boolean':
      return <Switch data-testid={testId} />;
    case 'order':
      return <Input placeholder="工单编号或 ID" maxLength={64} data-testid={testId} />;
    case 'checks':
      return (
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          options={spec.options.values.map((value) => ({
            value,
            label: spec.options.labels[value] ?? value,
          }))}
          data-testid={testId}
        />
      );
    default:
      return <Input data-testid={testId} />;
  }
}

/** One form item rendered from a domain FieldSpec (the server's description of an action's input). */
export function SpecField({ name, spec, unitTree }: Props) {
  const extra =
    spec.kind === 'units'
      ? `最多 ${spec.max} 个`
      : spec.kind === 'integer'
        ? `${spec.min}–${spec.max}`
        : undefined;
  return (
    <Form.Item
      name={name}
      label={spec.label}
      rules={rulesFor(spec)}
      extra={extra}
      valuePropName={spec.kind === 'boolean' ? 'checked' : 'value'}
      initialValue={spec.kind === 'boolean' ? false : spec.kind === 'checks' ? [] : undefined}
    >
      {control(name, spec, unitTree)}
    </Form.Item>
  );
}
