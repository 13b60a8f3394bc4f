import { describe, expect, it } from 'vitest';
import type { CallView } from '../../api/cti';
import type { IntakeCheck } from '../../api/intake';
import { answerFromArticle } from './article-answer';
import { mergeCall, pickCurrent } from './call-state';
import { buildCategoryTree } from '../../lib/category-tree';
import {
  defaultKbQuery,
  intakeSummary,
  toIntakeDraft,
  toTransferDraft,
  worthChecking,
} from './intake-values';
import { fillPhrase, phraseValues } from './phrase-text';

const call = (over: Partial<CallView>): CallView => ({
  callId: 'c1',
  caller: '13800138000',
  state: 'ringing',
  startedAt: '2026-06-01T02:00:00.000Z',
  answeredAt: null,
  endedAt: null,
  cause: null,
  ...over,
});

describe('call state', () => {
  it('never goes back to an earlier state and keeps what it knew', () => {
    const answered = call({ state: 'answered', answeredAt: '2026-06-01T02:00:05.000Z' });
    expect(mergeCall(answered, call({ state: 'ringing' }))).toBe(answered);
    const ended = mergeCall(
      answered,
      call({ state: 'ended', caller: null, endedAt: '2026-06-01T02:03:00.000Z' }),
    );
    expect(ended).toMatchObject({ state: 'ended', caller: '13800138000', answeredAt: answered.answeredAt });
  });

  it('shows the newest live call, else the last ended one', () => {
    const old = call({ callId: 'old', state: 'answered', startedAt: '2026-06-01T01:00:00.000Z' });
    const fresh = call({ callId: 'new', state: 'ringing', startedAt: '2026-06-01T02:00:00.000Z' });
    const done = call({ callId: 'done', state: 'ended', endedAt: '2026-06-01T02:10:00.000Z' });
    expect(pickCurrent([old, done, fresh])?.callId).toBe('new');
    expect(
      pickCurrent([done, call({ callId: 'x', state: 'ended', endedAt: '2026-06-01T01:00:00.000Z' })])?.callId,
    ).toBe('done');
    expect(pickCurrent([])).toBeNull();
  });
});

describe('intake values', () => {
  it('leaves blanks out and drops the identity of an anonymous caller', () => {
    expect(
      toIntakeDraft({
        channel: 'phone',
        title: '  路灯不亮 ',
        content: '',
        callerName: '张三',
        anonymous: false,
      }),
    ).toEqual({
      channel: 'phone',
      title: '路灯不亮',
      callerName: '张三',
      anonymous: false,
    });
    expect(toIntakeDraft({ callerName: '张三', callerPhone: '13800138000', anonymous: true })).toEqual({
      anonymous: true,
      wantsCallback: false,
    });
  });

  it('makes an emergency transfer acceptable whatever the form holds', () => {
    expect(toTransferDraft({ callerPhone: '12', wantsCallback: true })).toEqual({
      channel: 'phone',
      appealType: 'help',
      wantsCallback: false,
    });
    expect(
      toTransferDraft({ callerPhone: '13800138000', appealType: 'complaint', content: '楼下着火了' }),
    ).toMatchObject({
      callerPhone: '13800138000',
      appealType: 'complaint',
      content: '楼下着火了',
    });
  });

  it('checks only once something is typed, and searches by title, else content', () => {
    expect(worthChecking(toIntakeDraft({ channel: 'phone', callerPhone: '13800138000' }))).toBe(false);
    expect(worthChecking(toIntakeDraft({ content: '着火' }))).toBe(true);
    expect(defaultKbQuery({ title: '公积金提取', content: '想问公积金' })).toBe('公积金提取');
    expect(defaultKbQuery({ content: '想问一下公积金怎么提取' })).toBe('想问一下公积金怎么提取');
  });

  it('summarises the form for the read-back', () => {
    const summary = intakeSummary({ title: '路灯不亮', address: '和平路18号', callerPhone: '13800138000' });
    expect(summary).toContain('和平路18号');
    expect(summary).toContain('路灯不亮');
    expect(summary).toContain('13800138000');
    expect(intakeSummary({})).toBe('（请先填写诉求内容）');
  });
});

describe('phrases', () => {
  const check = {
    scope: {
      decision: 'emergency',
      matches: [
        {
          ruleId: 'em',
          kind: 'emergency',
          label: '火情',
          target: '119',
          script: '转接119',
          matched: ['着火'],
        },
        {
          ruleId: 'na',
          kind: 'not_accept',
          label: '诉讼',
          reasonCode: 'legal_channel',
          script: '抱歉，这个问题不属于12345热线受理范围，建议您通过诉讼途径解决。',
          matched: ['起诉'],
        },
      ],
    },
  } as unknown as IntakeCheck;

  it('fills the placeholders for this agent and call; unknown ones stay', () => {
    const values = phraseValues(
      '1024',
      { callerName: '钱先生', title: '楼道堆物', address: '幸福里5号楼' },
      check,
    );
    expect(fillPhrase('您好，{热线名称}{工号}号为您服务，请讲。', values).text).toBe(
      '您好，12345政务服务便民热线1024号为您服务，请讲。',
    );
    expect(fillPhrase('{称呼}，您反映的是{诉求摘要}，对吗？', values).text).toBe(
      '钱先生，您反映的是幸福里5号楼楼道堆物，对吗？',
    );
    expect(fillPhrase('我现在为您转接{转接对象}', values).text).toBe('我现在为您转接119 火警');
    expect(fillPhrase('建议您{建议渠道}。', values).text).toBe('建议您通过诉讼途径解决。');
    const anonymous = fillPhrase(
      '{称呼}您好',
      phraseValues('1024', { anonymous: true, callerName: '钱' }, undefined),
    );
    expect(anonymous).toEqual({ text: '{称呼}您好', missing: ['称呼'] });
  });
});

describe('knowledge answers and categories', () => {
  it('pre-fills an FAQ with its answer and a guide with its summary and practical fields', () => {
    const base = { id: 'a', title: '学生资助政策咨询', ownerUnitName: '市教育局', fields: {} } as never;
    expect(
      answerFromArticle({ ...(base as object), kind: 'faq', fields: { answer: '可以。' } } as never),
    ).toBe('可以。');
    const guide = answerFromArticle({
      ...(base as object),
      kind: 'guide',
      fields: { summary: '详见官方指南。', onlineUrl: 'http://example.gov.cn/x', phone: '12345' },
    } as never);
    expect(guide.split('\n')).toEqual([
      '关于“学生资助政策咨询”（市教育局）：',
      '详见官方指南。',
      '咨询电话：12345',
      '在线办理：http://example.gov.cn/x',
    ]);
  });

  it('builds the category tree from active codes', () => {
    const row = (code: string, parentCode: string | null, active = true) => ({
      code,
      name: `n${code}`,
      parentCode,
      level: parentCode ? 2 : 1,
      path: code,
      emergencyHint: null,
      active,
    });
    const tree = buildCategoryTree([
      row('01', null),
      row('0101', '01'),
      row('0102', '01', false),
      row('02', null),
    ]);
    expect(tree.map((node) => node.value)).toEqual(['01', '02']);
    expect(tree[0]?.children?.map((node) => node.value)).toEqual(['0101']);
  });
});
