import { describe, expect, it } from 'vitest';
import { kbMainItemKeywords, parseKbImportRecords } from './service-item.import.js';

const HEADER = [
  'department',
  'main_item',
  'item_name',
  'item_code',
  'area_code',
  'task_type',
  'dept_code',
  'link',
];
const row = (
  name: string,
  code: string,
  link = 'http://www.sczwfw.gov.cn/x?itemCode=1',
  dept = '区人社局',
) => [dept, '未分类', name, code, '511602000000', '1', '0001', link];

describe('service-item import rows', () => {
  it('reads the catalogue format; columns that are not in the file stay undefined', () => {
    const r = parseKbImportRecords([HEADER, row('失业保险金申领', 'A-1')]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.total).toBe(1);
    expect(r.value.rows[0]).toMatchObject({
      row: 2,
      itemCode: 'A-1',
      title: '失业保险金申领',
      ownerUnitName: '区人社局',
      keywords: undefined,
      fields: { onlineUrl: 'http://www.sczwfw.gov.cn/x?itemCode=1', materials: undefined },
      validTo: undefined,
    });
  });

  it('rejects bad rows per row and field while keeping the good ones', () => {
    const r = parseKbImportRecords([
      HEADER,
      row('好的事项', 'OK-1'),
      row('', 'BAD-1'),
      row('编码错误', 'BAD 2'),
      row('x'.repeat(201), 'BAD-3'),
      row('网址错误', 'BAD-4', 'javascript:alert(1)'),
      row('重复', 'OK-1'),
      ['区人社局', '未分类', '列数不对'],
      ['', '', '', '', '', '', '', ''],
      row('另一个好的', 'OK-2'),
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.rows.map((x) => x.itemCode)).toEqual(['OK-1', 'OK-2']);
    expect(r.value.total).toBe(8);
    expect(r.value.rejected.map((x) => [x.row, x.field])).toEqual([
      [3, 'item_name'],
      [4, 'item_code'],
      [5, 'item_name'],
      [6, 'link'],
      [7, 'item_code'],
      [8, 'columns'],
    ]);
    expect(r.value.rejected[4]?.message).toContain('第 2 行');
  });

  it('refuses a file without the required columns; warns about unknown ones', () => {
    expect(parseKbImportRecords([])).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(parseKbImportRecords([['name', 'code']])).toMatchObject({ ok: false });
    const r = parseKbImportRecords([
      ['\uFEFFitem_code', 'item_name', 'colour'],
      ['A-1', '事项', '红'],
    ]);
    expect(r).toMatchObject({ ok: true, value: { warnings: [{ row: 1, field: 'colour' }] } });
  });

  it('reads our own export: guide fields, dates and kind', () => {
    const r = parseKbImportRecords([
      ['kind', 'item_code', 'item_name', 'materials', 'promised_days', 'valid_from', 'valid_to', 'keywords'],
      ['guide', 'A-1', '事项', '身份证', '5个工作日', '2026-01-01', '', '甲，乙'],
      ['faq', 'A-2', '事项2', '', '', '', '', ''],
      ['guide', 'A-3', '事项3', '', '', '2026-13-01', '', ''],
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.rows[0]).toMatchObject({
      fields: { materials: '身份证', promisedDays: '5个工作日' },
      validFrom: '2026-01-01',
      validTo: null,
      keywords: '甲 乙',
    });
    expect(r.value.rejected.map((x) => x.field)).toEqual(['kind', 'valid_from']);
  });

  it('main items become keywords unless uninformative', () => {
    expect(kbMainItemKeywords('未分类', 'x')).toBe('');
    expect(kbMainItemKeywords('企业设立、变更、注销登记', 'x')).toBe('企业设立 变更 注销登记');
  });
});
