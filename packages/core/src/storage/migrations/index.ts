import type { Migration } from 'kysely';
import * as initial from './2026-11-28T00-initial.js';

/** Every migration, keyed by an ISO-timestamped name; Kysely applies them in name order. */
export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-28T00-initial': initial,
};
