import type { FieldIssue } from '@huawu/domain';

/** The subset of an Ajv error we read. */
interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  integer: '整数',
  number: '数字',
  boolean: '布尔值（true/false）',
  object: '对象',
  array: '数组',
};

/** Turns schema-validation errors into field paths with Chinese messages. */
export function schemaIssues(errors: readonly SchemaError[], context: string): FieldIssue[] {
  return errors.map((e) => {
    const base = e.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const join = (name: unknown) => [base, String(name)].filter(Boolean).join('.');
    const prefix = context === 'body' ? '' : `${context}.`;
    switch (e.keyword) {
      case 'required':
        return { field: prefix + join(e.params.missingProperty), message: '必填' };
      case 'additionalProperties':
        return { field: prefix + join(e.params.additionalProperty), message: '不支持的字段' };
      case 'type':
        return { field: prefix + (base || context), message: `应为${TYPE_NAMES[String(e.params.type)] ?? e.params.type}` };
      case 'maxLength':
        return { field: prefix + base, message: `不能超过 ${e.params.limit} 个字符` };
      case 'minLength':
        return { field: prefix + base, message: `至少 ${e.params.limit} 个字符` };
      case 'minimum':
      case 'maximum':
        return { field: prefix + base, message: `应${e.keyword === 'minimum' ? '不小于' : '不大于'} ${e.params.limit}` };
      case 'enum':
        return { field: prefix + base, message: `应为以下之一：${(e.params.allowedValues as unknown[]).join('、')}` };
      case 'pattern':
      case 'format':
        return { field: prefix + base, message: '格式不正确' };
      default:
        return { field: prefix + (base || context), message: e.message ?? '不符合要求' };
    }
  });
}
