import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

export interface UnitRecord {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  path: string;
  dutyPhone: string | null;
  /** False once an admin deactivated the unit (kept for history; never dispatched to). */
  active: boolean;
}

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: string;
  unitId: string;
  active: boolean;
}

const toUnit = (r: Schema['units']): UnitRecord => ({
  id: r.id,
  parentId: r.parent_id,
  name: r.name,
  kind: r.kind,
  path: r.path,
  dutyPhone: r.duty_phone,
  active: Number(r.active) === 1,
});

export async function listUnits(db: Db): Promise<UnitRecord[]> {
  const rows = await db.selectFrom('units').selectAll().where('active', '=', 1).orderBy('path').execute();
  return rows.map(toUnit);
}

export async function findUnit(db: Db, id: string): Promise<UnitRecord | undefined> {
  return (await listUnitsByIds(db, [id]))[0];
}

export async function listUnitsByIds(db: Db, ids: readonly string[]): Promise<UnitRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('units').selectAll().where('id', 'in', ids).execute();
  return rows.map(toUnit);
}

export async function insertUnit(
  db: Db,
  unit: Omit<UnitRecord, 'active'>,
  at: string,
  sortOrder = 0,
): Promise<void> {
  await db
    .insertInto('units')
    .values({
      id: unit.id,
      parent_id: unit.parentId,
      name: unit.name,
      kind: unit.kind,
      path: unit.path,
      duty_phone: unit.dutyPhone,
      sort_order: sortOrder,
      active: 1,
      created_at: at,
    })
    .execute();
}

function toUser(r: Schema['users']): UserRecord {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    role: r.role,
    unitId: r.unit_id,
    active: r.active === 1,
  };
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function findUserById(db: Db, id: string): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function insertUser(db: Db, user: UserRecord, at: string): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      username: user.username,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      role: user.role,
      unit_id: user.unitId,
      active: user.active ? 1 : 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

export async function updatePasswordHash(db: Db, userId: string, hash: string, at: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: hash, updated_at: at })
    .where('id', '=', userId)
    .execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
