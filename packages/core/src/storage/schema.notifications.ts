/** Notifications tables (filled in by the notifications work). */
// biome-ignore lint/complexity/noBannedTypes: placeholder until the tables are defined
export type NotificationsSchema = {};
