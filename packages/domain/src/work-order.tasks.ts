/**
 * Unit tasks (承办任务): every unit on a dispatched order has its own part. The lead unit (主办) answers
 * for the order and its reply closes handling; co-units (协办) sign and report to the lead; a lead may
 * re-dispatch (下派) to a unit below it, which signs and reports to the lead, while the lead stays
 * accountable (one chain of responsibility).
 */
export const UNIT_TASK_ROLES = ['lead', 'co', 'delegate'] as const;
export type UnitTaskRole = (typeof UNIT_TASK_ROLES)[number];

export const UNIT_TASK_ROLE_LABELS: Record<UnitTaskRole, string> = {
  lead: '主办',
  co: '协办',
  delegate: '下派承办',
};

/** pending_sign → signed → reported; withdrawn when the centre reassigns or the lead recalls it. */
export const UNIT_TASK_STATUSES = ['pending_sign', 'signed', 'reported', 'withdrawn'] as const;
export type UnitTaskStatus = (typeof UNIT_TASK_STATUSES)[number];

export const UNIT_TASK_STATUS_LABELS: Record<UnitTaskStatus, string> = {
  pending_sign: '待签收',
  signed: '办理中',
  reported: '已反馈',
  withdrawn: '已撤回',
};

export function isUnitTaskRole(value: unknown): value is UnitTaskRole {
  return typeof value === 'string' && (UNIT_TASK_ROLES as readonly string[]).includes(value);
}

export function isUnitTaskStatus(value: unknown): value is UnitTaskStatus {
  return typeof value === 'string' && (UNIT_TASK_STATUSES as readonly string[]).includes(value);
}

/** Supporting tasks (co-units and re-dispatched units) report to the lead; the lead replies for the order. */
export const reportsToLead = (role: UnitTaskRole): boolean => role !== 'lead';
