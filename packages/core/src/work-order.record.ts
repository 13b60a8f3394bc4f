import {
  type AppealStatus,
  type CloseReason,
  DEFAULT_CLOSURE_POLICY,
  type IntakeInput,
  type MachineOrder,
  type Status,
  type UnitTaskRole,
  type UnitTaskStatus,
  needsCallback,
} from '@huawu/domain';

/** A work order as use cases see it (storage maps rows to and from this). */
export interface WorkOrderRecord extends IntakeInput {
  id: string;
  orderNo: string;
  status: Status;
  version: number;
  leadUnitId: string | null;
  redoCount: number;
  extensionCount: number;
  pendingExtensionDays: number | null;
  mergedIntoId: string | null;
  signDeadlineAt: string | null;
  deadlineAt: string | null;
  signedAt: string | null;
  repliedAt: string | null;
  closedAt: string | null;
  archivedAt: string | null;
  satisfaction: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  returnCount: number;
  negotiated: boolean;
  returnDeadlineAt: string | null;
  extensionRequestedAt: string | null;
  /** 回访未接通 attempts so far and when the last one was made. */
  callbackAttempts: number;
  lastCallbackAttemptAt: string | null;
  /** When the caller was answered (回复来电人). */
  callerRepliedAt: string | null;
  /** Why the order was closed (办结原因). */
  closeReason: CloseReason | null;
  /** The caller's answer to "was it solved?" at the callback (是/部分/否). */
  resolved: string | null;
  /** A unit's appeal against a bad rating (申诉核减) and the last day it may be filed. */
  appealStatus: AppealStatus;
  appealDeadlineAt: string | null;
}

/** One unit's part in an order (its task); inactive rows are earlier assignments kept on record. */
export interface OrderUnitRecord {
  unitId: string;
  unitName: string;
  role: UnitTaskRole;
  assignedAt: string;
  active: boolean;
  taskStatus: UnitTaskStatus;
  parentUnitId: string | null;
  signedAt: string | null;
  reportedAt: string | null;
  report: string | null;
  instructions: string | null;
}

/** What the machine learns from outside the order row: the clock, open 督办 orders, the callback rule. */
export interface MachineFacts {
  now: Date;
  openSupervisionUnitIds: readonly string[];
  /** Share of direct answers sampled for a callback (closure policy); default: the policy default. */
  directAnswerSampleRate?: number;
}

export interface OrderEventRecord {
  seq: number;
  event: string;
  fromStatus: Status | null;
  toStatus: Status;
  actorId: string;
  actorName: string;
  actorRole: string;
  at: string;
  comment: string | null;
  payload: Record<string, unknown>;
}

export function toMachineOrder(
  order: WorkOrderRecord,
  units: readonly OrderUnitRecord[],
  facts: MachineFacts,
): MachineOrder {
  const now = facts.now.getTime();
  const active = units.filter((u) => u.active);
  return {
    status: order.status,
    leadUnitId: order.leadUnitId,
    coUnitIds: active.filter((u) => u.role === 'co').map((u) => u.unitId),
    redoCount: order.redoCount,
    extensionCount: order.extensionCount,
    pendingExtension: order.pendingExtensionDays !== null,
    wantsCallback: order.wantsCallback,
    returnCount: order.returnCount,
    negotiated: order.negotiated,
    returnWindowOpen: order.returnDeadlineAt === null || now <= Date.parse(order.returnDeadlineAt),
    handlingOverdue: order.deadlineAt !== null && now > Date.parse(order.deadlineAt),
    tasks: active.map((u) => ({
      unitId: u.unitId,
      role: u.role,
      status: u.taskStatus,
      parentUnitId: u.parentUnitId,
    })),
    openSupervisionUnitIds: facts.openSupervisionUnitIds,
    callbackRequired: needsCallback(
      {
        id: order.id,
        anonymous: order.anonymous,
        wantsCallback: order.wantsCallback,
        // Dispatched at least once: a lead unit now, or ever (a redo clears the lead but counts).
        dispatched: order.leadUnitId !== null || order.redoCount > 0 || units.length > 0,
      },
      {
        directAnswerSampleRate: facts.directAnswerSampleRate ?? DEFAULT_CLOSURE_POLICY.directAnswerSampleRate,
      },
    ),
    hasCallerPhone: Boolean(order.callerPhone),
    callbackAttempts: order.callbackAttempts,
    minutesSinceLastAttempt: order.lastCallbackAttemptAt
      ? Math.floor((now - Date.parse(order.lastCallbackAttemptAt)) / 60_000)
      : null,
    satisfaction: order.satisfaction,
    appealStatus: order.appealStatus,
    appealWindowOpen: order.appealDeadlineAt !== null && now <= Date.parse(order.appealDeadlineAt),
    closeReason: order.closeReason,
  };
}
