import type { OrderClosure } from './closure-types';
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

export type UnitKind = 'centre' | 'city' | 'district' | 'street' | 'community';

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

export type UnitTaskRole = 'lead' | 'co' | 'delegate';
export type UnitTaskStatus = 'pending_sign' | 'signed' | 'reported' | 'withdrawn';
export type ClockColour = 'green' | 'yellow' | 'red';

export interface OrderUnit {
  unitId: string;
  unitName: string;
  role: UnitTaskRole;
  assignedAt: string;
  active: boolean;
  taskStatus?: UnitTaskStatus;
  parentUnitId?: string | null;
  signedAt?: string | null;
  reportedAt?: string | null;
  report?: string | null;
  instructions?: string | null;
}

/** One running (or stopped) time limit of an order, owned by one unit (order-network.view.ts). */
export interface OrderClock {
  id: string;
  kind: string;
  kindLabel: string;
  unitId: string;
  unitName: string | null;
  startedAt: string;
  dueAt: string;
  stage: number;
  colour: ClockColour;
  open: boolean;
  paused: boolean;
  stoppedAt: string | null;
  stopReason: string | null;
}

/** A unit's part in the order: its task, labels and open clocks. */
export interface NetworkTask extends OrderUnit {
  taskStatus: UnitTaskStatus;
  roleLabel: string;
  taskStatusLabel: string;
  parentUnitName: string | null;
  clocks: OrderClock[];
}

/** A ladder step applied to a clock (黄牌预警, 红牌, 催办, 升级督办). */
export interface LadderMark {
  id: string;
  at: string;
  step: string;
  stepLabel: string;
  clockKind: string;
  clockKindLabel: string;
  unitId: string;
  unitName: string | null;
  dueAt: string;
  detail: Record<string, unknown>;
}

export interface Supervision {
  id: string;
  orderId: string;
  unitId: string;
  unitName: string;
  kind: 'manual' | 'auto';
  requirement: string;
  issuedBy: string | null;
  issuedByName: string | null;
  issuedAt: string;
  deadlineAt: string;
  status: 'open' | 'replied' | 'closed';
  reply: string | null;
  repliedBy: string | null;
  repliedAt: string | null;
}

export interface Negotiation {
  id: string;
  orderId: string;
  seq: number;
  participants: string;
  conclusion: string;
  leadUnitId: string;
  leadUnitName: string | null;
  coUnitIds: string[];
  coUnitNames: string[];
  actorId: string;
  at: string;
}

export interface OrderNetwork {
  tasks: NetworkTask[];
  clocks: OrderClock[];
  ladder: LadderMark[];
  supervisions: Supervision[];
  negotiations: Negotiation[];
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
  /** The dispatch network (unit tasks, clocks, ladder, 督办, 协商); absent on older servers. */
  network?: OrderNetwork;
  /** Reply, callback, closure and appeal (issue 5); absent on older servers. */
  closure?: OrderClosure | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  /** The server stopped counting at `total` (lists show "10000+"). */
  totalCapped?: boolean;
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
