import { describe, expect, it } from 'vitest';
import { type CallerVisibility, callerVisibility, maskName, maskPhone } from './masking.js';
import { ROLES, type Role } from './roles.js';

/** Written out by hand: [non-confidential, confidential] for every role. */
const VISIBILITY: Record<Role, readonly [CallerVisibility, CallerVisibility]> = {
  agent: ['full', 'full'],
  dispatcher: ['masked', 'hidden'],
  reviewer: ['full', 'full'],
  callback: ['full', 'full'],
  unit_handler: ['full', 'hidden'],
  unit_admin: ['full', 'hidden'],
  inspector: ['masked', 'hidden'],
  supervisor: ['full', 'full'],
  admin: ['full', 'full'],
};

describe('callerVisibility', () => {
  it('covers every role', () => {
    expect(Object.keys(VISIBILITY).sort()).toEqual([...ROLES].sort());
  });

  it.each(
    ROLES.flatMap((role) => [
      [role, false, VISIBILITY[role][0]] as const,
      [role, true, VISIBILITY[role][1]] as const,
    ]),
  )('%s, confidential=%s → %s', (role, confidential, expected) => {
    expect(callerVisibility(role, confidential)).toBe(expected);
  });

  it('a confidential order never shows more than a non-confidential one', () => {
    const rank: Record<CallerVisibility, number> = { hidden: 0, masked: 1, full: 2 };
    for (const role of ROLES) {
      expect(rank[callerVisibility(role, true)]).toBeLessThanOrEqual(rank[callerVisibility(role, false)]);
    }
  });

  it('handling units and other non-centre-contact roles see nothing of a confidential caller', () => {
    for (const role of ['unit_handler', 'unit_admin', 'dispatcher', 'inspector'] as const) {
      expect(callerVisibility(role, true)).toBe('hidden');
    }
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['19900001111', '199****1111'],
    ['  13812345678  ', '138****5678'],
  ])('masks the 11-digit mobile %j as %j', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('hides the middle of a mobile number and keeps its length', () => {
    const masked = maskPhone('13812345678');
    expect(masked).toHaveLength(11);
    expect(masked).not.toContain('1234');
  });

  it.each([
    ['010-12345678', '010****5678'],
    ['0571-87654321', '057****4321'],
    ['+8613812345678', '+86****5678'],
  ])('masks the long number %j as %j (first three and last four kept)', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it.each([
    ['87654321', '******21'],
    ['1234567', '*****67'],
    ['12345', '***45'],
    ['0571876543', '********43'],
  ])('masks the landline without area code %j as %j (last two kept)', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it.each(['', '   ', '1', '110', '1234', ' 1234 '])('masks the short input %j entirely', (phone) => {
    expect(maskPhone(phone)).toBe('****');
  });

  it('never returns the input unchanged for anything longer than four characters', () => {
    for (const phone of ['12345', '87654321', '13812345678', '02112345678', '+8613812345678']) {
      expect(maskPhone(phone)).not.toBe(phone);
      expect(maskPhone(phone)).toContain('*');
    }
  });
});

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['李', '李*'],
    ['  王小明 ', '王**'],
    ['𠀀二', '𠀀*'],
    ['Alice', 'A****'],
  ])('masks %j as %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('returns an empty string for an empty or blank name', () => {
    expect(maskName('')).toBe('');
    expect(maskName('   ')).toBe('');
  });
});
