import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../roles.js';
import {
  TASK_STATUSES,
  type TaskAction,
  type TaskStatus,
  allowedTaskActions,
  taskTransition,
} from './accuracy.task.js';

const EXPECTED: Record<TaskStatus, Partial<Record<Role, TaskAction[]>>> = {
  open: { unit_handler: ['mark_fixed'], unit_admin: ['mark_fixed'] },
  fixed: {
    supervisor: ['schedule_recheck', 'record_recheck'],
    admin: ['schedule_recheck', 'record_recheck'],
    inspector: ['record_recheck'],
  },
  closed: {},
};

const code = (r: ReturnType<typeof taskTransition>) => (r.ok ? 'ok' : r.error.code);
const fields = (r: ReturnType<typeof taskTransition>) =>
  r.ok ? [] : (r.error.issues ?? []).map((i) => i.field);

describe('correction task state machine', () => {
  it.each(TASK_STATUSES.flatMap((status) => ROLES.map((role) => [status, role] as const)))(
    '%s × %s',
    (status, role) => {
      expect(allowedTaskActions(status, role)).toEqual(EXPECTED[status][role] ?? []);
    },
  );

  it('a unit marks an open task fixed, optionally naming the guide version it proposed', () => {
    const r = taskTransition('open', { role: 'unit_handler' }, 'mark_fixed', {
      fixNote: '已更新材料清单',
      proposedVersion: 3,
    });
    expect(r).toEqual({
      ok: true,
      value: {
        action: 'mark_fixed',
        from: 'open',
        to: 'fixed',
        input: { fixNote: '已更新材料清单', proposedVersion: 3 },
      },
    });
  });

  it('a passing re-check closes the task, a failing one sends it back to open', () => {
    const pass = taskTransition(
      'fixed',
      { role: 'inspector' },
      'record_recheck',
      { reached: true, verdict: 'accurate' },
      '',
    );
    expect(pass).toMatchObject({ ok: true, value: { to: 'closed', passed: true } });
    const outdated = { reached: true, verdict: 'accurate', guideOutdated: true, notes: '收费标准已调整' };
    expect(taskTransition('fixed', { role: 'inspector' }, 'record_recheck', outdated, '')).toMatchObject({
      ok: true,
      value: { to: 'open', passed: false },
    });
    expect(
      taskTransition(
        'fixed',
        { role: 'admin' },
        'record_recheck',
        { reached: false, verdict: 'unreachable' },
        '',
      ),
    ).toMatchObject({ ok: true, value: { to: 'open', passed: false } });
  });

  it('scheduling a re-check keeps the task awaiting it', () => {
    const r = taskTransition('fixed', { role: 'supervisor' }, 'schedule_recheck', {
      checkerId: 'u1',
      plannedOn: '2026-10-12',
    });
    expect(r).toMatchObject({
      ok: true,
      value: { to: 'fixed', input: { checkerId: 'u1', plannedOn: '2026-10-12' } },
    });
  });

  it('checks action, status, role and input in that order', () => {
    expect(code(taskTransition('open', { role: 'agent' }, 'close_all', {}))).toBe('UNKNOWN_EVENT');
    expect(code(taskTransition('closed', { role: 'agent' }, 'mark_fixed', {}))).toBe(
      'TRANSITION_NOT_ALLOWED',
    );
    expect(code(taskTransition('open', { role: 'supervisor' }, 'mark_fixed', {}))).toBe('ROLE_NOT_PERMITTED');
    expect(code(taskTransition('fixed', { role: 'unit_handler' }, 'record_recheck', {}))).toBe(
      'ROLE_NOT_PERMITTED',
    );
    const bad = taskTransition('open', { role: 'unit_admin' }, 'mark_fixed', { proposedVersion: 0 });
    expect(code(bad)).toBe('VALIDATION_FAILED');
    expect(fields(bad)).toEqual(['input.fixNote', 'input.proposedVersion']);
    const date = taskTransition('fixed', { role: 'admin' }, 'schedule_recheck', {
      checkerId: 'u',
      plannedOn: '12/10/2026',
    });
    expect(fields(date)).toEqual(['input.plannedOn']);
  });
});
