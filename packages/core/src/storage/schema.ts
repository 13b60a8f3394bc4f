import type { Generated } from 'kysely';
import type { AccuracySchema } from './schema.accuracy.js';
import type { ArchiveSchema } from './schema.archive.js';
import type { PublicLookupSchema } from './schema.public-lookup.js';
import type { DispatchSchema } from './schema.dispatch.js';
import type { DispatchNetworkSchema } from './schema.dispatch-network.js';
import type { NotificationsSchema } from './schema.notifications.js';
import type { IntakeSchema } from './schema.intake.js';
import type { KnowledgeSchema } from './schema.knowledge.js';

/** Table shapes as Kysely sees them. Instants are ISO-8601 UTC text; booleans are 0/1 integers. */

export interface UnitsTable {
  id: string;
  parent_id: string | null;
  name: string;
  kind: string;
  path: string;
  duty_phone: string | null;
  /** 联络人 and their phone (migration 2026-11-28T08). */
  liaison_name: string | null;
  liaison_phone: string | null;
  /** Free note for the hotline (office hours, how to reach them after hours). */
  note: string | null;
  sort_order: number;
  active: number;
  created_at: string;
  updated_at: string | null;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  unit_id: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  ip: string | null;
}

export interface LoginThrottleTable {
  username: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface WorkOrdersTable {
  id: string;
  order_no: string;
  status: string;
  version: number;
  channel: string;
  caller_name: string | null;
  caller_phone: string | null;
  caller_type: string;
  anonymous: number;
  confidential: number;
  wants_callback: number;
  appeal_type: string;
  category: string | null;
  title: string;
  content: string;
  address: string | null;
  division_code: string | null;
  urgency: string;
  call_id: string | null;
  lead_unit_id: string | null;
  redo_count: number;
  extension_count: number;
  pending_extension_days: number | null;
  merged_into_id: string | null;
  sign_deadline_at: string | null;
  deadline_at: string | null;
  signed_at: string | null;
  replied_at: string | null;
  closed_at: string | null;
  archived_at: string | null;
  satisfaction: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** How many times units asked to return the order (退单); feeds the negotiation rule. */
  return_count: Generated<number>;
  /** 1 once a negotiation record (协商定主办) fixed lead and co-units: no more returns. */
  negotiated: Generated<number>;
  /** Last instant the lead unit may ask to return the order. */
  return_deadline_at: string | null;
  /** When the pending extension was requested (its clock is paused since). */
  extension_requested_at: string | null;
  /** Issue 5 (migration 2026-11-29T09): callback attempts, reply to the caller, closure, appeal. */
  callback_attempts: Generated<number>;
  last_callback_attempt_at: string | null;
  caller_replied_at: string | null;
  close_reason: string | null;
  resolved: string | null;
  appeal_status: Generated<string>;
  appeal_deadline_at: string | null;
}

export interface WorkOrderUnitsTable {
  order_id: string;
  unit_id: string;
  role: string;
  assigned_at: string;
  active: number;
  /** pending_sign / signed / reported / withdrawn (domain TASK_STATUSES). */
  task_status: Generated<string>;
  /** For a unit the lead re-dispatched to (下派): the unit it reports to. */
  parent_unit_id: string | null;
  signed_at: string | null;
  reported_at: string | null;
  report: string | null;
  instructions: string | null;
  /** The task's most urgent open clock (earliest running due; paused only when all are paused). */
  clock_id: string | null;
  clock_due_at: string | null;
  clock_warn_at: string | null;
  clock_paused: Generated<number>;
}

export interface WorkOrderEventsTable {
  order_id: string;
  seq: number;
  event: string;
  from_status: string | null;
  to_status: string;
  actor_id: string;
  actor_role: string;
  at: string;
  comment: string | null;
  payload: string;
  /** Hash of the order's previous event ('' for the first; migration 2026-11-29T10). */
  prev_hash: string | null;
  /** SHA-256 over prev_hash and the event's stored columns (archive/event-hash.ts). */
  hash: string | null;
}

export interface HolidaysTable {
  date: string;
  year: number;
  kind: string;
  name: string;
}

export interface CalendarYearsTable {
  year: number;
  source: string;
  imported_at: string;
  imported_by: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  detail: string | null;
  ip: string | null;
}

export interface OrderCountersTable {
  day: string;
  last: number;
}

export interface Schema
  extends KnowledgeSchema,
    IntakeSchema,
    AccuracySchema,
    DispatchSchema,
    DispatchNetworkSchema,
    NotificationsSchema,
    ArchiveSchema,
    PublicLookupSchema {
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  work_orders: WorkOrdersTable;
  work_order_units: WorkOrderUnitsTable;
  work_order_events: WorkOrderEventsTable;
  holidays: HolidaysTable;
  calendar_years: CalendarYearsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  order_counters: OrderCountersTable;
}
