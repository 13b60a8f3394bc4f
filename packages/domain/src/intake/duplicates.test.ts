import { describe, expect, it } from 'vitest';
import { addressSimilarity, normalizeAddress } from '../text/similarity.js';
import { duplicateProbe, isLikelyDuplicate, scoreDuplicate } from './duplicates.js';

const NOW = new Date('2026-06-10T08:00:00Z');
const noise = {
  title: '工地夜间施工噪音扰民',
  content: '和平路18号附近工地每天夜里十点以后还在施工，噪音很大。',
  address: '东城区和平路18号',
  category: '0108',
  divisionCode: '620102',
};

describe('duplicate scoring', () => {
  it('the same matter reported twice scores high, with Chinese reasons', () => {
    const probe = duplicateProbe({
      title: '夜间施工噪音扰民',
      content: '和平路18号工地晚上十点后还在施工，噪音太大影响休息。',
      address: '和平路18号',
      category: '0108',
      divisionCode: '620102',
    });
    const score = scoreDuplicate(probe, { ...noise, createdAt: '2026-06-10T02:00:00Z' }, NOW, 30);
    expect(score.similarity).toBeGreaterThan(0.6);
    expect(isLikelyDuplicate(score)).toBe(true);
    expect(score.reasons).toEqual(
      expect.arrayContaining(['同一地址', '同一诉求分类', '同一行政区划', '24小时内受理']),
    );
    expect(score.reasons.find((r) => r.startsWith('诉求内容相似'))).toMatch(/^诉求内容相似（\d+%）$/);
  });

  it('a different matter elsewhere is not a duplicate', () => {
    const probe = duplicateProbe({
      title: '咨询公积金提取材料',
      content: '购买首套住房提取公积金需要哪些材料',
    });
    const score = scoreDuplicate(probe, { ...noise, createdAt: '2026-06-09T08:00:00Z' }, NOW, 30);
    expect(score.similarity).toBeLessThan(0.2);
    expect(isLikelyDuplicate(score)).toBe(false);
  });

  it('recency fades over the window; same first-level category counts half', () => {
    const probe = duplicateProbe({ ...noise, category: '0105' });
    const fresh = scoreDuplicate(probe, { ...noise, createdAt: '2026-06-10T07:00:00Z' }, NOW, 30);
    const old = scoreDuplicate(probe, { ...noise, createdAt: '2026-05-12T08:00:00Z' }, NOW, 30);
    expect(fresh.similarity).toBeGreaterThan(old.similarity);
    expect(old.reasons).not.toContain('24小时内受理');
    expect(fresh.reasons).toContain('同一诉求大类');
    const weekAgo = scoreDuplicate(probe, { ...noise, createdAt: '2026-06-07T07:00:00Z' }, NOW, 30);
    expect(weekAgo.reasons).toContain('3天前受理');
  });

  it('scores stay within 0..1 and empty facts score 0 text', () => {
    const score = scoreDuplicate(duplicateProbe({}), { createdAt: NOW.toISOString() }, NOW, 30);
    expect(score).toMatchObject({ text: 0 });
    expect(score.similarity).toBeGreaterThanOrEqual(0);
    expect(score.similarity).toBeLessThanOrEqual(1);
  });
});

describe('address similarity', () => {
  it('normalises width, punctuation, Chinese house numbers and the city prefix', () => {
    expect(normalizeAddress('甘肃省金城市东城区 和平路１８号（三号楼）')).toBe('东城区和平路18号3号楼');
  });

  it('one address inside the other is the same place; different house numbers are not', () => {
    expect(addressSimilarity('和平路18号', '东城区和平路18号')).toBe(1);
    expect(addressSimilarity('东城区和平路18号', '东城区和平路20号')).toBeLessThan(0.5);
    expect(addressSimilarity('幸福里小区3号楼', '幸福里小区三号楼')).toBe(1);
    expect(addressSimilarity('', '和平路')).toBe(0);
  });
});
