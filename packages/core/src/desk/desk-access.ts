import { type Actor, type Role, isUnitRole } from '@huawu/domain';
import { AppError } from '../app-error.js';

/** Who may read the desks (docs/DISPATCH.md "Desk queues and unit assessment"). */

const QUEUE_ROLES: readonly Role[] = ['dispatcher', 'reviewer', 'supervisor', 'admin'];
/** 回访台 (审核, 回复, 回访, 研判, 申诉): the callback staff, reviewers and the centre's leads. */
const CLOSURE_QUEUE_ROLES: readonly Role[] = ['callback', 'reviewer', 'supervisor', 'admin'];
const STATS_ROLES: readonly Role[] = ['dispatcher', 'supervisor', 'admin'];

/** The unit inbox: the unit's own handlers and admins. */
export function assertUnitInboxReader(actor: Actor): void {
  if (!isUnitRole(actor.role)) throw new AppError('ROLE_NOT_PERMITTED', '只有承办单位人员可以查看单位待办');
}

/** The centre's dispatch-desk queues: dispatchers, reviewers, supervisors, admins. */
export function assertDeskQueueReader(actor: Actor): void {
  if (!QUEUE_ROLES.includes(actor.role))
    throw new AppError('ROLE_NOT_PERMITTED', '您的角色不能查看派单台队列');
}

/** The callback desk's queues: callback staff, reviewers, supervisors, admins. */
export function assertClosureQueueReader(actor: Actor): void {
  if (!CLOSURE_QUEUE_ROLES.includes(actor.role))
    throw new AppError('ROLE_NOT_PERMITTED', '您的角色不能查看回访台队列');
}

/** Unit assessment statistics: dispatchers, supervisors, admins. */
export function assertUnitStatsReader(actor: Actor): void {
  if (!STATS_ROLES.includes(actor.role))
    throw new AppError('ROLE_NOT_PERMITTED', '您的角色不能查看承办单位考核统计');
}
