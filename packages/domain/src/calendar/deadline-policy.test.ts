import { describe, expect, it } from 'vitest';
import type { AppealType, Urgency } from '../work-order.fields.js';
import {
  DEFAULT_DEADLINE_POLICY,
  handlingLimit,
  maxExtensionDays,
  parseDeadlinePolicy,
  type TimeLimit,
} from './deadline-policy.js';

const wd = (amount: number): TimeLimit => ({ amount, unit: 'working_days' });

describe('DEFAULT_DEADLINE_POLICY (domain.md §3)', () => {
  it('has the step limits', () => {
    const p = DEFAULT_DEADLINE_POLICY;
    expect([p.sign, p.return, p.callback, p.warningBefore]).toEqual([wd(1), wd(2), wd(1), wd(1)]);
    expect([p.extensionMaxDays, p.complaintExtensionMaxDays]).toEqual([10, 7]);
  });

  it.each<[AppealType, Urgency, TimeLimit]>([
    ['consultation', 'normal', wd(3)],
    ['help', 'normal', wd(5)],
    ['suggestion', 'normal', wd(5)],
    ['praise', 'normal', wd(5)],
    ['complaint', 'normal', wd(15)],
    ['report', 'normal', wd(15)],
    ['complaint', 'urgent', wd(1)],
    ['consultation', 'urgent', wd(1)],
    ['help', 'critical', { amount: 4, unit: 'working_hours' }],
    ['report', 'critical', { amount: 4, unit: 'working_hours' }],
  ])('handlingLimit(%s, %s) = %j', (type, urgency, expected) => {
    expect(handlingLimit(DEFAULT_DEADLINE_POLICY, type, urgency)).toEqual(expected);
  });

  it.each<[AppealType, number]>([
    ['complaint', 7],
    ['report', 10],
    ['help', 10],
  ])('maxExtensionDays(%s) = %i', (type, expected) => {
    expect(maxExtensionDays(DEFAULT_DEADLINE_POLICY, type)).toBe(expected);
  });
});

describe('parseDeadlinePolicy', () => {
  it('an empty object is the default policy', () => {
    expect(parseDeadlinePolicy({})).toEqual({ ok: true, value: DEFAULT_DEADLINE_POLICY });
  });

  it('the default policy round-trips through JSON', () => {
    const json = JSON.parse(JSON.stringify(DEFAULT_DEADLINE_POLICY));
    expect(parseDeadlinePolicy(json)).toEqual({ ok: true, value: DEFAULT_DEADLINE_POLICY });
  });

  it('overrides only what is given', () => {
    const r = parseDeadlinePolicy({
      handle: {
        byType: { complaint: wd(13) },
        byUrgency: { critical: { amount: 2.5, unit: 'working_hours' } },
      },
      complaintExtensionMaxDays: 5,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.handle.byType.complaint).toEqual(wd(13));
    expect(r.value.handle.byType.report).toEqual(wd(15));
    expect(r.value.handle.byUrgency).toEqual({
      urgent: wd(1),
      critical: { amount: 2.5, unit: 'working_hours' },
    });
    expect(r.value.complaintExtensionMaxDays).toBe(5);
    expect(r.value.sign).toEqual(wd(1));
  });

  it.each([
    ['not an object', null, ['']],
    ['an unknown top-level field', { foo: 1 }, ['foo']],
    ['a negative amount', { sign: { amount: -1, unit: 'working_days' } }, ['sign.amount']],
    ['fractional working days', { return: { amount: 1.5, unit: 'working_days' } }, ['return.amount']],
    ['an unknown unit', { callback: { amount: 1, unit: 'days' } }, ['callback.unit']],
    ['a limit that is a number', { warningBefore: 1 }, ['warningBefore']],
    ['an extra key in a limit', { warningBefore: { ...wd(1), extra: true } }, ['warningBefore.extra']],
    ['handle not an object', { handle: [] }, ['handle']],
    ['an unknown handle key', { handle: { byKind: {} } }, ['handle.byKind']],
    [
      'a bad amount in the type table',
      { handle: { byType: { complaint: { amount: 'x', unit: 'working_days' } } } },
      ['handle.byType.complaint.amount'],
    ],
    ['an unknown appeal type', { handle: { byType: { gossip: wd(1) } } }, ['handle.byType.gossip']],
    [
      'an urgency limit that is a number',
      { handle: { byUrgency: { critical: 4 } } },
      ['handle.byUrgency.critical'],
    ],
    ['normal is not an override', { handle: { byUrgency: { normal: wd(5) } } }, ['handle.byUrgency.normal']],
    [
      'bad extension caps',
      { extensionMaxDays: 2.5, complaintExtensionMaxDays: -1 },
      ['extensionMaxDays', 'complaintExtensionMaxDays'],
    ],
    [
      'several at once',
      { sign: { amount: 1 }, handle: { byType: { help: wd(-2) } }, extensionMaxDays: '10' },
      ['handle.byType.help.amount', 'sign.unit', 'extensionMaxDays'],
    ],
  ])('reports %s', (_label, json, fields) => {
    const r = parseDeadlinePolicy(json);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION_FAILED');
    expect(r.error.issues?.map((i) => i.field)).toEqual(fields);
    for (const issue of r.error.issues ?? []) expect(issue.message).not.toBe('');
  });
});
