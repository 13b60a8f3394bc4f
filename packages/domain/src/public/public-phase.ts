import { HANDLING_STATUSES, type Status } from '../work-order.status.js';

/**
 * What a caller sees of an order's progress on the public lookup page (docs/PUBLIC-LOOKUP.md): a few
 * plain phases instead of the centre's internal statuses (审核, 待回复 and 退单 mean nothing to a caller).
 */
export const PUBLIC_PHASES = [
  'accepted',
  'handling',
  'replied',
  'closed',
  'archived',
  'not_accepted',
  'transferred',
  'merged',
] as const;
export type PublicPhase = (typeof PUBLIC_PHASES)[number];

export const PUBLIC_PHASE_LABELS: Record<PublicPhase, string> = {
  accepted: '已受理',
  handling: '办理中',
  replied: '已答复',
  closed: '已办结',
  archived: '已归档',
  not_accepted: '不予受理',
  transferred: '已转其他渠道',
  merged: '已合并办理',
};

/** Colour hints for the phase tag (Ant Design preset names). */
export const PUBLIC_PHASE_COLOURS: Record<PublicPhase, string> = {
  accepted: 'blue',
  handling: 'processing',
  replied: 'cyan',
  closed: 'success',
  archived: 'default',
  not_accepted: 'default',
  transferred: 'magenta',
  merged: 'default',
};

/**
 * Every status has a phase (a `Record`, so a new status does not compile until it is placed here).
 * An order counts as answered (已答复) only once the caller was told: a unit's reply still under review
 * or not yet passed on is, for the caller, still being handled.
 */
const PHASE_OF_STATUS: Record<Status, PublicPhase> = {
  intake: 'accepted',
  pending_dispatch: 'accepted',
  dispatched: 'handling',
  return_requested: 'handling',
  in_progress: 'handling',
  unit_replied: 'handling',
  pending_reply: 'handling',
  pending_callback: 'replied',
  // Past the redo limit the leaders decide (领导研判): for the caller the case is still being handled.
  escalated: 'handling',
  closed: 'closed',
  not_accepted: 'not_accepted',
  transferred_out: 'transferred',
  merged: 'merged',
  archived: 'archived',
};

export function publicPhaseOf(status: Status): PublicPhase {
  return PHASE_OF_STATUS[status];
}

/**
 * Statuses in which the handling deadline is still the date the caller may expect an answer by: the
 * units' handling statuses and the review of their reply. Not 研判 (escalated): its old deadline has
 * passed and the leaders set no new one.
 */
const EXPECTED_DATE_STATUSES: readonly Status[] = [...HANDLING_STATUSES, 'unit_replied', 'pending_reply'];

/** Whether the public view shows the expected completion date (only while the order is handled). */
export function showsExpectedDate(status: Status): boolean {
  return EXPECTED_DATE_STATUSES.includes(status);
}
