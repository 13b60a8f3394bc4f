import { describe, expect, it } from 'vitest';
import { buildSchedule, parseHolidayCnYear, scheduleFromYears } from './holiday-schedule.js';
import { loadYear, readHolidayFile, SHIPPED_YEARS } from './test-support/real-schedule.js';
import { missingYears } from './working-days.js';

const file = (days: unknown, extra: Record<string, unknown> = {}) => ({
  year: 2026,
  papers: ['https://www.gov.cn/'],
  days,
  ...extra,
});

describe('parseHolidayCnYear on the shipped files', () => {
  it.each([
    [2024, 36, 8],
    [2025, 33, 5],
    [2026, 39, 6],
  ])('%i: %i rows of which %i make-up workdays', (year, rows, workdays) => {
    const parsed = parseHolidayCnYear(readHolidayFile(year));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.year).toBe(year);
    expect(parsed.value.days).toHaveLength(rows);
    expect(parsed.value.days.filter((d) => d.kind === 'workday')).toHaveLength(workdays);
  });

  it('maps isOffDay to holiday / workday and keeps the name', () => {
    const days = loadYear(2024).days;
    expect(days.find((d) => d.date === '2024-02-04')).toEqual({
      date: '2024-02-04',
      kind: 'workday',
      name: '春节',
    });
    expect(days.find((d) => d.date === '2024-02-12')).toEqual({
      date: '2024-02-12',
      kind: 'holiday',
      name: '春节',
    });
  });
});

describe('parseHolidayCnYear: "no data yet"', () => {
  it('accepts an empty day list (holiday-cn 2027) and returns no days', () => {
    const parsed = parseHolidayCnYear({ year: 2027, papers: [], days: [] });
    expect(parsed).toEqual({ ok: true, value: { year: 2027, days: [] } });
  });

  it('an empty year does not count as covered', () => {
    const empty2027 = { year: 2027, days: [] };
    const s = scheduleFromYears([...SHIPPED_YEARS.map(loadYear), empty2027]);
    expect([...s.years].sort()).toEqual([2024, 2025, 2026]);
    expect(missingYears(s, '2026-12-01', '2027-01-31')).toEqual([2027]);
  });
});

describe('parseHolidayCnYear: errors, one per offending field', () => {
  const good = { name: '元旦', date: '2026-01-01', isOffDay: true };

  it.each([
    ['a bad date', [good, { ...good, date: '2026-02-30' }], [['days[1].date', '日期']]],
    ['a date not ISO', [{ ...good, date: '2026/01/01' }], [['days[0].date', '日期']]],
    [
      'a string isOffDay',
      [good, { ...good, date: '2026-01-02' }, { ...good, date: '2026-01-03', isOffDay: 'yes' }],
      [['days[2].isOffDay', 'isOffDay']],
    ],
    ['a missing name', [{ date: '2026-01-01', isOffDay: true }], [['days[0].name', '名称']]],
    ['a non-object row', [good, 42], [['days[1]', '对象']]],
    ['a duplicate date', [good, { ...good, isOffDay: false }], [['days[1].date', 'days[0]']]],
    [
      'several bad rows',
      [{ name: '', date: 'x', isOffDay: 1 }, good, { ...good, date: '2026-13-01' }],
      [
        ['days[0].name', '名称'],
        ['days[0].date', '日期'],
        ['days[0].isOffDay', 'isOffDay'],
        ['days[2].date', '日期'],
      ],
    ],
  ])('reports %s', (_label, days, expected) => {
    const parsed = parseHolidayCnYear(file(days));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe('VALIDATION_FAILED');
    const issues = parsed.error.issues ?? [];
    expect(issues.map((i) => i.field)).toEqual(expected.map(([f]) => f));
    issues.forEach((issue, i) => {
      expect(issue.message).toContain(expected[i]?.[1]);
    });
  });

  it.each([
    ['not an object', [], ['']],
    ['year missing', { papers: [], days: [] }, ['year']],
    ['year not an integer', file([], { year: '2026' }), ['year']],
    ['papers not strings', file([], { papers: [1] }), ['papers']],
    ['days not an array', file({}), ['days']],
  ])('reports the file shape: %s', (_label, json, fields) => {
    const parsed = parseHolidayCnYear(json);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.issues?.map((i) => i.field)).toEqual(fields);
  });
});

describe('buildSchedule', () => {
  it('indexes days by date and keeps the years given', () => {
    const s = buildSchedule([2030], [{ date: '2030-01-01', kind: 'holiday', name: '元旦' }]);
    expect(s.years.has(2030)).toBe(true);
    expect(s.days.get('2030-01-01')?.kind).toBe('holiday');
    expect(s.days.size).toBe(1);
  });
});
