import { type Role, isUnitRole } from '../roles.js';

/** Who plans rounds, schedules re-checks and changes the accuracy settings (the centre's leads). */
export const ACCURACY_PLANNER_ROLES: readonly Role[] = ['supervisor', 'admin'];

/** Who makes check calls and records them (质检员 and the leads). */
export const ACCURACY_CHECKER_ROLES: readonly Role[] = ['inspector', 'supervisor', 'admin'];

/** Centre roles that read rounds, reports and every correction task. */
export const ACCURACY_VIEWER_ROLES: readonly Role[] = ACCURACY_CHECKER_ROLES;

export const mayPlanAccuracy = (role: Role): boolean => ACCURACY_PLANNER_ROLES.includes(role);
export const mayRecordChecks = (role: Role): boolean => ACCURACY_CHECKER_ROLES.includes(role);
export const mayViewRounds = (role: Role): boolean => ACCURACY_VIEWER_ROLES.includes(role);

/** Correction tasks: the centre's viewers see all; unit roles see their own unit subtree's. */
export const mayViewCorrectionTasks = (role: Role): boolean => mayViewRounds(role) || isUnitRole(role);
