import { describe, expect, it } from 'vitest';
import { bigrams, normalizeText, scriptRuns, textSimilarity } from './chinese-text.js';

describe('chinese text primitives', () => {
  it('normalises width, case and punctuation', () => {
    expect(normalizeText('ＥＴＣ卡，２张！')).toBe('etc卡 2张');
    expect(normalizeText('  社保\t转移  ')).toBe('社保 转移');
  });

  it('splits text into runs of one script', () => {
    expect(scriptRuns('办理ETC卡2张')).toEqual(['办理', 'etc', '卡', '2', '张']);
  });

  it('makes overlapping Han bigrams, keeps lone characters and Latin words whole', () => {
    expect(bigrams('公积金')).toEqual(['公积', '积金']);
    expect(bigrams('税')).toEqual(['税']);
    expect(bigrams('ETC卡办理')).toEqual(['etc', '卡办', '办理']);
  });

  it('scores wording similarity by shared bigrams', () => {
    expect(textSimilarity('小区噪音扰民', '小区噪音扰民')).toBe(1);
    expect(textSimilarity('小区噪音扰民', '路灯不亮')).toBe(0);
    expect(textSimilarity('小区噪音扰民', '小区夜间噪音')).toBeGreaterThan(0.3);
  });
});
