/** Dispatch tables (filled in by the dispatch work). */
// biome-ignore lint/complexity/noBannedTypes: placeholder until the tables are defined
export type DispatchSchema = {};
