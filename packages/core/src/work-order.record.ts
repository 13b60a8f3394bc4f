import type { IntakeInput, MachineOrder, Status } from '@huawu/domain';

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
}

export interface OrderUnitRecord {
  unitId: string;
  unitName: string;
  role: 'lead' | 'co';
  assignedAt: string;
  active: boolean;
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

export function toMachineOrder(order: WorkOrderRecord, units: readonly OrderUnitRecord[]): MachineOrder {
  return {
    status: order.status,
    leadUnitId: order.leadUnitId,
    coUnitIds: units.filter((u) => u.active && u.role === 'co').map((u) => u.unitId),
    redoCount: order.redoCount,
    extensionCount: order.extensionCount,
    pendingExtension: order.pendingExtensionDays !== null,
    wantsCallback: order.wantsCallback,
  };
}
