import type { Kysely } from 'kysely';

/** Notifications tables. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(_db: Kysely<any>): Promise<void> {}
