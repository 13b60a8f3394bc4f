import { isLocalDate } from '../calendar/local-date.js';
import { type FieldIssue, type Result, fail, ok } from '../errors.js';
import { parseFields } from '../input-fields.js';
import {
  KB_FIELD_SPECS,
  KB_LIMITS,
  KB_URL_FIELDS,
  type KbArticleKind,
  isItemCode,
  isWebAddress,
} from './article.kinds.js';

/** The content of one article version, as an editor submits it. */
export interface KbArticleInput {
  title: string;
  /** Official item code (create only; guides). */
  itemCode: string | null;
  /** Aliases and colloquial names, separated by single spaces. */
  keywords: string;
  fields: Record<string, string>;
  /** `undefined`: unchanged (proposals only). */
  ownerUnitId: string | undefined;
  validFrom: string | null;
  validTo: string | null;
  nextReviewOn: string | null;
  changeNote: string | null;
  /** The version the proposal was based on (propose only): must still be the latest. */
  baseVersion: number | null;
}

const CREATE_KEYS = [
  'kind',
  'itemCode',
  'title',
  'keywords',
  'fields',
  'ownerUnitId',
  'validFrom',
  'validTo',
  'nextReviewOn',
  'changeNote',
];
const PROPOSE_KEYS = [...CREATE_KEYS.filter((k) => k !== 'kind' && k !== 'itemCode'), 'baseVersion'];

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** Collapses whitespace (and the full-width space and commas people type) in a keyword list. */
export function normalizeKeywords(text: string): string {
  return text
    .split(/[\s,，、;；\u3000]+/)
    .filter(Boolean)
    .join(' ');
}

function text(
  raw: Record<string, unknown>,
  key: string,
  label: string,
  max: number,
  issues: FieldIssue[],
  required = false,
): string | null {
  const value = raw[key];
  if (blank(value)) {
    if (required) issues.push({ field: key, message: `请填写${label}` });
    return null;
  }
  if (typeof value !== 'string') {
    issues.push({ field: key, message: `${label}应为文本` });
    return null;
  }
  if (CONTROL.test(value)) {
    issues.push({ field: key, message: `${label}含有不可见的控制字符` });
    return null;
  }
  const trimmed = value.trim();
  if (trimmed.length > max) {
    issues.push({ field: key, message: `${label}不能超过 ${max} 个字符` });
    return null;
  }
  return trimmed;
}

function date(raw: Record<string, unknown>, key: string, label: string, issues: FieldIssue[]): string | null {
  const value = raw[key];
  if (blank(value)) return null;
  if (!isLocalDate(value)) {
    issues.push({ field: key, message: `${label}格式应为 YYYY-MM-DD` });
    return null;
  }
  return value;
}

/** Validates a kind's fields: specs, then web addresses. Empty values are dropped. */
export function parseKbFields(
  kind: KbArticleKind,
  raw: unknown,
  prefix = 'fields',
): Result<Record<string, string>> {
  const parsed = parseFields(KB_FIELD_SPECS[kind], raw, prefix);
  if (!parsed.ok) return parsed;
  const fields: Record<string, string> = {};
  const issues: FieldIssue[] = [];
  for (const [key, value] of Object.entries(parsed.value)) {
    if (typeof value !== 'string' || value === '') continue;
    if (KB_URL_FIELDS.includes(key) && !isWebAddress(value)) {
      issues.push({ field: `${prefix}.${key}`, message: '应为 http:// 或 https:// 开头的网址' });
      continue;
    }
    fields[key] = value;
  }
  return issues.length > 0 ? fail('VALIDATION_FAILED', undefined, issues) : ok(fields);
}

/**
 * Validates a new article (`create`) or a new version of one (`propose`). For a 知识点 (faq) the
 * question is the title: `title` may be left out, and when the question is left out the title is used.
 */
export function parseKbArticleInput(
  kind: KbArticleKind,
  input: unknown,
  mode: 'create' | 'propose',
): Result<KbArticleInput> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return fail('VALIDATION_FAILED', '输入应为对象', [{ field: 'body', message: '应为对象' }]);
  }
  const raw = input as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  const allowed = mode === 'create' ? CREATE_KEYS : PROPOSE_KEYS;
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key)) issues.push({ field: key, message: '不支持的字段' });
  }
  const faq = kind === 'faq';
  let title = text(raw, 'title', '标题', KB_LIMITS.title, issues, !faq);
  const rawFields =
    raw.fields && typeof raw.fields === 'object' && !Array.isArray(raw.fields)
      ? { ...(raw.fields as Record<string, unknown>) }
      : raw.fields;
  if (
    faq &&
    title &&
    rawFields &&
    typeof rawFields === 'object' &&
    blank((rawFields as Record<string, unknown>).question)
  ) {
    (rawFields as Record<string, unknown>).question = title;
  }
  const fields = parseKbFields(kind, rawFields ?? {}, 'fields');
  if (!fields.ok) issues.push(...(fields.error.issues ?? []));
  if (faq && fields.ok) {
    title = fields.value.question ?? title;
  }
  const itemCode = text(raw, 'itemCode', '事项编码', KB_LIMITS.itemCode, issues);
  if (itemCode && !isItemCode(itemCode)) {
    issues.push({ field: 'itemCode', message: '事项编码应为字母、数字和连字符' });
  }
  const keywords = text(raw, 'keywords', '关键词', KB_LIMITS.keywords, issues);
  let ownerUnitId: string | undefined;
  const owner = text(raw, 'ownerUnitId', '主管单位', 64, issues, mode === 'create');
  if (owner !== null) ownerUnitId = owner;
  const validFrom = date(raw, 'validFrom', '生效日期', issues);
  const validTo = date(raw, 'validTo', '失效日期', issues);
  const nextReviewOn = date(raw, 'nextReviewOn', '下次复核日期', issues);
  if (validFrom && validTo && validFrom > validTo) {
    issues.push({ field: 'validTo', message: '失效日期不能早于生效日期' });
  }
  const changeNote = text(raw, 'changeNote', '修改说明', KB_LIMITS.changeNote, issues, mode === 'propose');
  let baseVersion: number | null = null;
  if (mode === 'propose') {
    const base = raw.baseVersion;
    if (typeof base !== 'number' || !Number.isInteger(base) || base < 1) {
      issues.push({ field: 'baseVersion', message: '请提供修改所依据的版本号（正整数）' });
    } else baseVersion = base;
  }
  if (issues.length > 0) return fail('VALIDATION_FAILED', undefined, issues);
  return ok({
    title: title ?? '',
    itemCode,
    keywords: normalizeKeywords(keywords ?? ''),
    fields: fields.ok ? fields.value : {},
    ownerUnitId,
    validFrom,
    validTo,
    nextReviewOn,
    changeNote,
    baseVersion,
  });
}
