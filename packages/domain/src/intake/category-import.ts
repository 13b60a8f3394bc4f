import { fromSpreadsheetCell } from '../text/spreadsheet-cell.js';
import { readCsvRows } from './csv-rows.js';

/**
 * Category import (诉求分类导入): CSV rows `code,name,parent_code[,emergency_hint]`, with or without a
 * header row. Valid rows are kept and invalid ones reported per row and field, so one bad line never
 * loses the rest. A child's code must start with its parent's code (`0101` under `01`): scope rules
 * name whole branches by prefix, and the rule also makes cycles impossible.
 */
export interface CategoryNode {
  code: string;
  name: string;
  parentCode: string | null;
}

export interface CategoryImportRow extends CategoryNode {
  /** 1-based line of the file. */
  row: number;
  emergencyHint: string | null;
}

export interface ImportRejection {
  row: number;
  field: string;
  message: string;
}

export const CATEGORY_CODE = /^[0-9A-Za-z]{1,20}$/;
export const MAX_CATEGORY_DEPTH = 4;
export const MAX_CATEGORY_IMPORT_ROWS = 5000;

/** Control characters (U+0000 among them: PostgreSQL text cannot store it) are refused per cell. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

const HEADER_NAMES = new Set(['code', '编码', '分类编码', '分类代码', '代码']);

/** Level (1 = top) and path (`城乡建设/市政道路`) of every node whose chain of parents is complete. */
export function categoryPaths(nodes: readonly CategoryNode[]): Map<string, { level: number; path: string }> {
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const out = new Map<string, { level: number; path: string }>();
  const resolve = (code: string, depth: number): { level: number; path: string } | undefined => {
    const known = out.get(code);
    if (known) return known;
    const node = byCode.get(code);
    if (!node || depth > MAX_CATEGORY_DEPTH + 1) return undefined;
    let result: { level: number; path: string } | undefined;
    if (!node.parentCode) result = { level: 1, path: node.name };
    else {
      const parent = resolve(node.parentCode, depth + 1);
      if (parent) result = { level: parent.level + 1, path: `${parent.path}/${node.name}` };
    }
    if (result) out.set(code, result);
    return result;
  };
  for (const n of nodes) resolve(n.code, 0);
  return out;
}

export function parseCategoryCsv(
  text: string,
  existing: readonly CategoryNode[],
): { rows: CategoryImportRow[]; rejected: ImportRejection[]; total: number } {
  const read = readCsvRows(text);
  const rejected: ImportRejection[] = [];
  if (read.error) rejected.push({ row: read.error.line, field: 'row', message: read.error.message });
  let records = read.rows;
  const first = records[0]?.cells[0]?.trim().toLowerCase();
  if (first && HEADER_NAMES.has(first)) records = records.slice(1);
  if (records.length > MAX_CATEGORY_IMPORT_ROWS) {
    rejected.push({
      row: records[MAX_CATEGORY_IMPORT_ROWS]?.line ?? 0,
      field: 'row',
      message: `一次最多导入 ${MAX_CATEGORY_IMPORT_ROWS} 行，其余行未处理`,
    });
    records = records.slice(0, MAX_CATEGORY_IMPORT_ROWS);
  }

  const candidates: CategoryImportRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of records) {
    const [code = '', name = '', parent = '', hint = ''] = cells.map((c) => fromSpreadsheetCell(c.trim()));
    const issues: ImportRejection[] = [];
    const issue = (field: string, message: string) => issues.push({ row: line, field, message });
    if (cells.length > 4)
      issue('row', `列数过多（${cells.length} 列），应为 code,name,parent_code[,emergency_hint]`);
    if (!code) issue('code', '请填写分类编码');
    else if (!CATEGORY_CODE.test(code)) issue('code', '分类编码只能由字母和数字组成，不超过 20 位');
    else if (seen.has(code)) issue('code', `与第 ${seen.get(code)} 行的编码重复`);
    if (!name) issue('name', '请填写分类名称');
    else if (name.length > 50) issue('name', '分类名称不能超过 50 个字符');
    else if (name.includes('/')) issue('name', '分类名称不能包含“/”');
    else if (CONTROL.test(name)) issue('name', '分类名称含有不可见的控制字符');
    if (parent) {
      if (!CATEGORY_CODE.test(parent)) issue('parent_code', '上级编码格式不正确');
      else if (parent === code) issue('parent_code', '上级编码不能是自身');
      else if (code && !(code.startsWith(parent) && code.length > parent.length)) {
        issue('parent_code', `编码 ${code} 应以上级编码 ${parent} 开头`);
      }
    }
    if (hint.length > 200) issue('emergency_hint', '紧急提示不能超过 200 个字符');
    else if (CONTROL.test(hint)) issue('emergency_hint', '紧急提示含有不可见的控制字符');
    if (code && !seen.has(code)) seen.set(code, line);
    if (issues.length > 0) rejected.push(...issues);
    else candidates.push({ row: line, code, name, parentCode: parent || null, emergencyHint: hint || null });
  }

  // Parents must exist (in the file or already) and the depth stay bounded; a rejected parent takes
  // its children with it, reported on each child's row.
  const fileCodes = new Map(candidates.map((c) => [c.code, c]));
  const nodes: CategoryNode[] = [...existing.filter((e) => !fileCodes.has(e.code)), ...candidates];
  const paths = categoryPaths(nodes);
  const rows: CategoryImportRow[] = [];
  for (const c of candidates) {
    const place = paths.get(c.code);
    if (!place) {
      rejected.push({ row: c.row, field: 'parent_code', message: `上级分类 ${c.parentCode} 不存在或无效` });
    } else if (place.level > MAX_CATEGORY_DEPTH) {
      rejected.push({
        row: c.row,
        field: 'parent_code',
        message: `分类层级不能超过 ${MAX_CATEGORY_DEPTH} 级`,
      });
    } else rows.push(c);
  }
  rejected.sort((a, b) => a.row - b.row);
  return { rows, rejected, total: records.length };
}
