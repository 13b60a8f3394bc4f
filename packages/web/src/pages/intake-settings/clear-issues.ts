import type { FormInstance } from 'antd';

/**
 * `onValuesChange` for forms that show server issues on their fields: an edited field drops its old
 * server error at once (the form's own rules, if any, validate it again right after).
 */
export function clearIssuesOnChange(form: FormInstance) {
  return (changed: Record<string, unknown>) =>
    form.setFields(Object.keys(changed).map((name) => ({ name, errors: [] })));
}
