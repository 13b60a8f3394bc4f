/** Intake tables (filled in by the intake work). */
// biome-ignore lint/complexity/noBannedTypes: placeholder until the tables are defined
export type IntakeSchema = {};
