import { describe, expect, it } from 'vitest';
import { correctionReasons, parseCheckInput, recheckPasses } from './accuracy.check.js';

const fields = (r: ReturnType<typeof parseCheckInput>) =>
  r.ok ? [] : (r.error.issues ?? []).map((i) => i.field);

describe('parseCheckInput', () => {
  it('accepts an accurate answer and fills defaults', () => {
    expect(parseCheckInput({ reached: true, answerSeconds: 12, verdict: 'accurate' })).toEqual({
      ok: true,
      value: {
        reached: true,
        answerSeconds: 12,
        rings: null,
        verdict: 'accurate',
        guideOutdated: false,
        notes: null,
        calledNumber: null,
      },
    });
  });

  it.each([
    [{ reached: false, verdict: 'accurate' }, ['verdict']],
    [{ reached: true, verdict: 'unreachable' }, ['verdict']],
    [{ reached: false, verdict: 'unreachable', answerSeconds: 5 }, ['answerSeconds']],
    [{ reached: true, verdict: 'wrong' }, ['notes']],
    [{ reached: true, verdict: 'partly', notes: '  ' }, ['notes']],
    [{ reached: true, verdict: 'accurate', guideOutdated: true }, ['notes']],
    [{ verdict: 'maybe' }, ['reached', 'verdict']],
    [
      { reached: 'yes', verdict: 'accurate', answerSeconds: 601, rings: -1, colour: 'red' },
      ['colour', 'reached', 'answerSeconds', 'rings'],
    ],
  ])('%j → issues at %j', (input, expected) => {
    expect(fields(parseCheckInput(input))).toEqual(expected);
  });

  it('puts issues under a prefix when the check is an action input', () => {
    expect(fields(parseCheckInput({ reached: true, verdict: 'wrong' }, 'input'))).toEqual(['input.notes']);
    expect(fields(parseCheckInput({ reached: 1 }, 'input'))).toEqual(['input.reached', 'input.verdict']);
  });

  it('refuses a body that is not an object', () => {
    expect(fields(parseCheckInput('accurate'))).toEqual(['body']);
  });
});

describe('correction reasons and re-check outcome', () => {
  it.each([
    ['accurate', false, []],
    ['accurate', true, ['guide_outdated']],
    ['partly', false, ['partly']],
    ['wrong', true, ['wrong', 'guide_outdated']],
    ['unreachable', false, ['unreachable']],
  ] as const)('%s (outdated=%s) → %j', (verdict, guideOutdated, reasons) => {
    expect(correctionReasons({ verdict, guideOutdated })).toEqual(reasons);
    expect(recheckPasses({ verdict, guideOutdated })).toBe(reasons.length === 0);
  });
});
