import { describe, expect, it } from 'vitest';
import { STATUSES } from '../work-order.status.js';
import { isOrderNumber, publicLookupIssues } from './public-lookup-input.js';
import {
  PUBLIC_PHASES,
  PUBLIC_PHASE_COLOURS,
  PUBLIC_PHASE_LABELS,
  publicPhaseOf,
  showsExpectedDate,
} from './public-phase.js';
import { publicReplyOf, publicSteps } from './public-steps.js';

describe('public phase', () => {
  it('maps every status to a known phase with a label and a colour', () => {
    for (const status of STATUSES) {
      const phase = publicPhaseOf(status);
      expect(PUBLIC_PHASES, status).toContain(phase);
      expect(PUBLIC_PHASE_LABELS[phase]).toMatch(/\p{Script=Han}/u);
      expect(PUBLIC_PHASE_COLOURS[phase]).toBeTruthy();
    }
  });

  it('uses every phase for some status', () => {
    const used = new Set(STATUSES.map(publicPhaseOf));
    expect([...used].sort()).toEqual([...PUBLIC_PHASES].sort());
  });

  it('calls an order answered only once the caller was told', () => {
    expect(publicPhaseOf('unit_replied')).toBe('handling');
    expect(publicPhaseOf('pending_reply')).toBe('handling');
    expect(publicPhaseOf('pending_callback')).toBe('replied');
    expect(publicPhaseOf('intake')).toBe('accepted');
    expect(publicPhaseOf('pending_dispatch')).toBe('accepted');
    expect(publicPhaseOf('closed')).toBe('closed');
    expect(publicPhaseOf('archived')).toBe('archived');
    expect(publicPhaseOf('not_accepted')).toBe('not_accepted');
    expect(publicPhaseOf('transferred_out')).toBe('transferred');
    expect(publicPhaseOf('merged')).toBe('merged');
    expect(publicPhaseOf('escalated')).toBe('handling');
  });

  it('shows the expected date only while the order is handled', () => {
    for (const status of STATUSES.filter(showsExpectedDate)) expect(publicPhaseOf(status)).toBe('handling');
    expect(showsExpectedDate('in_progress')).toBe(true);
    expect(showsExpectedDate('pending_dispatch')).toBe(false);
    expect(showsExpectedDate('closed')).toBe(false);
  });
});

describe('public steps and reply', () => {
  let previous: string | null = null;
  const t = (event: string, toStatus: string, at: string, payload: Record<string, unknown> = {}) => {
    const entry = { event, fromStatus: previous, toStatus, at, payload };
    previous = toStatus;
    return entry as Parameters<typeof publicSteps>[0][number];
  };

  it('lists each milestone once, in order, from the timeline', () => {
    const steps = publicSteps([
      t('create', 'intake', '2026-11-02T01:00:00.000Z'),
      t('submit_for_dispatch', 'pending_dispatch', '2026-11-02T01:01:00.000Z'),
      t('dispatch', 'dispatched', '2026-11-02T02:00:00.000Z'),
      t('sign', 'in_progress', '2026-11-02T03:00:00.000Z'),
      t('reply', 'unit_replied', '2026-11-03T03:00:00.000Z', { internalNotes: '内部' }),
      t('approve_reply', 'pending_reply', '2026-11-03T04:00:00.000Z'),
      t('reply_to_caller', 'pending_callback', '2026-11-03T05:00:00.000Z', { content: '已修复' }),
      t('callback', 'pending_dispatch', '2026-11-04T05:00:00.000Z', { redo: true }),
      t('dispatch', 'dispatched', '2026-11-04T06:00:00.000Z'),
      t('sign', 'in_progress', '2026-11-04T07:00:00.000Z'),
      t('reply', 'unit_replied', '2026-11-05T03:00:00.000Z'),
      t('approve_reply', 'pending_reply', '2026-11-05T04:00:00.000Z'),
      t('reply_to_caller', 'closed', '2026-11-05T05:00:00.000Z', { content: '已彻底修复' }),
      t('appeal_rating', 'closed', '2026-11-05T09:00:00.000Z', { reason: '申诉' }),
      t('archive', 'archived', '2026-11-06T05:00:00.000Z'),
    ]);
    expect(steps).toEqual([
      { step: 'accepted', label: '受理', at: '2026-11-02T01:00:00.000Z' },
      { step: 'dispatched', label: '转办', at: '2026-11-04T06:00:00.000Z' },
      { step: 'handling', label: '单位办理', at: '2026-11-04T07:00:00.000Z' },
      { step: 'replied', label: '答复', at: '2026-11-05T05:00:00.000Z' },
      { step: 'closed', label: '办结', at: '2026-11-05T05:00:00.000Z' },
      { step: 'archived', label: '归档', at: '2026-11-06T05:00:00.000Z' },
    ]);
  });

  it('takes the latest text told to the caller and nothing else', () => {
    const reply = publicReplyOf([
      t('reply', 'unit_replied', '2026-11-03T03:00:00.000Z', {
        publicReply: '单位答复',
        internalNotes: '内部',
      }),
      t('reply_to_caller', 'pending_callback', '2026-11-03T05:00:00.000Z', { content: '第一次' }),
      t('callback', 'pending_dispatch', '2026-11-04T05:00:00.000Z', { comment: '不满意' }),
      t('reply_to_caller', 'closed', '2026-11-05T05:00:00.000Z', { content: '第二次' }),
    ]);
    expect(reply).toEqual({ text: '第二次', at: '2026-11-05T05:00:00.000Z' });
    expect(publicReplyOf([t('reply', 'unit_replied', 'x', { publicReply: '未转告' })])).toBeNull();
    expect(publicReplyOf([t('answer_directly', 'closed', 'a', { answer: '直接答复' })])?.text).toBe(
      '直接答复',
    );
    expect(publicReplyOf([t('reject', 'not_accepted', 'a', { channelTold: '请拨打110' })])?.text).toBe(
      '请拨打110',
    );
  });
});

describe('public lookup input', () => {
  it('accepts a real date with a sequence and exactly four digits', () => {
    expect(isOrderNumber('202611290001')).toBe(true);
    expect(isOrderNumber('202613290001')).toBe(false);
    expect(isOrderNumber('20261129001')).toBe(false);
    expect(isOrderNumber('2026112900012')).toBe(false);
    expect(isOrderNumber('２０２６１１２９０００１')).toBe(false);
    expect(publicLookupIssues({ orderNo: '202611290001', phoneLast4: '1234' })).toEqual([]);
    expect(publicLookupIssues({ orderNo: 'x', phoneLast4: '123' }).map((i) => i.field)).toEqual([
      'orderNo',
      'phoneLast4',
    ]);
    expect(publicLookupIssues({ orderNo: '202611290001', phoneLast4: '12345' })).toHaveLength(1);
  });
});
