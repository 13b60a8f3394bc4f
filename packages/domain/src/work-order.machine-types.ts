import {
  DEFAULT_CLOSURE_POLICY,
  DEFAULT_REVIEW_CHECKLIST,
  type ReviewCheck,
} from './closure/closure-policy.js';
import type { FieldSpecs, ParsedInput } from './input-fields.js';
import type { Actor, Role } from './roles.js';
import type { AppealStatus, CloseReason } from './work-order.fields.js';
import type { Status } from './work-order.status.js';
import type { UnitTaskRole, UnitTaskStatus } from './work-order.tasks.js';

/** What the machine needs to know about an order; storage keeps more. */
export interface MachineOrder {
  status: Status;
  leadUnitId: string | null;
  coUnitIds: readonly string[];
  redoCount: number;
  extensionCount: number;
  pendingExtension: boolean;
  wantsCallback: boolean;
  /** Return requests (退单) so far; at `returnsBeforeNegotiation` the centre must negotiate. */
  returnCount: number;
  /** Lead and co-units were fixed by a negotiation record (协商定主办): no more returns. */
  negotiated: boolean;
  /** The return limit (退单时限) has not passed yet (the caller compares the clock with `now`). */
  returnWindowOpen: boolean;
  /** The handling deadline has passed (no extension may be requested any more). */
  handlingOverdue: boolean;
  /** Every active unit task: the lead's, co-units' and units the lead re-dispatched to (下派). */
  tasks: readonly MachineTask[];
  /** Units with an open 督办 (supervision order) on this order. */
  openSupervisionUnitIds: readonly string[];
  /** The callback rule says this order is called back (domain closure/callback-rules.ts). */
  callbackRequired: boolean;
  /** The caller left a phone number (an SMS reply needs one). */
  hasCallerPhone: boolean;
  /** Failed callback attempts (回访未接通) so far. */
  callbackAttempts: number;
  /** Minutes since the last failed attempt (null before the first). */
  minutesSinceLastAttempt: number | null;
  /** The last callback's rating. */
  satisfaction: string | null;
  /** 申诉核减 state of the last rating. */
  appealStatus: AppealStatus;
  /** The rated unit may still appeal (the appeal window has not passed). */
  appealWindowOpen: boolean;
  /** Why the order closed (set when it closes). */
  closeReason: CloseReason | null;
}

/** One unit's part in an order (its own state; its clock lives in storage). */
export interface MachineTask {
  unitId: string;
  role: UnitTaskRole;
  status: UnitTaskStatus;
  /** For a re-dispatched task (下派): the unit it reports to. */
  parentUnitId: string | null;
}

export interface MachineConfig {
  /** How many times a dissatisfied callback may send an order back for redo (重办). */
  maxRedoCount: number;
  /** How many extensions (延期) an order may be granted. */
  maxExtensions: number;
  /** Longest single extension, in working days. */
  maxExtensionDays: number;
  /** Return requests after which the centre must negotiate (协商定主办) instead of reassigning. */
  returnsBeforeNegotiation: number;
  /** The centre's review checklist of a unit's reply (审核); required items must be ticked to approve. */
  reviewChecklist: readonly ReviewCheck[];
  /** Satisfaction scale of the callback: 3 levels or the national 5-level 好差评 scale. */
  satisfactionScale: 3 | 5;
  /** Failed callback attempts after which the order may close as 无法联系. */
  unreachableAfterAttempts: number;
  /** Minimum minutes between two callback attempts. */
  attemptGapMinutes: number;
}

export const DEFAULT_MACHINE_CONFIG: MachineConfig = {
  maxRedoCount: 2,
  maxExtensions: 2,
  maxExtensionDays: 10,
  returnsBeforeNegotiation: 2,
  reviewChecklist: DEFAULT_REVIEW_CHECKLIST,
  satisfactionScale: DEFAULT_CLOSURE_POLICY.satisfactionScale,
  unreachableAfterAttempts: DEFAULT_CLOSURE_POLICY.unreachableAfterAttempts,
  attemptGapMinutes: DEFAULT_CLOSURE_POLICY.attemptGapMinutes,
};

export interface TransitionContext {
  order: MachineOrder;
  actor: Actor;
  config: MachineConfig;
}

export interface EventDefinition {
  label: string;
  from: readonly Status[];
  roles: readonly Role[];
  /** Unit roles may act only for the order's lead unit. */
  leadUnitOnly?: boolean;
  /** Unit roles may act only for a co-unit or re-dispatched task of their own unit in one of these states. */
  taskUnitOnly?: readonly UnitTaskStatus[];
  input: FieldSpecs | ((config: MachineConfig) => FieldSpecs);
  /** Returns a reason when the event may not happen now (besides status and role). */
  guard?: (ctx: TransitionContext, input?: ParsedInput) => string | null;
  to: (ctx: TransitionContext, input: ParsedInput) => Status;
  patch?: (ctx: TransitionContext, input: ParsedInput) => Partial<MachineOrder>;
  /** Buttons styled as dangerous or primary in user interfaces. */
  tone?: 'primary' | 'danger' | 'default';
}
