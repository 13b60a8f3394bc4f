import type { FieldIssue } from '../errors.js';
import type { FieldSpecs } from '../input-fields.js';
import { CATEGORY_CODE } from '../intake/category-import.js';

/**
 * The dispatch catalogue (派单目录, 国办函〔2025〕66号): which unit leads (主办) and which co-handle (协办)
 * a category of appeal, optionally only in one administrative division (区划; null = any division).
 */
export interface DispatchEntry {
  id: string;
  categoryCode: string;
  /** Administrative division code or prefix ('6201' covers '620102'); null = any division. */
  divisionCode: string | null;
  leadUnitId: string;
  coUnitIds: string[];
  note: string | null;
  active: boolean;
}

export const MAX_DISPATCH_CO_UNITS = 10;
export const DIVISION_CODE = /^[0-9]{2,12}$/;

/** The inputs of a catalogue entry (create; update takes the same fields plus `active`). */
export const DISPATCH_ENTRY_FIELDS: FieldSpecs = {
  categoryCode: { kind: 'text', label: '诉求分类代码', required: true, maxLength: 20 },
  divisionCode: { kind: 'text', label: '行政区划代码（留空为不限区划）', required: false, maxLength: 12 },
  leadUnitId: { kind: 'unit', label: '主办单位', required: true },
  coUnitIds: { kind: 'units', label: '协办单位', required: false, max: MAX_DISPATCH_CO_UNITS },
  note: { kind: 'text', label: '说明', required: false, maxLength: 500, multiline: true },
};

export const DISPATCH_ENTRY_UPDATE_FIELDS: FieldSpecs = {
  ...DISPATCH_ENTRY_FIELDS,
  active: { kind: 'boolean', label: '启用', required: false },
};

/** Rules across fields the specs cannot say; issues name the body's fields. */
export function dispatchEntryProblems(entry: {
  categoryCode: string;
  divisionCode: string | null;
  leadUnitId: string;
  coUnitIds: readonly string[];
}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!CATEGORY_CODE.test(entry.categoryCode)) {
    issues.push({ field: 'categoryCode', message: '分类代码只能由字母和数字组成' });
  }
  if (entry.divisionCode !== null && !DIVISION_CODE.test(entry.divisionCode)) {
    issues.push({ field: 'divisionCode', message: '行政区划代码应为 2–12 位数字' });
  }
  if (entry.coUnitIds.includes(entry.leadUnitId)) {
    issues.push({ field: 'coUnitIds', message: '主办单位不能同时作为协办单位' });
  }
  if (entry.coUnitIds.length > MAX_DISPATCH_CO_UNITS) {
    issues.push({ field: 'coUnitIds', message: `协办单位最多 ${MAX_DISPATCH_CO_UNITS} 个` });
  }
  return issues;
}
