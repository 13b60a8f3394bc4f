import type { AppealType, CallerType, Channel, FieldSpecs, Role, Status, Urgency } from '@huawu/domain';

/** Shapes of the HTTP API (docs/API.md). */

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  unitId: string;
  unitName: string;
}

export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: User;
}

export type UnitKind = 'centre' | 'city' | 'district' | 'street';

export interface Unit {
  id: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  dutyPhone: string | null;
}

export type DeadlineState = 'ok' | 'warning' | 'overdue' | null;

export interface OrderSummary {
  id: string;
  orderNo: string;
  version: number;
  status: Status;
  statusLabel: string;
  channel: Channel;
  appealType: AppealType;
  urgency: Urgency;
  title: string;
  callerName: string | null;
  callerPhone: string | null;
  confidential: boolean;
  leadUnitId: string | null;
  leadUnitName: string | null;
  createdAt: string;
  updatedAt: string;
  deadlineAt: string | null;
  deadlineState: DeadlineState;
}

export interface OrderUnit {
  unitId: string;
  unitName: string;
  role: 'lead' | 'co';
  assignedAt: string;
  active: boolean;
}

export interface TimelineEntry {
  seq: number;
  event: string;
  eventLabel: string;
  fromStatus: Status | null;
  toStatus: Status | null;
  actorName: string | null;
  actorRole: Role | null;
  at: string;
  comment: string | null;
  payload: Record<string, unknown> | null;
}

export interface AllowedEvent {
  name: string;
  label: string;
  tone?: 'primary' | 'danger' | 'default';
  input: FieldSpecs;
}

export interface OrderDetail extends OrderSummary {
  callerType: CallerType;
  anonymous: boolean;
  wantsCallback: boolean;
  category: string | null;
  /** The category's place in the taxonomy (城乡建设/市政设施), when the code is known. */
  categoryPath?: string | null;
  content: string;
  address: string | null;
  divisionCode: string | null;
  redoCount: number;
  extensionCount: number;
  pendingExtension: boolean;
  closedAt: string | null;
  archivedAt: string | null;
  mergedIntoId: string | null;
  units: OrderUnit[];
  timeline: TimelineEntry[];
  allowedEvents: AllowedEvent[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface OrderQuery {
  status?: Status[];
  appealType?: string;
  urgency?: string;
  unitId?: string;
  from?: string;
  to?: string;
  overdue?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

export interface CreateOrderBody {
  channel: Channel;
  callerName?: string;
  callerPhone?: string;
  callerType: CallerType;
  anonymous: boolean;
  confidential: boolean;
  wantsCallback: boolean;
  appealType: AppealType;
  category?: string;
  title: string;
  content: string;
  address?: string;
  divisionCode?: string;
  urgency: Urgency;
  callId?: string;
}

export type TransitionInput = Record<string, string | string[] | number | boolean>;

export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string | null;
}

export interface CalendarYear {
  year: number;
  hasData: boolean;
  days: CalendarDay[];
}
