import type { FieldSpec } from '@huawu/domain';
import { Form, Input } from 'antd';

/** One article field rendered from its domain FieldSpec (all knowledge fields are text). */
export function KbSpecField({ name, spec }: { name: string; spec: FieldSpec }) {
  const testId = `kb-field-input-${name}`;
  const maxLength = spec.kind === 'text' ? spec.maxLength : undefined;
  return (
    <Form.Item
      name={['fields', name]}
      label={spec.label}
      rules={spec.required ? [{ required: true, whitespace: true, message: `请填写${spec.label}` }] : []}
    >
      {spec.kind === 'text' && spec.multiline ? (
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 10 }}
          maxLength={maxLength}
          showCount
          data-testid={testId}
        />
      ) : (
        <Input maxLength={maxLength} data-testid={testId} />
      )}
    </Form.Item>
  );
}
