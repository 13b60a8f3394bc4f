/** Citizens' public lookup (issue 5): throttling of guesses (migration 2026-11-29T11). */
export interface PublicLookupThrottleTable {
  /** `order:<orderNo>` or `ip:<address>`. */
  key: string;
  /** Attempts counted in the current window (a success takes its own back). */
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface PublicLookupSchema {
  public_lookup_throttle: PublicLookupThrottleTable;
}
