import type { Db } from './accuracy-sql.js';

/** Active users who may check guides or be assigned re-checks. */

export interface PersonRecord {
  id: string;
  displayName: string;
  role: string;
  unitId: string;
}

function activeUsers(db: Db) {
  return db.selectFrom('users').select(['id', 'display_name', 'role', 'unit_id']).where('active', '=', 1);
}

const toPerson = (r: { id: string; display_name: string; role: string; unit_id: string }): PersonRecord => ({
  id: r.id,
  displayName: r.display_name,
  role: r.role,
  unitId: r.unit_id,
});

/** Active users holding one of `roles`. */
export async function listUsersWithRoles(db: Db, roles: readonly string[]): Promise<PersonRecord[]> {
  const rows = await activeUsers(db)
    .where('role', 'in', roles.length ? [...roles] : [''])
    .orderBy('username')
    .execute();
  return rows.map(toPerson);
}

/** The active users among `ids`. */
export async function listUsersByIds(db: Db, ids: readonly string[]): Promise<PersonRecord[]> {
  if (ids.length === 0) return [];
  const rows = await activeUsers(db)
    .where('id', 'in', [...ids])
    .execute();
  return rows.map(toPerson);
}
