import type { Generated } from 'kysely';

/** Dispatch-network tables (issue 4). Instants ISO-8601 UTC; booleans 0/1. */

export interface OrderClocksTable {
  id: string;
  order_id: string;
  unit_id: string;
  /** domain CLOCK_KINDS: sign / handle / reply / callback / supervision. */
  kind: string;
  supervision_id: string | null;
  started_at: string;
  due_at: string;
  warn_at: string;
  remind_at: string;
  escalate_at: string;
  /** domain LADDER stage: 0 green, 1 yellow, 2 red, 3 reminded (催办), 4 escalated (督办). */
  stage: Generated<number>;
  /** Bumped when the clock is re-armed (extension, pause); marks are unique per generation. */
  generation: Generated<number>;
  next_at: string | null;
  open: Generated<number>;
  paused_at: string | null;
  stopped_at: string | null;
  stop_reason: string | null;
}

export interface ClockMarksTable {
  id: string;
  clock_id: string;
  order_id: string;
  unit_id: string;
  clock_kind: string;
  generation: number;
  step: string;
  due_at: string;
  at: string;
  /** JSON: who was notified, the superior unit on escalation. */
  detail: string;
}

export interface SupervisionsTable {
  id: string;
  order_id: string;
  unit_id: string;
  /** manual (a supervisor's 督办) / auto (the ladder's escalation). */
  kind: string;
  requirement: string;
  issued_by: string | null;
  issued_at: string;
  deadline_at: string;
  /** open / replied. */
  status: string;
  reply: string | null;
  replied_by: string | null;
  replied_at: string | null;
}

export interface NegotiationsTable {
  id: string;
  order_id: string;
  seq: number;
  participants: string;
  conclusion: string;
  lead_unit_id: string;
  /** JSON array of unit ids. */
  co_unit_ids: string;
  actor_id: string;
  at: string;
}

export interface WorkNotesTable {
  id: string;
  order_id: string;
  unit_id: string;
  author_id: string;
  text: string;
  created_at: string;
}

export interface AttachmentsTable {
  id: string;
  order_id: string;
  unit_id: string;
  uploaded_by: string;
  file_name: string;
  mime_type: string;
  size: number;
  sha256: string;
  /** internal (centre and the order's units) / public (may be shown with the public reply). */
  visibility: string;
  content: Uint8Array;
  created_at: string;
}

export type DispatchNetworkSchema = {
  order_clocks: OrderClocksTable;
  clock_marks: ClockMarksTable;
  supervisions: SupervisionsTable;
  negotiations: NegotiationsTable;
  work_notes: WorkNotesTable;
  attachments: AttachmentsTable;
};
