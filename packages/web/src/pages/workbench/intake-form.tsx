import { Form, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { IntakeFields } from '../../components/intake-fields';
import type { CategoryNode } from '../../lib/category-tree';
import { INITIAL_INTAKE, type IntakeValues } from '../../lib/intake-form-values';

interface Props {
  form: FormInstance<IntakeValues>;
  categories: CategoryNode[] | null;
  disabled: boolean;
  onValuesChange: (values: IntakeValues) => void;
  /** Shown under the content field (the five-elements checklist). */
  contentExtra?: ReactNode;
  /** The chosen category's emergency hint (e.g. 燃气泄漏请转119), if it has one. */
  categoryHint?: string | null;
}

/** 受理表单: the shared intake fields, checked live as the agent types, with the call's id. */
export function IntakeForm({
  form,
  categories,
  disabled,
  onValuesChange,
  contentExtra,
  categoryHint,
}: Props) {
  return (
    <Form<IntakeValues>
      form={form}
      layout="vertical"
      size="middle"
      initialValues={INITIAL_INTAKE}
      disabled={disabled}
      onValuesChange={(_, all) => onValuesChange(all)}
      data-testid="intake-form"
    >
      <IntakeFields
        categories={categories}
        categoryHint={categoryHint}
        contentExtra={contentExtra}
        withCallId
      />
    </Form>
  );
}
