import { type Result, fail, ok } from '../errors.js';
import type { FieldSpecs, ParsedInput } from '../input-fields.js';
import { type Actor, type Role, UNIT_ROLES } from '../roles.js';
import {
  type CheckInput,
  CHECK_FIELDS,
  parseCheckInput,
  parseTopLevel,
  recheckPasses,
} from './accuracy.check.js';
import { ACCURACY_CHECKER_ROLES, ACCURACY_PLANNER_ROLES } from './accuracy.roles.js';
import { isLocalDate } from '../calendar/local-date.js';

/** A correction task (整改任务): open → fixed (awaiting re-check) → closed, or back to open. */
export const TASK_STATUSES = ['open', 'fixed', 'closed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  open: '待整改',
  fixed: '已整改待复查',
  closed: '已销号',
};

export const TASK_STATUS_COLOURS: Record<TaskStatus, string> = {
  open: 'orange',
  fixed: 'blue',
  closed: 'success',
};

export const TASK_INITIAL_STATUS: TaskStatus = 'open';

/** Statuses in which the unit's correction clock runs (and a task can be overdue, 红牌). */
export const TASK_CLOCK_STATUSES: readonly TaskStatus[] = ['open'];
/** Statuses of tasks not yet closed. */
export const TASK_UNRESOLVED_STATUSES: readonly TaskStatus[] = ['open', 'fixed'];

export const taskClockRuns = (status: TaskStatus): boolean => TASK_CLOCK_STATUSES.includes(status);

export const MARK_FIXED_FIELDS = {
  fixNote: { kind: 'text', label: '整改情况', required: true, maxLength: 1000, multiline: true },
  proposedVersion: { kind: 'integer', label: '提交的指南新版本号', required: false, min: 1, max: 100_000 },
} as const satisfies FieldSpecs;

export const SCHEDULE_RECHECK_FIELDS = {
  checkerId: { kind: 'text', label: '复查人', required: true, maxLength: 64 },
  plannedOn: { kind: 'text', label: '计划复查日期', required: false, maxLength: 10 },
} as const satisfies FieldSpecs;

interface TaskActionDefinition {
  label: string;
  from: readonly TaskStatus[];
  roles: readonly Role[];
  input: FieldSpecs;
}

/**
 * The transitions table. Units (of the task's owner unit subtree — the caller checks the scope) report
 * what they fixed; the centre schedules a re-check and records it; the re-check's outcome decides the
 * next status (a pass closes the task, a failure sends it back to open with a new deadline).
 */
export const TASK_ACTIONS = {
  mark_fixed: { label: '提交整改', from: ['open'], roles: UNIT_ROLES, input: MARK_FIXED_FIELDS },
  schedule_recheck: {
    label: '安排复查',
    from: ['fixed'],
    roles: ACCURACY_PLANNER_ROLES,
    input: SCHEDULE_RECHECK_FIELDS,
  },
  record_recheck: { label: '记录复查', from: ['fixed'], roles: ACCURACY_CHECKER_ROLES, input: CHECK_FIELDS },
} as const satisfies Record<string, TaskActionDefinition>;

export type TaskAction = keyof typeof TASK_ACTIONS;
export const TASK_ACTION_NAMES = Object.keys(TASK_ACTIONS) as TaskAction[];

export const isTaskStatus = (value: unknown): value is TaskStatus =>
  typeof value === 'string' && (TASK_STATUSES as readonly string[]).includes(value);

export type TaskOutcome =
  | {
      action: 'mark_fixed';
      from: TaskStatus;
      to: TaskStatus;
      input: { fixNote: string; proposedVersion: number | null };
    }
  | {
      action: 'schedule_recheck';
      from: TaskStatus;
      to: TaskStatus;
      input: { checkerId: string; plannedOn: string | null };
    }
  | { action: 'record_recheck'; from: TaskStatus; to: TaskStatus; input: CheckInput; passed: boolean };

function parseInput(action: TaskAction, raw: unknown, prefix: string): Result<ParsedInput | CheckInput> {
  if (action === 'record_recheck') return parseCheckInput(raw, prefix);
  const parsed = parseTopLevel(TASK_ACTIONS[action].input, raw, prefix);
  if (!parsed.ok || action !== 'schedule_recheck') return parsed;
  const plannedOn = parsed.value.plannedOn;
  if (plannedOn !== undefined && !isLocalDate(plannedOn)) {
    const field = prefix ? `${prefix}.plannedOn` : 'plannedOn';
    return fail('VALIDATION_FAILED', undefined, [{ field, message: '计划复查日期格式应为 YYYY-MM-DD' }]);
  }
  return parsed;
}

/**
 * The one way a correction task changes: action known → status allows it → role → input. `prefix` is
 * where the input sits in the request (`input` for task actions, '' for a re-check body).
 */
export function taskTransition(
  status: TaskStatus,
  actor: Pick<Actor, 'role'>,
  action: string,
  rawInput: unknown,
  prefix = 'input',
): Result<TaskOutcome> {
  if (typeof action !== 'string' || !Object.hasOwn(TASK_ACTIONS, action)) {
    return fail('UNKNOWN_EVENT', `未知的操作：${String(action).slice(0, 40)}`);
  }
  const name = action as TaskAction;
  const def: TaskActionDefinition = TASK_ACTIONS[name];
  if (!def.from.includes(status)) {
    return fail('TRANSITION_NOT_ALLOWED', `整改任务${TASK_STATUS_LABELS[status]}，不能「${def.label}」`);
  }
  if (!def.roles.includes(actor.role)) return fail('ROLE_NOT_PERMITTED', `您的角色不能「${def.label}」`);
  const parsed = parseInput(name, rawInput, prefix);
  if (!parsed.ok) return parsed;
  if (name === 'record_recheck') {
    const check = parsed.value as CheckInput;
    const passed = recheckPasses(check);
    return ok({ action: name, from: status, to: passed ? 'closed' : 'open', input: check, passed });
  }
  const v = parsed.value as ParsedInput;
  if (name === 'mark_fixed') {
    const input = {
      fixNote: String(v.fixNote),
      proposedVersion: typeof v.proposedVersion === 'number' ? v.proposedVersion : null,
    };
    return ok({ action: name, from: status, to: 'fixed', input });
  }
  const input = {
    checkerId: String(v.checkerId),
    plannedOn: typeof v.plannedOn === 'string' ? v.plannedOn : null,
  };
  return ok({ action: 'schedule_recheck', from: status, to: status, input });
}

/** The actions this role may take on a task in this status (the UI's buttons). */
export function allowedTaskActions(status: TaskStatus, role: Role): TaskAction[] {
  return TASK_ACTION_NAMES.filter((name) => {
    const def: TaskActionDefinition = TASK_ACTIONS[name];
    return def.from.includes(status) && def.roles.includes(role);
  });
}
