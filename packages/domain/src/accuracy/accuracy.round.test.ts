import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../roles.js';
import {
  ROUND_STATUSES,
  type RoundAction,
  type RoundStatus,
  allowedRoundActions,
  roundTransition,
} from './accuracy.round.js';

/** Written out by hand: the actions each role may take in each status. */
const EXPECTED: Record<RoundStatus, Partial<Record<Role, RoundAction[]>>> = {
  planned: {
    supervisor: ['start', 'record_check'],
    admin: ['start', 'record_check'],
    inspector: ['record_check'],
  },
  in_progress: {
    supervisor: ['record_check', 'complete'],
    admin: ['record_check', 'complete'],
    inspector: ['record_check'],
  },
  completed: {},
};

describe('round state machine', () => {
  it.each(ROUND_STATUSES.flatMap((status) => ROLES.map((role) => [status, role] as const)))(
    '%s × %s',
    (status, role) => {
      expect(allowedRoundActions(status, role)).toEqual(EXPECTED[status][role] ?? []);
    },
  );

  it('moves planned → in_progress → completed', () => {
    expect(roundTransition('planned', 'supervisor', 'start')).toMatchObject({
      ok: true,
      value: { to: 'in_progress' },
    });
    expect(roundTransition('planned', 'inspector', 'record_check')).toMatchObject({
      ok: true,
      value: { to: 'in_progress' },
    });
    expect(roundTransition('in_progress', 'admin', 'complete')).toMatchObject({
      ok: true,
      value: { to: 'completed' },
    });
  });

  it('checks the action, then the status, then the role', () => {
    const code = (r: ReturnType<typeof roundTransition>) => (r.ok ? 'ok' : r.error.code);
    expect(code(roundTransition('planned', 'agent', 'explode'))).toBe('UNKNOWN_EVENT');
    expect(code(roundTransition('completed', 'agent', 'complete'))).toBe('TRANSITION_NOT_ALLOWED');
    expect(code(roundTransition('in_progress', 'inspector', 'complete'))).toBe('ROLE_NOT_PERMITTED');
    expect(code(roundTransition('in_progress', 'unit_handler', 'record_check'))).toBe('ROLE_NOT_PERMITTED');
    expect(code(roundTransition('planned', 'supervisor', 'toString'))).toBe('UNKNOWN_EVENT');
  });
});
