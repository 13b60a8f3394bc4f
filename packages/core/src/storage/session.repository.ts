import { type Kysely, sql } from 'kysely';
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

export async function clearThrottle(db: Db, username: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('username', '=', username).execute();
}

/**
 * Counts one login attempt in a single atomic statement (safe for concurrent requests and processes):
 * a window older than `windowStart` starts again at 1. Returns the attempts in the current window and
 * any lock.
 */
export async function countLoginAttempt(
  db: Db,
  username: string,
  now: string,
  windowStart: string,
): Promise<{ attempts: number; lockedUntil: string | null }> {
  const expired = sql<boolean>`login_throttle.window_started_at < ${windowStart}`;
  const row = await db
    .insertInto('login_throttle')
    .values({ username, failures: 1, window_started_at: now, locked_until: null })
    .onConflict((oc) =>
      oc.column('username').doUpdateSet({
        failures: sql<number>`case when ${expired} then 1 else login_throttle.failures + 1 end`,
        window_started_at: sql<string>`case when ${expired} then ${now} else login_throttle.window_started_at end`,
      }),
    )
    .returning(['failures', 'locked_until'])
    .executeTakeFirstOrThrow();
  return { attempts: Number(row.failures), lockedUntil: row.locked_until };
}

/** Locks a username until `lockedUntil`; the lock's window starts now. */
export async function lockLogin(db: Db, username: string, now: string, lockedUntil: string): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set({ locked_until: lockedUntil, window_started_at: now })
    .where('username', '=', username)
    .execute();
}
