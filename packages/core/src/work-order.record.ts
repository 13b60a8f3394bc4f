import type { IntakeInput, MachineOrder, Status, UnitTaskRole, UnitTaskStatus } from '@huawu/domain';

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

/** What the machine learns from outside the order row: the clock and open 督办 orders. */
export interface MachineFacts {
  now: Date;
  openSupervisionUnitIds: readonly string[];
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
  };
}
