/** Intake desk (受理台) tables: taxonomy, phrases, scope rules, caller flags, CTI calls and order links. */

/** Appeal categories (诉求分类): a tree whose child codes start with the parent's code. */
export interface CategoriesTable {
  code: string;
  name: string;
  parent_code: string | null;
  /** 1 = top level. */
  level: number;
  /** Names from the top, `/`-separated: `城乡建设/市政道路`. */
  path: string;
  emergency_hint: string | null;
  active: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

/** Service-language phrases (服务用语) per call step. */
export interface PhrasesTable {
  id: string;
  /** opening | readback | hold | not_our_remit | emergency | closing | silent */
  step: string;
  title: string;
  text: string;
  sort_order: number;
  active: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

/** Scope-of-acceptance rules (受理范围): emergencies to transfer, matters not accepted. */
export interface ScopeRulesTable {
  id: string;
  /** emergency | not_accept */
  kind: string;
  label: string;
  /** JSON arrays of strings. */
  keywords: string;
  exclusions: string;
  categories: string;
  /** 110 | 119 | 120 | 122 (emergency rules). */
  target: string | null;
  /** A NOT_ACCEPTED_REASONS code (not-accept rules). */
  reason_code: string | null;
  script: string;
  priority: number;
  active: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

/** What the centre notes about a calling number (e.g. persistent harassment, domain.md §5 item 5). */
export interface CallerFlagsTable {
  phone: string;
  harassment: number;
  note: string | null;
  set_at: string;
  set_by: string;
}

/** Calls reported by the switch (CTI) for screen pop; each event type is applied once per call. */
export interface CtiCallsTable {
  call_id: string;
  caller: string | null;
  agent_user_id: string;
  /** ringing | answered | ended */
  state: string;
  started_at: string;
  answered_at: string | null;
  ended_at: string | null;
  cause: string | null;
  updated_at: string;
}

/**
 * Links between orders: `related` (关联, stored once with order_id < related_id) and `merged`
 * (并单: order_id was merged into related_id, written by the merge transition).
 */
export interface WorkOrderLinksTable {
  order_id: string;
  related_id: string;
  kind: string;
  comment: string | null;
  created_by: string;
  created_at: string;
}

export interface IntakeSchema {
  categories: CategoriesTable;
  phrases: PhrasesTable;
  scope_rules: ScopeRulesTable;
  caller_flags: CallerFlagsTable;
  cti_calls: CtiCallsTable;
  work_order_links: WorkOrderLinksTable;
}
