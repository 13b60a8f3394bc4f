import { isLocalDate } from '../calendar/local-date.js';
import type { FieldIssue } from '../errors.js';

/** An order number: the hotline's local date `YYYYMMDD` and a 4-digit sequence of that day. */
export function isOrderNumber(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  return isLocalDate(`${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`);
}

export const isPhoneLast4 = (value: string): boolean => /^\d{4}$/.test(value);

/** Input checks of the public lookup (also used by the web form before it sends anything). */
export function publicLookupIssues(input: { orderNo: string; phoneLast4: string }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!isOrderNumber(input.orderNo)) {
    issues.push({ field: 'orderNo', message: '工单号为 12 位数字（受理日期 8 位 + 序号 4 位）' });
  }
  if (!isPhoneLast4(input.phoneLast4)) {
    issues.push({ field: 'phoneLast4', message: '请输入来电手机号的后 4 位数字' });
  }
  return issues;
}
