import type { FormInstance } from 'antd';
import type { FieldIssue } from '../api/client';

/**
 * Puts server validation issues onto matching form fields. `prefix` strips a path prefix such as
 * `input.`; returns the issues that matched no field so the caller can show them elsewhere.
 */
export function applyIssues(
  form: FormInstance,
  issues: readonly FieldIssue[],
  fieldNames: readonly string[],
  prefix = '',
): FieldIssue[] {
  const byField = new Map<string, string[]>();
  const unmatched: FieldIssue[] = [];
  for (const issue of issues) {
    const name = issue.field.startsWith(prefix) ? issue.field.slice(prefix.length) : issue.field;
    if (fieldNames.includes(name)) byField.set(name, [...(byField.get(name) ?? []), issue.message]);
    else unmatched.push(issue);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unmatched;
}
