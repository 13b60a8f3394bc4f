import { type FieldIssue, type Result, fail, ok } from './errors.js';

/**
 * Declarative descriptions of the inputs an action takes. The machine validates with them, the API
 * documents them and the web UI renders its forms from them, so the three cannot disagree.
 */
export type FieldSpec =
  | { kind: 'text'; label: string; required: boolean; maxLength: number; multiline?: boolean }
  | {
      kind: 'enum';
      label: string;
      required: boolean;
      options: { values: readonly string[]; labels: Record<string, string> };
    }
  | { kind: 'unit'; label: string; required: boolean }
  | { kind: 'units'; label: string; required: boolean; max: number }
  | { kind: 'integer'; label: string; required: boolean; min: number; max: number }
  | { kind: 'boolean'; label: string; required: boolean }
  | { kind: 'order'; label: string; required: boolean }
  /** A checklist: any subset of the options (e.g. the review checklist); the value lists the ticked ones. */
  | {
      kind: 'checks';
      label: string;
      required: boolean;
      options: { values: readonly string[]; labels: Record<string, string> };
    };

export type FieldSpecs = Record<string, FieldSpec>;
export type ParsedInput = Record<string, string | string[] | number | boolean | undefined>;

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function parseField(spec: FieldSpec, value: unknown): { value?: ParsedInput[string]; error?: string } {
  switch (spec.kind) {
    case 'text':
    case 'unit':
    case 'order': {
      if (typeof value !== 'string') return { error: '应为文本' };
      // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(value)) return { error: '含有不可见的控制字符' };
      const text = value.trim();
      const max = spec.kind === 'text' ? spec.maxLength : 64;
      if (text.length > max) return { error: `不能超过 ${max} 个字符` };
      return { value: text };
    }
    case 'enum':
      if (typeof value !== 'string' || !spec.options.values.includes(value)) {
        return { error: `应为以下之一：${spec.options.values.join('、')}` };
      }
      return { value };
    case 'units': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
        return { error: '应为单位编号列表' };
      const ids = value.map((v: string) => v.trim());
      if (ids.some((v) => v.length === 0 || v.length > 64)) return { error: '应为单位编号列表' };
      if (ids.length > spec.max) return { error: `最多 ${spec.max} 个` };
      if (new Set(ids).size !== ids.length) return { error: '不能重复' };
      return { value: ids };
    }
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return { error: '应为整数' };
      if (value < spec.min || value > spec.max) return { error: `应在 ${spec.min} 到 ${spec.max} 之间` };
      return { value };
    case 'boolean':
      if (typeof value !== 'boolean') return { error: '应为是或否' };
      return { value };
    case 'checks': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
        return { error: '应为选项列表' };
      if (value.some((v: string) => !spec.options.values.includes(v))) {
        return { error: `只能是以下选项：${spec.options.values.join('、')}` };
      }
      if (new Set(value).size !== value.length) return { error: '不能重复' };
      return { value: value as string[] };
    }
  }
}

/** Validates `raw` against `specs`; unknown keys are refused so typos never pass silently. */
export function parseFields(specs: FieldSpecs, raw: unknown, pathPrefix = 'input'): Result<ParsedInput> {
  const source = raw ?? {};
  if (typeof source !== 'object' || Array.isArray(source)) {
    return fail('VALIDATION_FAILED', '输入应为对象', [{ field: pathPrefix, message: '应为对象' }]);
  }
  const record = source as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  const parsed: ParsedInput = {};
  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(specs, key)) issues.push({ field: `${pathPrefix}.${key}`, message: '不支持的字段' });
  }
  for (const [key, spec] of Object.entries(specs)) {
    const value = record[key];
    if (
      isBlank(value) ||
      ((spec.kind === 'units' || spec.kind === 'checks') && Array.isArray(value) && value.length === 0)
    ) {
      if (spec.required) issues.push({ field: `${pathPrefix}.${key}`, message: `请填写${spec.label}` });
      continue;
    }
    const result = parseField(spec, value);
    if (result.error) issues.push({ field: `${pathPrefix}.${key}`, message: `${spec.label}${result.error}` });
    else parsed[key] = result.value;
  }
  return issues.length > 0 ? fail('VALIDATION_FAILED', undefined, issues) : ok(parsed);
}
