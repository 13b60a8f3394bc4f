import { describe, expect, it } from 'vitest';
import { searchFields } from './article-document.js';
import { bigramKey, foldSyllable, queryBigramKeys } from './pinyin-keys.js';
import { MAX_CONCEPTS, planQuery } from './query-plan.js';
import { SEED_SYNONYMS, createSynonymDictionary, parseSynonymGroup } from './synonyms.js';
import { G_MASK, STRONG_BIT, documentTerms } from './tokenizer.js';
import { Vocabulary } from './vocabulary.js';

const synonyms = createSynonymDictionary(SEED_SYNONYMS);

function vocabOf(...texts: string[]): Vocabulary {
  const vocab = new Vocabulary();
  for (const text of texts) {
    const { terms } = documentTerms(
      searchFields({
        kind: 'guide',
        title: text,
        keywords: '',
        itemCode: null,
        ownerUnitName: '',
        fields: '{}',
      }),
      vocab,
    );
    for (const t of terms) vocab.counts[t] = (vocab.counts[t] ?? 0) + 1;
  }
  vocab.settle(true);
  return vocab;
}

describe('document terms', () => {
  it('weights title terms above body terms and flags title-like fields', () => {
    const vocab = new Vocabulary();
    const { terms, codes } = documentTerms(
      searchFields({
        kind: 'guide',
        title: '住房公积金提取',
        keywords: '',
        itemCode: null,
        ownerUnitName: '市住房公积金中心',
        fields: JSON.stringify({ materials: '身份证、银行卡' }),
      }),
      vocab,
    );
    const code = (term: string) => codes[[...terms].indexOf(vocab.get(term) ?? -1)] ?? 0;
    expect(code('公积') & STRONG_BIT).toBe(STRONG_BIT);
    expect(code('银行') & STRONG_BIT).toBe(0);
    expect(code('公积') & G_MASK).toBeGreaterThan(code('银行') & G_MASK);
    // Title characters are indexed one by one too.
    expect(vocab.get('提')).toBeDefined();
  });

  it('also reads a title without its bracketed qualifier', () => {
    const vocab = vocabOf('食品（含保健食品）经营许可核发');
    expect(vocab.get('品经')).toBeDefined();
    expect(vocab.get('食品')).toBeDefined();
  });
});

describe('homophone keys', () => {
  it('gives homophones the same key (tones ignored, fuzzy zh/z)', () => {
    expect(bigramKey('公积')).toBe(bigramKey('公基'));
    expect(bigramKey('身份')).toBe(bigramKey('身分'));
    expect(bigramKey('执照')).toBe(bigramKey('执造'));
    expect(bigramKey('公积')).not.toBe(bigramKey('公司'));
    expect(foldSyllable('zhao')).toBe('zao');
    expect(foldSyllable('qing')).toBe('qin');
  });

  it('lets a query character stand for any of its readings (藉: jiè, jí)', () => {
    expect(queryBigramKeys('户藉')).toContain(bigramKey('户籍'));
    expect(bigramKey('银行')).toBeGreaterThan(0);
    expect(bigramKey('ab')).toBe(0);
  });

  it('finds known homophones differing in one character', () => {
    const vocab = vocabOf('住房公积金提取', '公司设立登记');
    const found = vocab.homophones('公基', 5).map((id) => vocab.terms[id]);
    expect(found).toEqual(['公积']);
    expect(vocab.homophones('工司', 5).map((id) => vocab.terms[id])).toEqual(['公司']);
  });
});

describe('synonyms', () => {
  it('matches the longest term and offers its equivalents', () => {
    const matches = synonyms.match('住房公积金提取');
    expect(matches.map((m) => m.term)).toEqual(['住房公积金']);
    expect(matches[0]?.alternatives).toContain('公积金');
    expect(synonyms.match('社保转移')[0]?.alternatives).toContain('社会保险');
  });

  it('reads kb_synonyms rows and skips malformed ones', () => {
    expect(parseSynonymGroup('["暖心卡","困难群众救助卡"]')).toEqual(['暖心卡', '困难群众救助卡']);
    expect(parseSynonymGroup('["单独"]')).toBeNull();
    expect(parseSynonymGroup('not json')).toBeNull();
    expect(parseSynonymGroup('{"a":1}')).toBeNull();
  });

  it('knows homophones of its own terms (户藉 → 户籍)', () => {
    expect(synonyms.homophones('户藉')).toContain('户籍');
    expect(synonyms.knows('户口')).toBe(true);
  });
});

describe('query plan', () => {
  const vocab = vocabOf(
    '住房公积金提取',
    '居民身份证办理',
    '户口迁移审批',
    '社会保险关系转移',
    '个体工商户设立登记',
  );

  it('strips fillers and expands synonyms', () => {
    const plan = planQuery('请问社保怎么转移啊', vocab, synonyms);
    expect(plan.runs).toEqual(['社保', '转移']);
    expect(plan.terms).toContain('社会保险');
    expect(plan.slots.filter((s) => !s.soft).length).toBe(2);
  });

  it('corrects homophone typos and shows the correction', () => {
    expect(planQuery('公基金提取', vocab, synonyms).terms).toContain('公积金提取');
    expect(planQuery('身分证', vocab, synonyms).terms).toContain('身份证');
    // 户藉 → 户籍 (a synonym term), which then brings in 户口.
    const plan = planQuery('户藉迁移', vocab, synonyms);
    expect(plan.terms).toContain('户籍迁移');
    expect(plan.terms).toContain('户口');
  });

  it('drops units the index does not know (bigrams across words)', () => {
    const plan = planQuery('身份证丢了', vocab, synonyms);
    expect(plan.concepts.map((c) => c.unit)).not.toContain('证丢');
  });

  it('keeps at most MAX_CONCEPTS concepts for long messages', () => {
    const long = '住房公积金提取居民身份证办理户口迁移审批社会保险关系转移个体工商户设立登记'.repeat(2);
    const plan = planQuery(long, vocab, synonyms);
    expect(plan.concepts.length).toBeLessThanOrEqual(MAX_CONCEPTS);
    for (const slot of plan.slots) {
      for (const alt of slot.alternatives)
        for (const c of alt.concepts) expect(c).toBeLessThan(plan.concepts.length);
    }
  });

  it('understands nothing in a query of fillers only', () => {
    const plan = planQuery('请问怎么办呢', vocab, synonyms);
    expect(plan.concepts).toEqual([]);
  });
});
