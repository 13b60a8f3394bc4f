/** Accuracy tables (filled in by the accuracy work). */
// biome-ignore lint/complexity/noBannedTypes: placeholder until the tables are defined
export type AccuracySchema = {};
