import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TEMPLATES,
  MAX_DELIVERY_ATTEMPTS,
  NOTIFICATION_KINDS,
  formatSignatureHeader,
  nextRetry,
  notificationDedupeKey,
  notificationRuleFor,
  parseSignatureHeader,
  renderTemplate,
  signedContent,
  validateTemplate,
} from './index.js';

describe('notification rules', () => {
  it('maps lifecycle events to kinds and audiences', () => {
    expect(notificationRuleFor('dispatch')).toMatchObject({
      kind: 'order_dispatched',
      audience: 'assigned_units',
    });
    expect(notificationRuleFor('request_return')?.audience).toBe('centre');
    expect(notificationRuleFor('request_extension')?.kind).toBe('extension_requested');
    expect(notificationRuleFor('reply')).toMatchObject({ kind: 'reply_submitted', audience: 'centre' });
    expect(notificationRuleFor('sign')).toBeUndefined();
    expect(notificationRuleFor('toString')).toBeUndefined();
  });

  it('builds stable dedupe keys', () => {
    const base = {
      orderId: 'o1',
      seq: 3,
      kind: 'order_dispatched',
      recipient: 'u1',
      channel: 'in_app',
    } as const;
    expect(notificationDedupeKey(base)).toBe('o1:3:order_dispatched:u1:in_app');
    expect(notificationDedupeKey({ ...base, channel: 'webhook', target: 'e1' })).toBe(
      'o1:3:order_dispatched:u1:webhook@e1',
    );
  });
});

describe('templates', () => {
  it('every kind has a valid default template', () => {
    for (const kind of NOTIFICATION_KINDS) expect(validateTemplate(DEFAULT_TEMPLATES[kind])).toEqual([]);
  });

  it('renders placeholders, missing values as a dash, unknown names untouched', () => {
    expect(
      renderTemplate('{orderNo}「{title}」{deadline}{x}', { orderNo: '202611280001', title: '噪音' }),
    ).toBe('202611280001「噪音」—{x}');
  });

  it('refuses unknown placeholders, unbalanced braces and empty text', () => {
    expect(validateTemplate('工单{orderNo}{phone}').map((i) => i.message)).toEqual([
      expect.stringContaining('{phone}'),
    ]);
    expect(validateTemplate('工单{orderNo')).toHaveLength(1);
    expect(validateTemplate('  ')).toHaveLength(1);
    expect(validateTemplate('x'.repeat(501))).toHaveLength(1);
  });
});

describe('retry schedule', () => {
  it('backs off 1 min, 5 min, 30 min, 2 h, 12 h, then fails', () => {
    const now = new Date('2026-11-28T00:00:00Z');
    const waits = [1, 2, 3, 4, 5].map((n) => {
      const d = nextRetry(n, now);
      if (d.status !== 'pending') throw new Error('expected a retry');
      return (d.nextAttemptAt.getTime() - now.getTime()) / 60_000;
    });
    expect(waits).toEqual([1, 5, 30, 120, 720]);
    expect(nextRetry(6, now)).toEqual({ status: 'failed' });
    expect(MAX_DELIVERY_ATTEMPTS).toBe(6);
  });
});

describe('signature header', () => {
  it('formats and parses t and v1', () => {
    const hex = 'a'.repeat(64);
    expect(signedContent(1700000000, '{"a":1}')).toBe('1700000000.{"a":1}');
    const header = formatSignatureHeader(1700000000, hex);
    expect(header).toBe(`t=1700000000,v1=${hex}`);
    expect(parseSignatureHeader(header)).toEqual({ timestamp: 1700000000, signatures: [hex] });
    expect(parseSignatureHeader('t=abc,v1=zz')).toBeUndefined();
  });
});
