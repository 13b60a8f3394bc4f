/** Dispatch tables: the catalogue (派单目录) and the override log. Instants ISO-8601 UTC; booleans 0/1. */

export interface DispatchCatalogueTable {
  id: string;
  category_code: string;
  /** Null = any division. */
  division_code: string | null;
  /** division_code or '' (unique with category_code among active entries). */
  division_key: string;
  lead_unit_id: string;
  /** JSON array of unit ids. */
  co_unit_ids: string;
  note: string | null;
  active: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

export interface DispatchOverridesTable {
  id: string;
  order_id: string;
  event: string;
  suggested_entry_id: string | null;
  suggested_lead_unit_id: string;
  chosen_lead_unit_id: string;
  reason: string;
  actor_id: string;
  at: string;
}

export type DispatchSchema = {
  dispatch_catalogue: DispatchCatalogueTable;
  dispatch_overrides: DispatchOverridesTable;
};
