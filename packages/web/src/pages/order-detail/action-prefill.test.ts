import { describe, expect, it } from 'vitest';
import type { OrderClosure } from '../../api/closure';
import { closurePrefills } from './action-prefill';

const closure = (reply: { phone: string[]; sms: string } | null) =>
  ({ scripts: reply ? { reply, callback: [] } : null }) as unknown as OrderClosure;

describe('回复来电人 prefill', () => {
  const script = { phone: ['您好。', '承办单位答复：已处理。'], sms: '【12345】已处理。' };

  it('starts with the phone script and follows the method: SMS text for 短信, the phone script otherwise', () => {
    const prefill = closurePrefills(closure(script)).reply_to_caller;
    expect(prefill?.initial).toEqual({ content: '您好。\n承办单位答复：已处理。' });
    expect(prefill?.follow?.({ method: 'sms' })).toEqual({ content: '【12345】已处理。' });
    expect(prefill?.follow?.({ method: 'other' })).toEqual({ content: '您好。\n承办单位答复：已处理。' });
    expect(prefill?.follow?.({ content: '改过的' })).toBeNull();
  });

  it('offers nothing without a reply script (unit readers, no unit reply yet)', () => {
    expect(closurePrefills(closure(null))).toEqual({});
    expect(closurePrefills(undefined)).toEqual({});
  });
});
