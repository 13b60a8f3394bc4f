import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

/** Storage of caller flags: numbers marked as harassing (骚扰电话) and who marked them. */

export interface CallerFlagRecord {
  phone: string;
  harassment: boolean;
  note: string | null;
  setAt: string;
  setBy: string;
}

export interface CallerFlagListed extends CallerFlagRecord {
  setByName: string | null;
}

type FlagRow = Pick<Schema['caller_flags'], 'phone' | 'harassment' | 'note' | 'set_at' | 'set_by'>;

const toFlag = (r: FlagRow): CallerFlagRecord => ({
  phone: r.phone,
  harassment: r.harassment === 1,
  note: r.note,
  setAt: r.set_at,
  setBy: r.set_by,
});

export async function findCallerFlag(db: Db, phone: string): Promise<CallerFlagRecord | undefined> {
  const r = await db.selectFrom('caller_flags').selectAll().where('phone', '=', phone).executeTakeFirst();
  return r ? toFlag(r) : undefined;
}

export async function upsertCallerFlag(db: Db, f: CallerFlagRecord): Promise<void> {
  const values = { harassment: f.harassment ? 1 : 0, note: f.note, set_at: f.setAt, set_by: f.setBy };
  await db
    .insertInto('caller_flags')
    .values({ phone: f.phone, ...values })
    .onConflict((oc) => oc.column('phone').doUpdateSet(values))
    .execute();
}

/** Numbers currently flagged as harassing, newest flag first, with the name of who set it. */
export async function listHarassmentFlags(
  db: Db,
  limit: number,
): Promise<{ items: CallerFlagListed[]; total: number }> {
  const [rows, count] = await Promise.all([
    db
      .selectFrom('caller_flags as f')
      .leftJoin('users as u', 'u.id', 'f.set_by')
      .select(['f.phone', 'f.harassment', 'f.note', 'f.set_at', 'f.set_by', 'u.display_name'])
      .where('f.harassment', '=', 1)
      .orderBy('f.set_at', 'desc')
      .orderBy('f.phone')
      .limit(limit)
      .execute(),
    db
      .selectFrom('caller_flags')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('harassment', '=', 1)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({ ...toFlag(r), setByName: r.display_name ?? null })),
    total: Number(count.n),
  };
}
