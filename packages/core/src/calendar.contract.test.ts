import { DEFAULT_DEADLINE_POLICY } from '@huawu/domain';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import {
  A,
  countRows,
  dispatched,
  expectAppError,
  fieldsOf,
  manualClock,
  seedPeople,
} from './test-support/contract-helpers.js';
import { type TestCore, describeEachDatabase } from './test-support/databases.js';
import { getWorkOrder } from './use-cases/get-work-order.js';
import {
  getCalendarYear,
  getDeadlinePolicy,
  importHolidayCnYear,
  putCalendarYear,
  putDeadlinePolicy,
} from './use-cases/manage-calendar.js';

const DISPATCH_AT = '2026-09-30T02:00:00.000Z'; // see deadlines.contract.test.ts

const calendarAudits = (core: TestCore) =>
  core.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'calendar_import').execute();

describeEachDatabase('calendar and deadline policy administration', (db) => {
  const clock = manualClock(DISPATCH_AT);
  let core: TestCore;
  beforeAll(async () => {
    core = await db.newCore({ now: clock.now });
    await seedPeople(core);
  });
  beforeEach(() => clock.set(DISPATCH_AT));

  it('reports the bundled years and no data for 2027', async () => {
    const y2026 = await getCalendarYear(core, 2026);
    expect(y2026.hasData).toBe(true);
    expect(y2026.days).toContainEqual({ date: '2026-10-01', kind: 'holiday', name: '国庆节' });
    expect(y2026.days).toContainEqual({ date: '2026-10-10', kind: 'workday', name: '国庆节' });
    expect(y2026.days.every((d) => d.date.startsWith('2026-'))).toBe(true);
    expect(await getCalendarYear(core, 2027)).toEqual({ year: 2027, hasData: false, days: [] });
    await expectAppError(getCalendarYear(core, 1999), 'VALIDATION_FAILED');
  });

  it('putCalendarYear reports every bad row by index and writes nothing', async () => {
    const holidaysBefore = await countRows(core, 'holidays');
    const auditsBefore = (await calendarAudits(core)).length;
    const days = [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2026-12-31', kind: 'holiday', name: '跨年' },
      { date: '2027-02-30', kind: 'holiday', name: '不存在' },
      { date: '2027-01-01', kind: 'holiday', name: '重复' },
      { date: '2027-05-01', kind: 'vacation', name: '劳动节' },
      null,
    ];
    const error = await expectAppError(putCalendarYear(core, A.admin, 2027, days), 'VALIDATION_FAILED');
    expect(fieldsOf(error)).toEqual([
      'days[1].date',
      'days[2].date',
      'days[3].date',
      'days[4].kind',
      'days[5].date',
    ]);
    expect(
      fieldsOf(await expectAppError(putCalendarYear(core, A.admin, 2027, []), 'VALIDATION_FAILED')),
    ).toEqual(['days']);
    expect(
      fieldsOf(await expectAppError(putCalendarYear(core, A.admin, 1999, days), 'VALIDATION_FAILED')),
    ).toEqual(['year']);
    await expectAppError(putCalendarYear(core, A.dispatcher, 2027, days.slice(0, 1)), 'FORBIDDEN');
    expect(await countRows(core, 'holidays')).toBe(holidaysBefore);
    expect(await calendarAudits(core)).toHaveLength(auditsBefore);
    expect((await getCalendarYear(core, 2027)).hasData).toBe(false);
  });

  it('importHolidayCnYear refuses a year whose day list is empty (not yet published)', async () => {
    const error = await expectAppError(
      importHolidayCnYear(core, A.admin, { year: 2027, papers: [], days: [] }),
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(error)).toEqual(['days']);
    const malformed = await expectAppError(
      importHolidayCnYear(core, A.admin, {
        year: 2027,
        papers: [],
        days: [{ name: '元旦', date: '2027-13-01' }],
      }),
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(malformed)).toEqual(['days[0].date', 'days[0].isOffDay']);
    expect(await getCalendarYear(core, 2027)).toMatchObject({ hasData: false, days: [] });
  });

  it('putDeadlinePolicy applies to the next dispatch in the same process; bad policies change nothing', async () => {
    expect(await getDeadlinePolicy(core)).toEqual(DEFAULT_DEADLINE_POLICY);
    const first = await dispatched(core, { intake: { appealType: 'consultation' } });
    expect(first.deadlineAt).toBe('2026-10-10T09:30:00.000Z');

    const bad = {
      handle: { byType: { consultation: { amount: 2.5, unit: 'working_days' } } },
      colour: 'red',
    };
    const error = await expectAppError(putDeadlinePolicy(core, A.admin, bad), 'VALIDATION_FAILED');
    expect(fieldsOf(error).sort()).toEqual(['colour', 'handle.byType.consultation.amount']);
    await expectAppError(putDeadlinePolicy(core, A.supervisor, {}), 'FORBIDDEN');
    expect(await getDeadlinePolicy(core)).toEqual(DEFAULT_DEADLINE_POLICY);

    try {
      const saved = await putDeadlinePolicy(core, A.admin, {
        sign: { amount: 2, unit: 'working_days' },
        handle: { byType: { consultation: { amount: 5, unit: 'working_days' } } },
      });
      expect(saved.handle.byType.consultation).toEqual({ amount: 5, unit: 'working_days' });
      expect(saved.handle.byType.complaint).toEqual(DEFAULT_DEADLINE_POLICY.handle.byType.complaint);
      expect(await getDeadlinePolicy(core)).toEqual(saved);
      const second = await dispatched(core, { intake: { appealType: 'consultation' } });
      expect(second.signDeadlineAt).toBe('2026-10-09T09:30:00.000Z');
      expect(second.deadlineAt).toBe('2026-10-13T09:30:00.000Z');
      const complaint = await dispatched(core, { intake: { appealType: 'complaint' } });
      expect(complaint.deadlineAt).toBe('2026-10-27T09:30:00.000Z');
      // Orders already dispatched keep their deadlines.
      expect((await getWorkOrder(core, A.dispatcher, first.id)).deadlineAt).toBe('2026-10-10T09:30:00.000Z');
    } finally {
      // Leave the default policy for the other tests of this database.
      await putDeadlinePolicy(core, null, DEFAULT_DEADLINE_POLICY);
    }
    expect(await getDeadlinePolicy(core)).toEqual(DEFAULT_DEADLINE_POLICY);
  });

  it('a newly imported year removes the missing-year warning and its holidays move new deadlines', async () => {
    clock.set('2028-12-08T02:00:00.000Z'); // Friday; 2028 has no data yet
    const before = await dispatched(core, { intake: { appealType: 'consultation' } });
    expect(before.deadlineAt).toBe('2028-12-13T09:30:00.000Z');
    expect(before.timeline.at(-1)?.payload).toMatchObject({ calendarMissingYears: [2028] });

    const year = await importHolidayCnYear(core, A.supervisor, {
      year: 2028,
      papers: [],
      days: [
        { name: '演练日', date: '2028-12-11', isOffDay: true },
        { name: '演练日', date: '2028-12-12', isOffDay: true },
        { name: '补班', date: '2028-12-09', isOffDay: false },
      ],
    });
    expect(year).toMatchObject({ year: 2028, hasData: true });
    expect(year.days.map((d) => `${d.date}:${d.kind}`)).toEqual([
      '2028-12-09:workday',
      '2028-12-11:holiday',
      '2028-12-12:holiday',
    ]);
    const after = await dispatched(core, { intake: { appealType: 'consultation' } });
    // Working days after Friday 12-08: Sat 12-09 (make-up), Wed 12-13, Thu 12-14.
    expect(after.signDeadlineAt).toBe('2028-12-09T09:30:00.000Z');
    expect(after.deadlineAt).toBe('2028-12-14T09:30:00.000Z');
    expect(after.timeline.at(-1)?.payload).not.toHaveProperty('calendarMissingYears');
    expect((await calendarAudits(core)).map((r) => r.target_id)).toContain('2028');
    expect(before.deadlineAt).toBe((await getWorkOrder(core, A.dispatcher, before.id)).deadlineAt);

    // Replacing the year keeps only the new rows.
    await putCalendarYear(core, A.admin, 2028, [{ date: '2028-01-01', kind: 'holiday', name: '元旦' }]);
    expect((await getCalendarYear(core, 2028)).days).toEqual([
      { date: '2028-01-01', kind: 'holiday', name: '元旦' },
    ]);
    const replaced = await dispatched(core, { intake: { appealType: 'consultation' } });
    expect(replaced.deadlineAt).toBe('2028-12-13T09:30:00.000Z');
  });
});
