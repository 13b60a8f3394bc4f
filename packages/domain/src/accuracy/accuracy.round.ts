import { type Result, fail, ok } from '../errors.js';
import type { Role } from '../roles.js';
import { ACCURACY_CHECKER_ROLES, ACCURACY_PLANNER_ROLES } from './accuracy.roles.js';

/** A round of checks (检查轮次): planned → in_progress → completed. */
export const ROUND_STATUSES = ['planned', 'in_progress', 'completed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const ROUND_STATUS_LABELS: Record<RoundStatus, string> = {
  planned: '计划中',
  in_progress: '检查中',
  completed: '已完成',
};

export const ROUND_STATUS_COLOURS: Record<RoundStatus, string> = {
  planned: 'blue',
  in_progress: 'processing',
  completed: 'success',
};

/** The status a new round starts in. */
export const ROUND_INITIAL_STATUS: RoundStatus = 'planned';

/** Statuses whose entry is stamped on the round. */
export const ROUND_STATUS_TIMESTAMPS: Partial<Record<RoundStatus, 'startedAt' | 'completedAt'>> = {
  in_progress: 'startedAt',
  completed: 'completedAt',
};

interface RoundActionDefinition {
  label: string;
  from: readonly RoundStatus[];
  roles: readonly Role[];
  to: RoundStatus;
  /** Shown as a button on the round (record_check is offered per item instead). */
  button: boolean;
}

/**
 * The transitions table. Recording the first check starts a planned round; completing a round ends its
 * initial checks (items left unchecked are reported as such); re-checks of correction tasks are not
 * round actions and go on after completion.
 */
export const ROUND_ACTIONS = {
  start: {
    label: '开始检查',
    from: ['planned'],
    roles: ACCURACY_PLANNER_ROLES,
    to: 'in_progress',
    button: true,
  },
  record_check: {
    label: '记录检查',
    from: ['planned', 'in_progress'],
    roles: ACCURACY_CHECKER_ROLES,
    to: 'in_progress',
    button: false,
  },
  complete: {
    label: '完成本轮',
    from: ['in_progress'],
    roles: ACCURACY_PLANNER_ROLES,
    to: 'completed',
    button: true,
  },
} as const satisfies Record<string, RoundActionDefinition>;

export type RoundAction = keyof typeof ROUND_ACTIONS;
export const ROUND_ACTION_NAMES = Object.keys(ROUND_ACTIONS) as RoundAction[];

export const isRoundStatus = (value: unknown): value is RoundStatus =>
  typeof value === 'string' && (ROUND_STATUSES as readonly string[]).includes(value);

const isRoundAction = (value: unknown): value is RoundAction =>
  typeof value === 'string' && Object.hasOwn(ROUND_ACTIONS, value);

/** Checks action → status → role, in that order; returns the status the round moves to. */
export function roundTransition(
  status: RoundStatus,
  role: Role,
  action: string,
): Result<{ action: RoundAction; from: RoundStatus; to: RoundStatus }> {
  if (!isRoundAction(action)) return fail('UNKNOWN_EVENT', `未知的操作：${String(action).slice(0, 40)}`);
  const def: RoundActionDefinition = ROUND_ACTIONS[action];
  if (!def.from.includes(status)) {
    return fail('TRANSITION_NOT_ALLOWED', `本轮检查${ROUND_STATUS_LABELS[status]}，不能「${def.label}」`);
  }
  if (!def.roles.includes(role)) return fail('ROLE_NOT_PERMITTED', `您的角色不能「${def.label}」`);
  return ok({ action, from: status, to: def.to });
}

/** The actions this role may take on a round in this status (buttons and per-item record links). */
export function allowedRoundActions(status: RoundStatus, role: Role): RoundAction[] {
  return ROUND_ACTION_NAMES.filter((name) => roundTransition(status, role, name).ok);
}
