import { describe, expect, it } from 'vitest';
import { NOT_ACCEPTED_REASONS } from '../work-order.fields.js';
import { DEFAULT_SCOPE_RULES } from './default-scope-rules.js';
import { type ScopeRule, evaluateScope, parseScopeRule } from './scope-rules.js';

const scope = (content: string, extra: Record<string, string> = {}) =>
  evaluateScope({ content, ...extra }, DEFAULT_SCOPE_RULES);

describe('scope of acceptance (受理范围)', () => {
  it('an ordinary appeal is accepted with no matches', () => {
    expect(scope('小区夜间施工噪音扰民，希望处理')).toEqual({ decision: 'accept', matches: [] });
  });

  it.each([
    ['楼下饭店着火了，冒烟很大', '119', 'em-fire'],
    ['家里闻到煤气味，好像燃气泄漏了', '119', 'em-gas'],
    ['邻居在楼顶说要跳楼', '110', 'em-suicide'],
    ['我想不开，不想活了', '110', 'em-suicide'],
    ['路口有人持刀砍人', '110', 'em-violence'],
    ['丈夫家暴我', '110', 'em-violence'],
    ['孩子丢了，在公园找不到孩子', '110', 'em-missing'],
    ['我家老人走失了', '110', 'em-missing'],
    ['有人落水了', '110', 'em-drowning'],
    ['路边有人晕倒了，不省人事', '120', 'em-medical'],
    ['和平路口两车追尾', '122', 'em-traffic'],
    ['大风把电线刮断，电线掉落在人行道上', '110', 'em-power-line'],
  ])('“%s” is an emergency for %s', (content, target, ruleId) => {
    const result = scope(content);
    expect(result.decision).toBe('emergency');
    expect(result.matches[0]).toMatchObject({ ruleId, kind: 'emergency', target });
    expect(result.matches[0]?.matched.length).toBeGreaterThan(0);
    expect(result.matches[0]?.script).toMatch(/转接|三方通话/);
  });

  it('reports which keywords matched', () => {
    const fire = scope('厨房着火了，现在火灾很大，烧起来了').matches[0];
    expect(fire?.matched).toEqual(['着火', '火灾', '烧起来']);
  });

  it.each(['不是火灾，是邻居烧烤冒的烟味', '没有人受伤也没有着火', '这次未发生火灾', '我们小区无人落水'])(
    'a negated keyword does not trigger: “%s”',
    (content) => {
      const ids = scope(content).matches.map((m) => m.ruleId);
      expect(ids).not.toContain('em-fire');
      expect(ids).not.toContain('em-drowning');
    },
  );

  it('a negation does not reach across a clause or past an unrelated verb', () => {
    expect(scope('没想到他们打架了').decision).toBe('emergency');
    expect(scope('没有办法，楼下着火了').decision).toBe('emergency');
  });

  it('exclusions cancel hazards and pets', () => {
    expect(scope('楼道堆满杂物，存在火灾隐患').decision).toBe('accept');
    expect(scope('我家宠物狗走失了，能帮忙发个寻狗启事吗').decision).toBe('accept');
    expect(scope('咨询交通事故认定书怎么领取').decision).toBe('accept');
    expect(scope('退役军人优待证怎么办理').decision).toBe('accept');
  });

  it.each([
    ['我要起诉开发商，法院判决后对方不执行', 'legal_channel'],
    ['劳动仲裁的结果我不服', 'legal_channel'],
    ['我要向纪委举报村干部', 'legal_channel'],
    ['这个事情我已经去信访了', 'legal_channel'],
    ['申请政府信息公开', 'legal_channel'],
    ['部队训练场噪音扰民', 'military'],
    ['检察院的工作人员态度不好', 'other_body'],
  ])('“%s” is not accepted (%s), with the proper channel to tell', (content, reasonCode) => {
    const result = scope(content);
    expect(result.decision).toBe('not_accept');
    expect(result.matches.map((m) => m.reasonCode)).toContain(reasonCode);
    for (const m of result.matches) expect(m.script).toMatch(/^抱歉，这个问题不属于12345热线受理范围，/);
  });

  it('an emergency outranks a not-accept match and comes first', () => {
    const result = scope('法院门口有人打架');
    expect(result.decision).toBe('emergency');
    expect(result.matches.map((m) => m.kind)).toEqual(['emergency', 'not_accept']);
  });

  it('matches case- and width-insensitively, in the title too', () => {
    const rule: ScopeRule = { ...DEFAULT_SCOPE_RULES[0]!, id: 'x', keywords: ['ETC'], exclusions: [] };
    expect(evaluateScope({ title: '办理ｅｔｃ', content: '' }, [rule]).decision).toBe('emergency');
  });

  it('a category rule matches the category and everything below it', () => {
    const rule: ScopeRule = { ...DEFAULT_SCOPE_RULES[0]!, id: 'cat', keywords: [], categories: ['1005'] };
    expect(evaluateScope({ category: '100501', content: '' }, [rule]).matches[0]?.matched).toEqual([
      '分类：1005',
    ]);
    expect(evaluateScope({ category: '1004', content: '' }, [rule]).decision).toBe('accept');
  });

  it('inactive rules are skipped', () => {
    const off = DEFAULT_SCOPE_RULES.map((r) => ({ ...r, active: false }));
    expect(evaluateScope({ content: '着火了' }, off).decision).toBe('accept');
  });

  it('every default rule is valid, with a unique id and a known reason code', () => {
    const ids = DEFAULT_SCOPE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of DEFAULT_SCOPE_RULES) {
      const { id: _, ...input } = rule;
      expect(parseScopeRule(input).ok, rule.id).toBe(true);
      if (rule.kind === 'not_accept') expect(NOT_ACCEPTED_REASONS.values).toContain(rule.reasonCode);
    }
  });
});

describe('scope rule validation', () => {
  it('accepts a minimal emergency rule with defaults', () => {
    expect(
      parseScopeRule({
        kind: 'emergency',
        label: '电梯困人',
        keywords: ['电梯困人'],
        target: '119',
        script: '转119',
      }),
    ).toEqual({
      ok: true,
      value: {
        kind: 'emergency',
        label: '电梯困人',
        keywords: ['电梯困人'],
        exclusions: [],
        categories: [],
        target: '119',
        reasonCode: null,
        script: '转119',
        priority: 0,
        active: true,
      },
    });
  });

  it('reports every problem by field', () => {
    const result = parseScopeRule({ kind: 'not_accept', label: '', keywords: 'x', priority: 1.5, extra: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues?.map((i) => i.field).sort()).toEqual(
      ['extra', 'keywords', 'label', 'priority', 'reasonCode', 'script'].sort(),
    );
  });

  it('needs a keyword or a category, and a target for emergencies', () => {
    const result = parseScopeRule({ kind: 'emergency', label: 'x', script: 'y', keywords: [] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues?.map((i) => i.field)).toEqual(['keywords', 'target']);
  });
});
