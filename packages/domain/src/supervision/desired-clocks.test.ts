import { describe, expect, it } from 'vitest';
import type { MachineTask } from '../work-order.machine-types.js';
import { STATUSES, type Status } from '../work-order.status.js';
import { type ClockState, desiredClocks, sameClock } from './desired-clocks.js';

const DEADLINE = '2026-10-10T09:30:00.000Z';
const SIGN = '2026-10-08T09:30:00.000Z';
const task = (
  unitId: string,
  role: MachineTask['role'],
  status: MachineTask['status'],
  parentUnitId: string | null = null,
): MachineTask => ({
  unitId,
  role,
  status,
  parentUnitId,
});
const state = (over: Partial<ClockState> = {}): ClockState => ({
  status: 'dispatched',
  leadUnitId: 'lead',
  signDeadlineAt: SIGN,
  deadlineAt: DEADLINE,
  pendingExtension: false,
  tasks: [task('lead', 'lead', 'pending_sign')],
  supervisions: [],
  centreUnitId: 'centre',
  ...over,
});
/** kind:unit[:paused] with the due, sorted. */
const show = (s: ClockState) =>
  desiredClocks(s)
    .map(
      (c) =>
        `${c.kind}:${c.unitId}${c.paused ? ':paused' : ''}=${'at' in c.due ? c.due.at : `limit:${c.due.limit}`}`,
    )
    .sort();

const UNIT_WORK: Status[] = ['dispatched', 'return_requested', 'in_progress'];

