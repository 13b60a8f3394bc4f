/** Guide-accuracy checks (办事指南准确度检查): rounds, their items, check calls and correction tasks. */

export interface AccuracyRoundsTable {
  id: string;
  name: string;
  /** Local dates (YYYY-MM-DD) of the period the round covers. */
  period_start: string;
  period_end: string;
  /** JSON array of the unit ids the round covers. */
  unit_ids: string;
  /** planned | in_progress | completed (domain accuracy.round.ts). */
  status: string;
  /** The round's default checker (user id). */
  checker_id: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  completed_at: string | null;
}

/** One guide to check in a round: the question, the expected answer (guide version) and the number. */
export interface AccuracyItemsTable {
  id: string;
  round_id: string;
  seq: number;
  article_id: string;
  /** The published version the answer is compared with (kb_article_versions). */
  article_version: number;
  guide_title: string;
  item_code: string | null;
  owner_unit_id: string;
  owner_unit_name: string;
  question: string;
  phone: string;
  checker_id: string;
  created_at: string;
}

/** One check call. Holds no caller data: the checker poses as a citizen. */
export interface AccuracyChecksTable {
  id: string;
  item_id: string;
  round_id: string;
  /** The correction task a re-check was made for (null for a round's first check). */
  task_id: string | null;
  /** initial | recheck */
  kind: string;
  /** 1 for the initial check; n for the task's n-th re-check. Unique per (item, kind). */
  attempt: number;
  called_number: string;
  reached: number;
  answer_seconds: number | null;
  rings: number | null;
  /** accurate | partly | wrong | unreachable */
  verdict: string;
  guide_outdated: number;
  notes: string | null;
  checked_by: string;
  checked_at: string;
}

/** 整改任务: one per item whose first check found a discrepancy. History lives in audit_log. */
export interface CorrectionTasksTable {
  id: string;
  item_id: string;
  round_id: string;
  article_id: string;
  owner_unit_id: string;
  /** open | fixed | closed (domain accuracy.task.ts). */
  status: string;
  /** JSON array of reason codes (partly, wrong, unreachable, guide_outdated). */
  reasons: string;
  opened_at: string;
  /** End of the correction period in working days; renewed when a failed re-check reopens the task. */
  deadline_at: string;
  fixed_at: string | null;
  fixed_by: string | null;
  fix_note: string | null;
  proposed_version: number | null;
  recheck_checker_id: string | null;
  recheck_planned_on: string | null;
  recheck_count: number;
  closed_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AccuracySchema {
  accuracy_rounds: AccuracyRoundsTable;
  accuracy_items: AccuracyItemsTable;
  accuracy_checks: AccuracyChecksTable;
  correction_tasks: CorrectionTasksTable;
}
