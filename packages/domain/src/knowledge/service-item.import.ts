import { isLocalDate } from '../calendar/local-date.js';
import { type Result, fail, ok } from '../errors.js';
import { KB_GUIDE_FIELDS, KB_LIMITS, isItemCode, isWebAddress } from './article.kinds.js';
import { normalizeKeywords } from './article.input.js';

/**
 * Rows of a service-item CSV (事项清单) as the import reads them. Two headers are understood: the
 * government catalogue export (department,main_item,item_name,item_code,area_code,task_type,dept_code,
 * link — see core/data/service-items/) and Huawu's own export (the same names plus the guide fields).
 * Pure: the core parses the CSV text into string records and stores the rows this returns.
 */

/** CSV column of each guide field (`link` is the catalogue's name for the online address). */
export const KB_GUIDE_CSV_COLUMNS: Record<string, string> = {
  conditions: 'conditions',
  materials: 'materials',
  promisedDays: 'promised_days',
  legalDays: 'legal_days',
  location: 'location',
  hours: 'hours',
  phone: 'phone',
  fee: 'fee',
  basis: 'basis',
  onlineUrl: 'link',
  summary: 'summary',
};

/** Columns of Huawu's guide export, in order (the import accepts any order and a subset). */
export const KB_GUIDE_EXPORT_COLUMNS = [
  'kind',
  'item_code',
  'item_name',
  'department',
  'owner_unit_id',
  'keywords',
  ...Object.values(KB_GUIDE_CSV_COLUMNS),
  'valid_from',
  'valid_to',
  'next_review_on',
  'status',
  'published_version',
  'updated_at',
] as const;

/** Columns read but not stored (catalogue codes, export-only facts). */
const INFORMATIVE = [
  'area_code',
  'task_type',
  'dept_code',
  'id',
  'status',
  'published_version',
  'updated_at',
  'question',
  'answer',
];
const KNOWN = new Set<string>([...KB_GUIDE_EXPORT_COLUMNS, 'main_item', ...INFORMATIVE]);
const REQUIRED = ['item_code', 'item_name'] as const;

export interface KbImportIssue {
  /** Spreadsheet row number: the header is row 1, the first item row 2. */
  row: number;
  /** The CSV column at fault (`columns` for a wrong number of cells). */
  field: string;
  message: string;
}

/** One valid row. A property left `undefined` had no column in the file: the import keeps what is stored. */
export interface KbImportRow {
  row: number;
  itemCode: string;
  title: string;
  ownerUnitName: string | undefined;
  ownerUnitId: string | undefined;
  keywords: string | undefined;
  /** The catalogue's 主项 (main item) when it says more than the title: a keyword for new guides. */
  mainItem: string | undefined;
  fields: Record<string, string | undefined>;
  validFrom: string | null | undefined;
  validTo: string | null | undefined;
  nextReviewOn: string | null | undefined;
}

