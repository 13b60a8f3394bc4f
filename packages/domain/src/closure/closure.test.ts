import { describe, expect, it } from 'vitest';
import type { Actor } from '../roles.js';
import { DEFAULT_MACHINE_CONFIG, type MachineOrder } from '../work-order.machine-types.js';
import { allowedEvents, inputSpecs, transition } from '../work-order.machine.js';
import { isDissatisfied, needsCallback, ratingGrade, sampleFraction } from './callback-rules.js';
import { DEFAULT_CLOSURE_POLICY, DEFAULT_REQUIRED_CHECKS, parseClosurePolicy } from './closure-policy.js';
import { callbackScript, callerReplyScript } from './reply-scripts.js';

const actor = (role: Actor['role'], unitId = 'centre'): Actor => ({ userId: role, role, unitId });
const reviewer = actor('reviewer');
const callbackStaff = actor('callback');
const lead = actor('unit_handler', 'u-lead');

function order(overrides: Partial<MachineOrder>): MachineOrder {
  return {
    status: 'intake',
    leadUnitId: 'u-lead',
    coUnitIds: [],
    redoCount: 0,
    extensionCount: 0,
    pendingExtension: false,
    wantsCallback: true,
    returnCount: 0,
    negotiated: false,
    returnWindowOpen: true,
    handlingOverdue: false,
    tasks: [],
    openSupervisionUnitIds: [],
    callbackRequired: true,
    hasCallerPhone: true,
    callbackAttempts: 0,
    minutesSinceLastAttempt: null,
    satisfaction: null,
    appealStatus: 'none',
    appealWindowOpen: false,
    closeReason: null,
    ...overrides,
  };
}

const codeOf = (r: ReturnType<typeof transition>) => (r.ok ? r.value.to : r.error.code);
const messageOf = (r: ReturnType<typeof transition>) => (r.ok ? '' : r.error.message);

describe('closure policy', () => {
  it('fills missing keys with the defaults and refuses bad values field by field', () => {
    expect(parseClosurePolicy({})).toEqual({ ok: true, value: DEFAULT_CLOSURE_POLICY });
    const bad = parseClosurePolicy({
      satisfactionScale: 4,
      unreachableAfterAttempts: 0,
      directAnswerSampleRate: 1.5,
      retentionYears: { complaint: 0 },
      reviewChecklist: [
        { id: 'Bad Id', label: '' },
        { id: 'x', label: '一' },
        { id: 'x', label: '二' },
      ],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.error.issues?.map((i) => i.field)).toEqual([
        'satisfactionScale',
        'directAnswerSampleRate',
        'retentionYears.complaint',
        'reviewChecklist.0.id',
        'reviewChecklist.0.label',
        'reviewChecklist.2.id',
        'unreachableAfterAttempts',
      ]);
    expect(parseClosurePolicy([]).ok).toBe(false);
  });
});

describe('callback rules', () => {
  it('never calls back anonymous callers or callers who declined; always dispatched orders', () => {
    const base = { id: 'a', anonymous: false, wantsCallback: true, dispatched: true };
    expect(needsCallback(base, { directAnswerSampleRate: 0 })).toBe(true);
    expect(needsCallback({ ...base, anonymous: true }, { directAnswerSampleRate: 1 })).toBe(false);
    expect(needsCallback({ ...base, wantsCallback: false }, { directAnswerSampleRate: 1 })).toBe(false);
    expect(needsCallback({ ...base, dispatched: false }, { directAnswerSampleRate: 0 })).toBe(false);
    expect(needsCallback({ ...base, dispatched: false }, { directAnswerSampleRate: 1 })).toBe(true);
  });

  it('samples direct answers stably, close to the configured share', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `order-${i}-${(i * 7919) % 1000}`);
    const picked = ids.filter((id) =>
      needsCallback(
        { id, anonymous: false, wantsCallback: true, dispatched: false },
        { directAnswerSampleRate: 0.2 },
      ),
    );
    expect(picked.length / ids.length).toBeGreaterThan(0.18);
    expect(picked.length / ids.length).toBeLessThan(0.22);
    expect(sampleFraction('order-1')).toBe(sampleFraction('order-1'));
    for (const id of ids.slice(0, 100)) {
      expect(sampleFraction(id)).toBeGreaterThanOrEqual(0);
      expect(sampleFraction(id)).toBeLessThan(1);
    }
  });

  it('grades ratings on both scales', () => {
    expect(
      ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'].map(
        ratingGrade,
      ),
    ).toEqual(['good', 'good', 'fair', 'bad', 'bad']);
    expect(isDissatisfied('very_dissatisfied')).toBe(true);
    expect(isDissatisfied('basically_satisfied')).toBe(false);
  });
});

