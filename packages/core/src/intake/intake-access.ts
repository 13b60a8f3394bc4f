import { type Actor, callerVisibility, isUnitRole } from '@huawu/domain';
import { AppError } from '../app-error.js';

/** Who may do what at the intake desk. */

/** Editing phrases, scope rules, the taxonomy and caller flags: the centre's supervisors and admins. */
export function assertIntakeEditor(actor: Actor, what: string): void {
  if (actor.role !== 'supervisor' && actor.role !== 'admin') {
    throw new AppError('FORBIDDEN', `只有值班长或系统管理员可以维护${what}`);
  }
}

export const isIntakeEditor = (actor: Actor) => actor.role === 'supervisor' || actor.role === 'admin';

/**
 * A caller's history is personal data looked up by number: centre roles that see callers' numbers in
 * full (agent, callback, reviewer, supervisor, admin). Dispatchers and inspectors see masked numbers,
 * units never reach the intake desk.
 */
export function assertMayReadCallerHistory(actor: Actor): void {
  if (!mayReadCallerHistory(actor)) {
    throw new AppError('ROLE_NOT_PERMITTED', '您的角色不能查看来电人历史');
  }
}

export const mayReadCallerHistory = (actor: Actor) =>
  !isUnitRole(actor.role) && callerVisibility(actor.role, false) === 'full';

/** Linking orders (关联): centre roles that work on orders, not units and not inspectors. */
export function assertMayLinkOrders(actor: Actor): void {
  if (isUnitRole(actor.role) || actor.role === 'inspector') {
    throw new AppError('ROLE_NOT_PERMITTED', '您的角色不能关联工单');
  }
}
