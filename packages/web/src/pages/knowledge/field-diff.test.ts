import type { FieldSpecs } from '@huawu/domain';
import { describe, expect, it } from 'vitest';
import { type Comparable, diffVersions } from './field-diff';

const specs: FieldSpecs = {
  materials: { kind: 'text', label: '申请材料', required: false, maxLength: 100 },
  fee: { kind: 'text', label: '收费标准', required: false, maxLength: 100 },
};

const published: Comparable = {
  title: '住房公积金提取',
  keywords: '公积金',
  fields: { materials: '身份证', fee: '不收费' },
  ownerUnitId: 'u1',
  validFrom: '2026-01-01',
  validTo: null,
  nextReviewOn: '2027-01-01',
};

describe('diffVersions', () => {
  it('marks exactly the changed properties and fields, labelled from the specs', () => {
    const proposal = {
      ...published,
      fields: { materials: '身份证、银行卡', fee: '不收费' },
      validTo: '2027-12-31',
    };
    const rows = diffVersions(published, proposal, specs, (id) => (id === 'u1' ? '市住建局' : ''));
    expect(rows.filter((row) => row.changed).map((row) => [row.label, row.before, row.after])).toEqual([
      ['失效日期', '', '2027-12-31'],
      ['申请材料', '身份证', '身份证、银行卡'],
    ]);
    expect(rows.find((row) => row.key === 'ownerUnitId')?.after).toBe('市住建局');
  });

  it('treats everything as new when nothing is published and keeps fields the specs do not know', () => {
    const rows = diffVersions(null, { ...published, fields: { ...published.fields, extra: 'x' } }, specs);
    expect(rows.every((row) => row.before === '')).toBe(true);
    expect(rows.at(-1)).toMatchObject({ key: 'fields.extra', label: 'extra', after: 'x', changed: true });
  });
});