describe('reply scripts (真实: only what the unit committed to)', () => {
  const facts = {
    orderNo: '202611280007',
    callerAddress: '周女士',
    unitName: '东城区住建局',
    publicReply: '已责令施工方夜间停工。',
  };

  it('repeats the public reply verbatim and adds the reason or the right channel', () => {
    const solved = callerReplyScript({ ...facts, result: 'resolved' });
    expect(solved.phone.join('')).toContain('东城区住建局答复：已责令施工方夜间停工。');
    expect(solved.sms).toContain('202611280007');
    const unsolvable = callerReplyScript({ ...facts, result: 'unresolved', reason: '不符合补贴条件' });
    expect(unsolvable.phone.join('')).toContain('原因：不符合补贴条件');
    expect(unsolvable.phone.join('')).toContain('暂时无法解决');
    const elsewhere = callerReplyScript({
      ...facts,
      result: 'not_our_duty',
      rightChannel: '市市场监管局 12315',
    });
    expect(elsewhere.phone.join('')).toContain('市市场监管局 12315');
    expect(elsewhere.sms).toContain('市市场监管局 12315');
    for (const s of [solved, unsolvable, elsewhere]) expect(s.phone.join('')).not.toMatch(/保证|一定|承诺/);
  });

  it('does not address anonymous callers by name; the callback script follows the scale', () => {
    expect(callerReplyScript({ ...facts, callerAddress: null, result: 'resolved' }).phone[0]).toMatch(
      /^您好，/,
    );
    const five = callbackScript({
      ...facts,
      title: '夜间施工',
      calledOn: '2026-11-28',
      told: null,
      scale: 5,
    });
    expect(five.join('')).toContain('非常不满意');
    const three = callbackScript({
      ...facts,
      title: '夜间施工',
      calledOn: '2026-11-28',
      told: '已停工',
      scale: 3,
    });
    expect(three.join('')).not.toContain('非常');
  });
});

