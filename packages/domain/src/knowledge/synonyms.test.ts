import { describe, expect, it } from 'vitest';
import {
  kbMayEditSynonyms,
  kbSynonymConflicts,
  normalizeSynonymTerm,
  parseKbSynonymInput,
} from './synonyms.js';

const issuesOf = (raw: unknown) => {
  const r = parseKbSynonymInput(raw);
  if (r.ok) throw new Error('expected a failure');
  expect(r.error.code).toBe('VALIDATION_FAILED');
  return r.error.issues ?? [];
};

describe('synonym group input', () => {
  it('normalises terms the way the search matches them', () => {
    expect(normalizeSynonymTerm(' 社保，卡 ')).toBe('社保卡');
    expect(normalizeSynonymTerm('ＥＴＣ')).toBe('etc');
    const r = parseKbSynonymInput({ terms: [' 供热费 ', '暖气费', 'Ｋ T V'], note: ' 冬季来电常问 ' });
    expect(r).toEqual({ ok: true, value: { terms: ['供热费', '暖气费', 'ktv'], note: '冬季来电常问' } });
    expect(parseKbSynonymInput({ terms: ['丢', '遗失'] })).toMatchObject({
      ok: true,
      value: { note: null },
    });
  });

  it('needs 2–20 terms', () => {
    expect(issuesOf({ terms: ['社保'] })).toEqual([{ field: 'terms', message: '一组至少需要 2 个词' }]);
    expect(issuesOf({ terms: [] })[0]?.field).toBe('terms');
    const many = Array.from({ length: 21 }, (_, i) => `词${i}`);
    expect(issuesOf({ terms: many })).toEqual([{ field: 'terms', message: '一组最多 20 个词' }]);
    expect(parseKbSynonymInput({ terms: many.slice(0, 20) }).ok).toBe(true);
    expect(issuesOf({})[0]).toMatchObject({ field: 'terms' });
    expect(issuesOf({ terms: '社保 社会保险' })[0]).toMatchObject({ field: 'terms' });
    expect(issuesOf(null)[0]).toMatchObject({ field: 'terms' });
  });

  it('reports each bad term by its position, in Chinese', () => {
    const issues = issuesOf({
      terms: ['社会保险', '社保', '？！', '社 保', '', 12, '一二三四五六七八九十一二三四五六七八九十一'],
    });
    expect(issues).toEqual([
      { field: 'terms[2]', message: '词语不能只有标点符号' },
      { field: 'terms[3]', message: '与第 2 个词“社保”重复' },
      { field: 'terms[4]', message: '词语不能为空' },
      { field: 'terms[5]', message: '词语应为文本' },
      { field: 'terms[6]', message: '词语不能超过 20 个字符' },
    ]);
    // Twenty characters is fine; punctuation does not count.
    expect(parseKbSynonymInput({ terms: ['一二三四五六七八九十一二三四五六七八九十。', '甲'] }).ok).toBe(
      true,
    );
  });

  it('checks the note and refuses unknown fields', () => {
    expect(issuesOf({ terms: ['a', 'b'], note: 'x'.repeat(201) })).toEqual([
      { field: 'note', message: '备注不能超过 200 个字符' },
    ]);
    expect(issuesOf({ terms: ['a', 'b'], note: 5 })[0]?.field).toBe('note');
    expect(issuesOf({ terms: ['a', 'b'], note: 'a\u0001' })[0]?.field).toBe('note');
    expect(issuesOf({ terms: ['a', 'b'], builtIn: true })).toEqual([
      { field: 'builtIn', message: '不支持的字段' },
    ]);
  });
});

describe('synonym rules', () => {
  it('lets only the centre editors change the dictionary', () => {
    const actor = (role: 'agent' | 'supervisor' | 'admin' | 'unit_admin') => ({
      userId: 'u',
      role,
      unitId: 'centre',
    });
    expect(kbMayEditSynonyms(actor('supervisor'))).toBe(true);
    expect(kbMayEditSynonyms(actor('admin'))).toBe(true);
    expect(kbMayEditSynonyms(actor('agent'))).toBe(false);
    expect(kbMayEditSynonyms(actor('unit_admin'))).toBe(false);
  });

  it('warns about terms already in another group, not the group itself', () => {
    const groups = [
      { id: 'g1', terms: ['供热费', '暖气费'] },
      { id: 'g2', terms: ['物业费', '管理费'] },
    ];
    expect(kbSynonymConflicts(['取暖费', '暖气费'], groups)).toEqual([
      {
        term: '暖气费',
        groupId: 'g1',
        groupTerms: ['供热费', '暖气费'],
        message: '“暖气费”已在同义词组“供热费 / 暖气费”中',
      },
    ]);
    expect(kbSynonymConflicts(['供热费', '暖气费', '取暖费'], groups, 'g1')).toEqual([]);
  });
});