describe('desiredClocks', () => {
  it('a freshly dispatched lead has a sign clock (the order’s sign deadline) and a handle clock from dispatch', () => {
    expect(show(state())).toEqual([`handle:lead=${DEADLINE}`, `sign:lead=${SIGN}`]);
  });

  it('the lead’s sign clock stops once signed; its handle clock keeps running', () => {
    expect(show(state({ status: 'in_progress', tasks: [task('lead', 'lead', 'signed')] }))).toEqual([
      `handle:lead=${DEADLINE}`,
    ]);
  });

  it('a lead without a sign deadline counts the sign limit from when the clock starts', () => {
    expect(show(state({ signDeadlineAt: null }))).toContain('sign:lead=limit:sign');
  });

  it('co and 下派 units: a sign clock (policy limit) while pending, a handle clock only while signed', () => {
    for (const role of ['co', 'delegate'] as const) {
      const base = { status: 'in_progress' as const, tasks: [task('lead', 'lead', 'signed')] };
      expect(
        show(state({ ...base, tasks: [...base.tasks, task('u', role, 'pending_sign', 'lead')] })),
      ).toEqual([`handle:lead=${DEADLINE}`, 'sign:u=limit:sign']);
      expect(show(state({ ...base, tasks: [...base.tasks, task('u', role, 'signed', 'lead')] }))).toEqual([
        `handle:lead=${DEADLINE}`,
        `handle:u=${DEADLINE}`,
      ]);
      for (const done of ['reported', 'withdrawn'] as const) {
        expect(
          show(state({ ...base, tasks: [...base.tasks, task('u', role, done, 'lead')] })),
          `${role} ${done}`,
        ).toEqual([`handle:lead=${DEADLINE}`]);
      }
    }
  });

  it('a withdrawn lead (past assignment) has no clocks', () => {
    expect(
      show(state({ tasks: [task('old', 'lead', 'withdrawn'), task('lead', 'lead', 'pending_sign')] })),
    ).toEqual([`handle:lead=${DEADLINE}`, `sign:lead=${SIGN}`]);
  });

  it('the lead’s handling clocks pause while an extension waits; co-units’ too', () => {
    const out = desiredClocks(
      state({
        status: 'in_progress',
        pendingExtension: true,
        tasks: [task('lead', 'lead', 'signed'), task('co', 'co', 'signed')],
      }),
    );
    expect(out.filter((c) => c.kind === 'handle').map((c) => [c.unitId, c.paused])).toEqual([
      ['lead', true],
      ['co', true],
    ]);
  });

  it('no lead clocks while the centre reviews a return request; co-units keep theirs', () => {
    expect(
      show(
        state({
          status: 'return_requested',
          tasks: [task('lead', 'lead', 'pending_sign'), task('co', 'co', 'signed')],
        }),
      ),
    ).toEqual([`handle:co=${DEADLINE}`]);
    expect(show(state({ status: 'return_requested', tasks: [task('lead', 'lead', 'signed')] }))).toEqual([]);
  });

  it('no handle clock without a deadline', () => {
    expect(show(state({ deadlineAt: null }))).toEqual([`sign:lead=${SIGN}`]);
  });

  it('supervision clocks run only in the unit-work statuses, one per open 督办', () => {
    const supervisions = [
      { id: 's1', unitId: 'lead', deadlineAt: '2026-10-20T09:30:00.000Z' },
      { id: 's2', unitId: 'co', deadlineAt: '2026-10-21T09:30:00.000Z' },
    ];
    for (const status of STATUSES) {
      const sup = desiredClocks(
        state({ status, supervisions, tasks: [task('lead', 'lead', 'signed')] }),
      ).filter((c) => c.kind === 'supervision');
      if (UNIT_WORK.includes(status)) {
        expect(
          sup.map((c) => [c.unitId, c.supervisionId, 'at' in c.due && c.due.at, c.paused]),
          status,
        ).toEqual([
          ['lead', 's1', '2026-10-20T09:30:00.000Z', false],
          ['co', 's2', '2026-10-21T09:30:00.000Z', false],
        ]);
      } else expect(sup, status).toEqual([]);
    }
  });

  it('reply and callback clocks belong to the centre in pending_reply / pending_callback only', () => {
    expect(show(state({ status: 'pending_reply', tasks: [task('lead', 'lead', 'signed')] }))).toEqual([
      'reply:centre=limit:reply',
    ]);
    expect(show(state({ status: 'pending_callback', tasks: [task('lead', 'lead', 'signed')] }))).toEqual([
      'callback:centre=limit:callback',
    ]);
    expect(show(state({ status: 'pending_reply', centreUnitId: null }))).toEqual([]);
  });

  it('no clocks at all outside the statuses that run one', () => {
    const silent = STATUSES.filter(
      (s) => !UNIT_WORK.includes(s) && s !== 'pending_reply' && s !== 'pending_callback',
    );
    expect(silent).toEqual([
      'intake',
      'pending_dispatch',
      'unit_replied',
      'escalated',
      'closed',
      'not_accepted',
      'transferred_out',
      'merged',
      'archived',
    ]);
    for (const status of silent) {
      const s = state({ status, tasks: [task('lead', 'lead', 'signed'), task('co', 'co', 'pending_sign')] });
      expect(desiredClocks(s), status).toEqual([]);
    }
  });

  it('every unit-work status with the same tasks wants the same unit clocks (except the lead in return_requested)', () => {
    const tasks = [
      task('lead', 'lead', 'signed'),
      task('co', 'co', 'pending_sign'),
      task('d', 'delegate', 'signed', 'lead'),
    ];
    expect(show(state({ status: 'dispatched', tasks }))).toEqual(
      show(state({ status: 'in_progress', tasks })),
    );
  });

  it('sameClock matches on kind, unit and supervision', () => {
    const a = { kind: 'handle', unitId: 'u', supervisionId: null };
    expect(sameClock(a, { ...a })).toBe(true);
    expect(sameClock(a, { ...a, unitId: 'v' })).toBe(false);
    expect(sameClock(a, { ...a, kind: 'sign' })).toBe(false);
    const s = { kind: 'supervision', unitId: 'u', supervisionId: 's1' };
    expect(sameClock(s, { ...s, supervisionId: 's2' })).toBe(false);
    expect(sameClock(s, { ...s })).toBe(true);
  });
});