describe('审核 with the checklist', () => {
  const replied = order({ status: 'unit_replied' });

  it('approves only with every required item ticked, naming the missing ones', () => {
    expect(
      codeOf(transition(replied, reviewer, 'approve_reply', { checks: [...DEFAULT_REQUIRED_CHECKS] })),
    ).toBe('pending_reply');
    const missing = transition(replied, reviewer, 'approve_reply', { checks: ['answers_appeal'] });
    expect(codeOf(missing)).toBe('GUARD_FAILED');
    expect(messageOf(missing)).toContain('已由承办单位负责人审核签发');
    expect(codeOf(transition(replied, reviewer, 'approve_reply', { checks: ['nope'] }))).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('follows a configured checklist', () => {
    const config = {
      ...DEFAULT_MACHINE_CONFIG,
      reviewChecklist: [{ id: 'only', label: '唯一一项', required: true }],
    };
    expect(inputSpecs('approve_reply', config).checks).toMatchObject({ options: { values: ['only'] } });
    expect(codeOf(transition(replied, reviewer, 'approve_reply', { checks: ['only'] }, config))).toBe(
      'pending_reply',
    );
    const none = { ...DEFAULT_MACHINE_CONFIG, reviewChecklist: [] };
    expect(codeOf(transition(replied, reviewer, 'approve_reply', {}, none))).toBe('pending_reply');
  });

  it('the unit reply needs the reason when unsolvable and the channel when not its duty', () => {
    const working = order({ status: 'in_progress' });
    const base = { publicReply: '答复', signedOffBy: '王科长' };
    expect(messageOf(transition(working, lead, 'reply', { ...base, result: 'unresolved' }))).toBe(
      '无法解决时请写明原因',
    );
    expect(messageOf(transition(working, lead, 'reply', { ...base, result: 'not_our_duty' }))).toBe(
      '不属于职责时请写明正确的办理渠道',
    );
    expect(
      codeOf(transition(working, lead, 'reply', { ...base, result: 'not_our_duty', rightChannel: '12315' })),
    ).toBe('unit_replied');
  });
});

describe('回复 and 回访', () => {
  it('an SMS reply needs a phone number', () => {
    const pending = order({ status: 'pending_reply', hasCallerPhone: false });
    expect(
      messageOf(transition(pending, reviewer, 'reply_to_caller', { method: 'sms', content: '已办' })),
    ).toBe('来电人没有留下电话，不能短信回复');
    expect(
      codeOf(transition(pending, reviewer, 'reply_to_caller', { method: 'phone', content: '已办' })),
    ).toBe('pending_callback');
  });

  it('counts failed attempts at different times, then allows 无法联系', () => {
    let o = order({ status: 'pending_callback' });
    const attempt = { outcome: 'no_answer' };
    const unreachable = { reasonCode: 'unreachable' };
    expect(codeOf(transition(o, callbackStaff, 'close', unreachable))).toBe('GUARD_FAILED');
    for (let i = 1; i <= 3; i++) {
      const r = transition(o, callbackStaff, 'callback_attempt', attempt);
      expect(codeOf(r)).toBe('pending_callback');
      if (r.ok) o = { ...o, ...r.value.patch, minutesSinceLastAttempt: 10 };
      expect(o.callbackAttempts).toBe(i);
      if (i < 3) {
        expect(messageOf(transition(o, callbackStaff, 'callback_attempt', attempt))).toBe(
          '距上次回访不足 60 分钟，请换个时间再联系',
        );
        o = { ...o, minutesSinceLastAttempt: 61 };
      }
    }
    expect(
      messageOf(
        transition({ ...o, minutesSinceLastAttempt: 999 }, callbackStaff, 'callback_attempt', attempt),
      ),
    ).toBe('已回访 3 次未接通，请以“无法联系”办结');
    const closed = transition(o, callbackStaff, 'close', unreachable);
    expect(closed.ok && closed.value.patch).toEqual({ closeReason: 'unreachable' });
  });

  it('offers the five-level scale when configured', () => {
    const five = { ...DEFAULT_MACHINE_CONFIG, satisfactionScale: 5 as const };
    const pending = order({ status: 'pending_callback' });
    const r = transition(
      pending,
      callbackStaff,
      'callback',
      { satisfaction: 'very_dissatisfied', resolved: 'no', redo: true },
      five,
    );
    expect(codeOf(r)).toBe('pending_dispatch');
    expect(
      codeOf(
        transition(pending, callbackStaff, 'callback', { satisfaction: 'very_satisfied', resolved: 'yes' }),
      ),
    ).toBe('VALIDATION_FAILED');
  });
});

describe('申诉核减 and 归档', () => {
  const closedBad = order({ status: 'closed', satisfaction: 'dissatisfied', appealWindowOpen: true });

  it('the lead unit appeals a bad rating once, within the window; the centre decides', () => {
    expect(allowedEvents(closedBad, lead)).toEqual(['appeal_rating']);
    expect(allowedEvents(closedBad, actor('unit_handler', 'u-other'))).toEqual([]);
    expect(allowedEvents({ ...closedBad, appealWindowOpen: false }, lead)).toEqual([]);
    expect(allowedEvents({ ...closedBad, satisfaction: 'basically_satisfied' }, lead)).toEqual([]);
    const filed = transition(closedBad, lead, 'appeal_rating', { reason: '已按政策办理' });
    expect(filed.ok && filed.value.patch).toEqual({ appealStatus: 'pending' });
    const pending = { ...closedBad, appealStatus: 'pending' as const };
    expect(allowedEvents(pending, lead)).toEqual([]);
    expect(allowedEvents(pending, reviewer)).toEqual(['decide_appeal']);
    const decided = transition(pending, reviewer, 'decide_appeal', {
      decision: 'rejected',
      reason: '理由不成立',
    });
    expect(decided.ok && decided.value.patch).toEqual({ appealStatus: 'rejected' });
  });

  it('archives only after the appeal is decided or its window has passed', () => {
    const supervisor = actor('supervisor');
    expect(messageOf(transition(closedBad, supervisor, 'archive', {}))).toBe(
      '承办单位的申诉期尚未结束，暂不能归档',
    );
    expect(messageOf(transition({ ...closedBad, appealStatus: 'pending' }, supervisor, 'archive', {}))).toBe(
      '有待审核的申诉，暂不能归档',
    );
    expect(codeOf(transition({ ...closedBad, appealWindowOpen: false }, supervisor, 'archive', {}))).toBe(
      'archived',
    );
    expect(codeOf(transition({ ...closedBad, appealStatus: 'upheld' }, supervisor, 'archive', {}))).toBe(
      'archived',
    );
  });
});
