import type { FieldIssue } from '@huawu/domain';

/** The subset of an Ajv error we read. */
interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  integer: '整数',
  number: '数字',
  boolean: '布尔值（true/false）',
  object: '对象',
  array: '数组',
};

/**
 * A JSON pointer (`/days/0/kind`) as a field path in the domain's style (`days[0].kind`), the same
 * paths the core reports, so clients can highlight fields whichever layer found the problem.
 */
export function fieldPath(pointer: string): string {
  let path = '';
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    path += /^\d+$/.test(segment) ? `[${segment}]` : path ? `.${segment}` : segment;
  }
  return path;
}

/** `string`, or a union such as `['string', 'null']` (Ajv reports it as "string,null"): null means "may be left empty". */
function typeNames(type: unknown): string {
  const names = String(type)
    .split(',')
    .filter((t) => t !== 'null')
    .map((t) => TYPE_NAMES[t] ?? t);
  return names.join('或') || '空值';
}

/** Turns schema-validation errors into field paths with Chinese messages. */
export function schemaIssues(errors: readonly SchemaError[], context: string): FieldIssue[] {
  const prefix = context === 'body' ? '' : `${context}.`;
  // The whole body (or query, params) is itself the offending value when the path is empty.
  const at = (path: string) => (path ? prefix + path : context);
  return errors.map((e) => {
    const base = fieldPath(e.instancePath);
    const child = (name: unknown) => at(base ? `${base}.${String(name)}` : String(name));
    switch (e.keyword) {
      case 'required':
        return { field: child(e.params.missingProperty), message: '必填' };
      case 'additionalProperties':
        return { field: child(e.params.additionalProperty), message: '不支持的字段' };
      case 'type':
        return { field: at(base), message: `应为${typeNames(e.params.type)}` };
      case 'maxLength':
        return { field: at(base), message: `不能超过 ${e.params.limit} 个字符` };
      case 'minLength':
        return { field: at(base), message: `至少 ${e.params.limit} 个字符` };
      case 'maxItems':
        return { field: at(base), message: `最多 ${e.params.limit} 项` };
      case 'minItems':
        return { field: at(base), message: `至少 ${e.params.limit} 项` };
      case 'minimum':
      case 'maximum':
        return {
          field: at(base),
          message: `应${e.keyword === 'minimum' ? '不小于' : '不大于'} ${e.params.limit}`,
        };
      case 'enum':
        return {
          field: at(base),
          message: `应为以下之一：${(e.params.allowedValues as unknown[]).join('、')}`,
        };
      case 'pattern':
      case 'format':
        return { field: at(base), message: '格式不正确' };
      default:
        // Ajv's own messages are English; clients show these to users.
        return { field: at(base), message: '不符合要求' };
    }
  });
}
