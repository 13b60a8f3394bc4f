import { describe, expect, it } from 'vitest';
import { parseKbArticleInput } from './article.input.js';
import { isItemCode, isWebAddress } from './article.kinds.js';
import { kbStaleReasons } from './article.stale.js';
import { kbGapKey } from './gap.js';
import { kbHitRate } from './kb-kpi.js';

describe('article input', () => {
  it('accepts a guide with its fields, normalising keywords', () => {
    const r = parseKbArticleInput(
      'guide',
      {
        title: ' 住房公积金提取 ',
        keywords: '公积金，提取  取公积金',
        fields: { materials: '身份证', onlineUrl: 'https://example.gov.cn/x', promisedDays: '5个工作日' },
        ownerUnitId: 'city-housing',
        validFrom: '2026-01-01',
        nextReviewOn: '2026-12-31',
      },
      'create',
    );
    expect(r).toMatchObject({
      ok: true,
      value: { title: '住房公积金提取', keywords: '公积金 提取 取公积金', validTo: null, baseVersion: null },
    });
  });

  it('reports every problem with its field path', () => {
    const r = parseKbArticleInput(
      'guide',
      {
        title: 'x'.repeat(201),
        fields: { materials: 'y'.repeat(4001), onlineUrl: 'javascript:alert(1)', nope: '1' },
        validFrom: '2026-02-01',
        validTo: '2026-01-01',
        extra: true,
      },
      'create',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const fields = r.error.issues?.map((i) => i.field);
    expect(fields).toEqual(
      expect.arrayContaining(['extra', 'title', 'fields.materials', 'fields.nope', 'ownerUnitId', 'validTo']),
    );
  });

  it('checks web addresses after the length rules', () => {
    const r = parseKbArticleInput(
      'guide',
      { title: 't', ownerUnitId: 'u', fields: { onlineUrl: 'ftp://x' } },
      'create',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues?.[0]?.field).toBe('fields.onlineUrl');
    expect(isWebAddress('http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=1')).toBe(
      true,
    );
    expect(isWebAddress('https://')).toBe(false);
    expect(isWebAddress('http://a b')).toBe(false);
  });

  it('faq: the question is the title (and the title fills a missing question)', () => {
    const a = parseKbArticleInput(
      'faq',
      { fields: { question: '社保卡丢了怎么办？', answer: '可挂失补办。' }, ownerUnitId: 'c' },
      'create',
    );
    expect(a).toMatchObject({ ok: true, value: { title: '社保卡丢了怎么办？' } });
    const b = parseKbArticleInput(
      'faq',
      { title: '居住证怎么办', fields: { answer: '到派出所。' }, ownerUnitId: 'c' },
      'create',
    );
    expect(b).toMatchObject({
      ok: true,
      value: { title: '居住证怎么办', fields: { question: '居住证怎么办' } },
    });
    const c = parseKbArticleInput('faq', { fields: { answer: '…' }, ownerUnitId: 'c' }, 'create');
    expect(c.ok).toBe(false);
  });

  it('proposals need a change note and the base version', () => {
    const r = parseKbArticleInput('guide', { title: 't', fields: {} }, 'propose');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues?.map((i) => i.field)).toEqual(['changeNote', 'baseVersion']);
    expect(
      parseKbArticleInput(
        'guide',
        { title: 't', fields: {}, changeNote: '更新材料', baseVersion: 3 },
        'propose',
      ),
    ).toMatchObject({
      ok: true,
      value: { baseVersion: 3, ownerUnitId: undefined },
    });
  });

  it('item codes: letters, digits and hyphens', () => {
    expect(isItemCode('511A0138000000-511602000000-000-115113010833722043-1-00')).toBe(true);
    expect(isItemCode('G-000007-001')).toBe(true);
    expect(isItemCode('-abc')).toBe(false);
    expect(isItemCode('abc def')).toBe(false);
    expect(isItemCode('事项1')).toBe(false);
    expect(isItemCode('a'.repeat(101))).toBe(false);
  });
});

describe('stale rules', () => {
  const base = {
    status: 'published' as const,
    nextReviewOn: '2026-06-30',
    validTo: null,
    ownerUnitId: 'city-housing',
    ownerUnitName: '市住房和城乡建设局',
  };
  const unit = { name: '市住房和城乡建设局', active: true };

  it('a review date in the past; the date itself is not yet late', () => {
    expect(kbStaleReasons(base, unit, '2026-06-30')).toEqual([]);
    expect(kbStaleReasons(base, unit, '2026-07-01')).toEqual(['复核日期已过（2026-06-30）']);
  });

  it('validity ended, owner renamed, inactive or removed', () => {
    expect(kbStaleReasons({ ...base, validTo: '2026-01-31' }, unit, '2026-02-01')).toContain(
      '有效期已过（2026-01-31）',
    );
    expect(kbStaleReasons(base, { name: '市住房和城乡建设委员会', active: true }, '2026-01-01')[0]).toContain(
      '已更名',
    );
    expect(kbStaleReasons(base, { ...unit, active: false }, '2026-01-01')[0]).toContain('已停用');
    expect(kbStaleReasons(base, null, '2026-01-01')).toEqual(['主管单位已撤销']);
  });

  it('only published articles; owners known by name only are not checked', () => {
    expect(kbStaleReasons({ ...base, status: 'draft' }, null, '2030-01-01')).toEqual([]);
    expect(kbStaleReasons({ ...base, status: 'expired' }, null, '2030-01-01')).toEqual([]);
    expect(
      kbStaleReasons({ ...base, ownerUnitId: null, nextReviewOn: null }, undefined, '2030-01-01'),
    ).toEqual([]);
  });
});

describe('hit rate and gaps', () => {
  it('divides direct answers with an article by direct answers', () => {
    expect(kbHitRate(3, 4)).toBe(0.75);
    expect(kbHitRate(0, 0)).toBeNull();
    expect(kbHitRate(5, 4)).toBe(1);
  });

  it('counts a question the same whatever its punctuation, width and spacing', () => {
    expect(kbGapKey('社保 怎么转移？')).toBe(kbGapKey('社保怎么转移?'));
    expect(kbGapKey('ＥＴＣ卡 办理')).toBe(kbGapKey('etc卡办理'));
  });
});
