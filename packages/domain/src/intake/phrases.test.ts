import { describe, expect, it } from 'vitest';
import { DEFAULT_PHRASES, PHRASE_STEPS, isPhraseStep, phrasePlaceholders, renderPhrase } from './phrases.js';

describe('phrase library (服务用语)', () => {
  it('has phrases for every step, with unique ids, in the standard wording', () => {
    for (const step of PHRASE_STEPS.values) {
      expect(
        DEFAULT_PHRASES.some((p) => p.step === step),
        step,
      ).toBe(true);
    }
    expect(new Set(DEFAULT_PHRASES.map((p) => p.id)).size).toBe(DEFAULT_PHRASES.length);
    const texts = DEFAULT_PHRASES.map((p) => p.text);
    expect(texts).toContain('您好，{热线名称}{工号}号为您服务，请讲。');
    expect(texts).toContain('很抱歉，请您稍等，我为您查询相关政策。');
    expect(texts).toContain('请问您还有其他需要帮助的吗？');
    expect(texts).toContain('感谢您的来电，再见。');
    expect(texts).toContain('对不起，您的电话没有声音，请您换一部电话再次打来，再见！');
  });

  it('the silent-call sequence is ordered: greet, greet again, goodbye', () => {
    const silent = DEFAULT_PHRASES.filter((p) => p.step === 'silent').sort(
      (a, b) => a.sortOrder - b.sortOrder,
    );
    expect(silent).toHaveLength(3);
    expect(silent[2]?.text).toContain('没有声音');
  });

  it('avoids the forbidden phrases (服务忌语)', () => {
    for (const p of DEFAULT_PHRASES) {
      expect(p.text).not.toMatch(/不知道|不清楚|不归我管|没办法|你自己去查|喂/);
    }
  });

  it('renders placeholders and lists the ones left to fill', () => {
    expect(
      renderPhrase('您好，{热线名称}{工号}号为您服务，请讲。', { 热线名称: '金城12345', 工号: 1024 }),
    ).toEqual({
      text: '您好，金城123451024号为您服务，请讲。',
      missing: [],
    });
    expect(renderPhrase('{称呼}，您反映的是{诉求摘要}，对吗？{称呼}', { 称呼: ' ' })).toEqual({
      text: '{称呼}，您反映的是{诉求摘要}，对吗？{称呼}',
      missing: ['称呼', '诉求摘要'],
    });
    expect(renderPhrase('没有占位符', {})).toEqual({ text: '没有占位符', missing: [] });
  });

  it('finds placeholder names and recognises steps', () => {
    expect(phrasePlaceholders('{a}{b}{a}')).toEqual(['a', 'b']);
    expect(isPhraseStep('opening')).toBe(true);
    expect(isPhraseStep('dance')).toBe(false);
  });
});
