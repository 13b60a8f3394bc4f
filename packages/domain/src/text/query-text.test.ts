import { describe, expect, it } from 'vitest';
import { chineseNumber, queryRuns, stripQueryFillers } from './query-text.js';

describe('query fillers', () => {
  it.each([
    ['请问身份证丢了怎么补办呀', ['身份证丢', '补办']],
    ['我想问一下公积金提取需要什么材料', ['公积金提取', '材料']],
    ['去哪里办理结婚证', ['结婚证']],
    ['我要了解一下低保政策', ['低保政策']],
    ['ETC卡怎么办？', ['etc', '卡']],
    ['屋头娃儿咋个报名哦', ['娃儿', '报名']],
  ])('%s → %j', (q, runs) => {
    expect(queryRuns(q)).toEqual(runs);
  });

  it('keeps words that merely end like a filler', () => {
    expect(queryRuns('工伤申请问题')).toEqual(['工伤申请问题']);
    expect(queryRuns('开网吧需要什么手续')).toEqual(['开网吧', '手续']);
    expect(queryRuns('了解政策')).toEqual(['了解政策']);
  });

  it('drops lone characters that mean nothing on their own', () => {
    expect(queryRuns('在哪 去 办')).toEqual([]);
    expect(queryRuns('税')).toEqual(['税']);
  });

  it('leaves no bigram spanning a removed filler', () => {
    expect(stripQueryFillers('社保怎么转移')).toBe('社保 转移');
  });
});

describe('numbers in queries', () => {
  it('reads Chinese numbers', () => {
    expect(chineseNumber('十五')).toBe(15);
    expect(chineseNumber('八十')).toBe(80);
    expect(chineseNumber('一百二十')).toBe(120);
    expect(chineseNumber('二〇二六')).toBe(2026);
    expect(chineseNumber('十')).toBe(10);
    expect(chineseNumber('十a')).toBeNull();
  });

  it('writes counted quantities in digits, as guides do', () => {
    expect(queryRuns('我老汉满八十周岁了')).toEqual(['老汉满', '80', '周岁']);
    expect(queryRuns('社保交了十五年')).toEqual(['社保交', '15', '年']);
    // One character, or no unit after it: left alone (一次性, 三证合一).
    expect(queryRuns('一次性补助')).toEqual(['一次性补助']);
    expect(queryRuns('三年')).toEqual(['三年']);
  });
});