export interface KbImportParse {
  rows: KbImportRow[];
  rejected: KbImportIssue[];
  warnings: KbImportIssue[];
  /** Item rows read (blank lines skipped). */
  total: number;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/**
 * Validates a header and item records; valid rows come back even when others are rejected. `rows`
 * gives each record's row number (the line it starts on); by default the header is 1 and each record
 * one more.
 */
export function parseKbImportRecords(
  records: readonly (readonly string[])[],
  rows?: readonly number[],
): Result<KbImportParse> {
  const [rawHeader, ...items] = records;
  if (!rawHeader || rawHeader.every((h) => h.trim() === '')) {
    return fail('VALIDATION_FAILED', '文件为空或缺少表头', [{ field: 'file', message: '第 1 行应为表头' }]);
  }
  const header = rawHeader.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim().toLowerCase());
  const issues = REQUIRED.filter((c) => !header.includes(c)).map((c) => ({
    field: 'file',
    message: `缺少必需的列：${c}`,
  }));
  const seen = new Set<string>();
  for (const h of header) {
    if (h && seen.has(h)) issues.push({ field: 'file', message: `列名重复：${h}` });
    seen.add(h);
  }
  if (issues.length > 0) return fail('VALIDATION_FAILED', `表头不符合要求（${issues[0]!.message}）`, issues);
  const warnings: KbImportIssue[] = header
    .filter((h) => !KNOWN.has(h))
    .map((h) => ({ row: 1, field: h || '(空列名)', message: `未知的列「${h}」已忽略` }));
  const col = (name: string) => header.indexOf(name);
  const result: KbImportParse = { rows: [], rejected: [], warnings, total: 0 };
  const codes = new Map<string, number>();
  items.forEach((record, i) => {
    const row = rows?.[i + 1] ?? i + 2;
    if (record.every((cell) => cell.trim() === '')) return;
    result.total++;
    if (record.length !== header.length) {
      result.rejected.push({
        row,
        field: 'columns',
        message: `本行有 ${record.length} 列，表头有 ${header.length} 列`,
      });
      return;
    }
    const kindIndex = col('kind');
    const kind = kindIndex < 0 ? '' : (record[kindIndex] ?? '').trim();
    if (kind !== '' && kind !== 'guide') {
      result.rejected.push({ row, field: 'kind', message: '只能导入办事指南（kind 为 guide 或留空）' });
      return;
    }
    const errors: KbImportIssue[] = [];
    const cell = (name: string, max: number, label: string): string | undefined => {
      const index = col(name);
      if (index < 0) return undefined;
      const value = (record[index] ?? '').trim();
      if (CONTROL.test(value)) errors.push({ row, field: name, message: `${label}含有不可见的控制字符` });
      else if (value.length > max)
        errors.push({ row, field: name, message: `${label}不能超过 ${max} 个字符` });
      return value;
    };
    const dateCell = (name: string, label: string): string | null | undefined => {
      const value = cell(name, 10, label);
      if (value === undefined || value === '') return value === undefined ? undefined : null;
      if (!isLocalDate(value)) errors.push({ row, field: name, message: `${label}格式应为 YYYY-MM-DD` });
      return value;
    };
    const title = cell('item_name', KB_LIMITS.title, '事项名称') ?? '';
    if (title === '') errors.push({ row, field: 'item_name', message: '缺少事项名称' });
    const itemCode = cell('item_code', 1000, '事项编码') ?? '';
    if (itemCode === '') errors.push({ row, field: 'item_code', message: '缺少事项编码' });
    else if (!isItemCode(itemCode)) {
      errors.push({
        row,
        field: 'item_code',
        message: `事项编码格式不正确（应为字母、数字和连字符，最长 ${KB_LIMITS.itemCode} 位）`,
      });
    } else if (codes.has(itemCode)) {
      errors.push({ row, field: 'item_code', message: `与第 ${codes.get(itemCode)} 行的事项编码重复` });
    }
    const fields: Record<string, string | undefined> = {};
    for (const [key, column] of Object.entries(KB_GUIDE_CSV_COLUMNS)) {
      const spec = KB_GUIDE_FIELDS[key]!;
      const value = cell(column, spec.kind === 'text' ? spec.maxLength : 1000, spec.label);
      if (value && key === 'onlineUrl' && !isWebAddress(value)) {
        errors.push({ row, field: column, message: '在线办理地址应为 http:// 或 https:// 开头的网址' });
      }
      fields[key] = value;
    }
    const parsed: KbImportRow = {
      row,
      itemCode,
      title,
      ownerUnitName: cell('department', KB_LIMITS.ownerUnitName, '实施主体'),
      ownerUnitId: cell('owner_unit_id', 64, '单位编号') || undefined,
      keywords: mapDefined(cell('keywords', KB_LIMITS.keywords, '关键词'), normalizeKeywords),
      mainItem: cell('main_item', KB_LIMITS.keywords, '主项名称'),
      fields,
      validFrom: dateCell('valid_from', '生效日期'),
      validTo: dateCell('valid_to', '失效日期'),
      nextReviewOn: dateCell('next_review_on', '下次复核日期'),
    };
    if (parsed.validFrom && parsed.validTo && parsed.validFrom > parsed.validTo) {
      errors.push({ row, field: 'valid_to', message: '失效日期不能早于生效日期' });
    }
    if (errors.length > 0) {
      result.rejected.push(...errors);
      return;
    }
    codes.set(itemCode, row);
    result.rows.push(parsed);
  });
  return ok(result);
}

const mapDefined = <T, U>(value: T | undefined, f: (v: T) => U): U | undefined =>
  value === undefined ? undefined : f(value);

/** The summary of a new imported guide that has an official link but no summary: points to the link. */
export const KB_IMPORT_DEFAULT_SUMMARY =
  '办理条件、申请材料、办理时限、收费等详细信息以官方办事指南为准，请通过「在线办理」链接查看。';

/** Keywords for a new guide from the catalogue's 主项 (left out when it is 未分类 or the title itself). */
export function kbMainItemKeywords(mainItem: string | undefined, title: string): string {
  if (!mainItem || mainItem === '未分类' || mainItem === title) return '';
  return normalizeKeywords(mainItem);
}
