import { sql } from 'kysely';
import type { CoreDeps } from '../deps.js';

/** Liveness with a real round trip to the database. */
export async function checkHealth(deps: CoreDeps) {
  await sql`select 1`.execute(deps.database.db);
  return { status: 'ok' as const, database: deps.database.dialect };
}
