import { describe, expect, it } from 'vitest';
import { checkFiveElements, missingElements } from './five-elements.js';
import { parseIntakeDraft } from './intake-draft.js';

const byKey = (draft: Parameters<typeof checkFiveElements>[0]) =>
  Object.fromEntries(checkFiveElements(draft).map((c) => [c.key, c]));

describe('five elements (五要素)', () => {
  it('a complete complaint has all five', () => {
    const checks = checkFiveElements({
      appealType: 'complaint',
      callerName: '张先生',
      title: '工地夜间施工噪音扰民',
      content: '反映和平路18号附近工地连续多日夜间22点后仍在施工，噪音很大，已多次与施工方协商未果。',
      address: '东城区和平路18号',
    });
    expect(checks.map((c) => c.key)).toEqual(['name', 'time', 'address', 'cause', 'process']);
    expect(checks.map((c) => c.label)).toEqual(['姓名', '时间', '地址', '起因', '经过']);
    expect(checks.every((c) => c.present)).toBe(true);
    expect(missingElements(checks)).toEqual([]);
  });

  it('an empty draft misses every element, with a question to ask for each', () => {
    const checks = checkFiveElements({});
    expect(missingElements(checks)).toEqual(['姓名', '时间', '地址', '起因', '经过']);
    for (const c of checks) expect(c.hint).toMatch(/请/);
  });

  it('the anonymous flag counts as the name', () => {
    expect(byKey({ anonymous: true }).name).toMatchObject({ present: true, hint: '匿名来电，已记录为匿名' });
    expect(byKey({ callerName: '  ' }).name?.present).toBe(false);
  });

  it.each([
    '昨天晚上',
    '今天早上',
    '前天',
    '上周三',
    '最近一直',
    '凌晨两点',
    '3月5日',
    '十二月二十号',
    '每天',
    '2026年',
    '下午3点半',
    '已经三个月了',
    '20:30左右',
    '2026-05-01',
    '国庆期间',
  ])('recognises the time expression “%s”', (phrase) => {
    expect(byKey({ content: `来电人反映${phrase}楼下有人乱倒垃圾` }).time?.present).toBe(true);
  });

  it('house numbers and phone-like numbers are not times', () => {
    expect(byKey({ content: '反映3号楼楼道灯不亮，请求维修' }).time?.present).toBe(false);
  });

  it.each([
    '和平路',
    '幸福里小区',
    '新华街道',
    '东城区',
    '5号楼',
    '李家村',
    '人民医院',
    '火车站',
    '建设路与和平路交叉口',
  ])('recognises the place “%s” in the content when the address field is empty', (place) => {
    const address = byKey({ content: `来电人反映${place}附近有人乱倒垃圾` }).address;
    expect(address?.present).toBe(true);
    expect(address?.hint).toContain('建议把详细地址填写到');
  });

  it('generic words are not places', () => {
    expect(byKey({ content: '来电人咨询市场监管部门的投诉流程' }).address?.present).toBe(false);
  });

  it('the address field counts on its own', () => {
    expect(byKey({ address: '西城区锦绣家园' }).address).toMatchObject({
      present: true,
      hint: '事发地址：西城区锦绣家园',
    });
  });

  it('a consultation needs neither time, address nor process', () => {
    const checks = checkFiveElements({
      appealType: 'consultation',
      callerName: '王女士',
      title: '咨询公积金提取',
      content: '来电人咨询购买首套住房提取住房公积金需要准备哪些材料。',
    });
    const map = Object.fromEntries(checks.map((c) => [c.key, c]));
    expect(map.cause?.present).toBe(true);
    expect(map.time).toMatchObject({ present: false, required: false });
    expect(map.address).toMatchObject({ present: false, required: false });
    expect(map.process).toMatchObject({ required: false });
    expect(missingElements(checks)).toEqual([]);
  });

  it('a very short content is prompted for cause and process', () => {
    const map = byKey({ appealType: 'complaint', content: '噪音' });
    expect(map.cause?.present).toBe(false);
    expect(map.cause?.hint).toContain('过于简短');
    expect(map.process?.present).toBe(false);
  });
});

describe('intake draft', () => {
  it('takes any subset of the intake fields and drops blanks', () => {
    const parsed = parseIntakeDraft({ title: ' 噪音 ', callerPhone: '139 1234 5678', address: '' });
    expect(parsed).toEqual({ ok: true, value: { title: '噪音', callerPhone: '13912345678' } });
  });

  it('refuses unknown fields and wrong types with field paths', () => {
    const parsed = parseIntakeDraft({ title: 3, colour: 'red', appealType: 'gossip' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.issues?.map((i) => i.field).sort()).toEqual(['appealType', 'colour', 'title']);
  });
});
