import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

export interface SessionRow {
  id: string;
  userId: string;
  expiresAt: string;
}

export async function insertSession(
  db: Db,
  s: { id: string; userId: string; createdAt: string; expiresAt: string; ip: string | null },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ id: s.id, user_id: s.userId, created_at: s.createdAt, expires_at: s.expiresAt, ip: s.ip })
    .execute();
}

export async function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { id: row.id, userId: row.user_id, expiresAt: row.expires_at } : undefined;
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}

export interface ThrottleRow {
  failures: number;
  windowStartedAt: string;
  lockedUntil: string | null;
}

export async function findThrottle(db: Db, username: string): Promise<ThrottleRow | undefined> {
  const row = await db
    .selectFrom('login_throttle')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  return row
    ? {
        failures: Number(row.failures),
        windowStartedAt: row.window_started_at,
        lockedUntil: row.locked_until,
      }
    : undefined;
}

export async function saveThrottle(db: Db, username: string, t: ThrottleRow): Promise<void> {
  const values = { failures: t.failures, window_started_at: t.windowStartedAt, locked_until: t.lockedUntil };
  await db
    .insertInto('login_throttle')
    .values({ username, ...values })
    .onConflict((oc) => oc.column('username').doUpdateSet(values))
    .execute();
}

export async function clearThrottle(db: Db, username: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('username', '=', username).execute();
}
