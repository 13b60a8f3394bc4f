import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

export interface StoredHoliday {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

export async function loadHolidays(db: Db): Promise<{ years: number[]; days: StoredHoliday[] }> {
  const years = await db.selectFrom('calendar_years').select('year').orderBy('year').execute();
  const days = await db.selectFrom('holidays').select(['date', 'kind', 'name']).orderBy('date').execute();
  return {
    years: years.map((y) => Number(y.year)),
    days: days.map((d) => ({
      date: d.date,
      kind: d.kind === 'workday' ? 'workday' : 'holiday',
      name: d.name,
    })),
  };
}

/** Replaces one year's holidays and make-up days (run inside a transaction). */
export async function replaceYear(
  db: Db,
  year: number,
  days: readonly StoredHoliday[],
  meta: { source: string; at: string; by: string | null },
): Promise<void> {
  await db.deleteFrom('holidays').where('year', '=', year).execute();
  for (const d of days) {
    await db.insertInto('holidays').values({ date: d.date, year, kind: d.kind, name: d.name }).execute();
  }
  const values = { source: meta.source, imported_at: meta.at, imported_by: meta.by };
  await db
    .insertInto('calendar_years')
    .values({ year, ...values })
    .onConflict((oc) => oc.column('year').doUpdateSet(values))
    .execute();
}

export async function readSetting(db: Db, key: string): Promise<unknown | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? JSON.parse(row.value) : undefined;
}

export async function writeSetting(
  db: Db,
  key: string,
  value: unknown,
  at: string,
  by: string | null,
): Promise<void> {
  const values = { value: JSON.stringify(value), updated_at: at, updated_by: by };
  await db
    .insertInto('settings')
    .values({ key, ...values })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
}

export interface AuditEntry {
  at: string;
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

export async function writeAudit(db: Db, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      at: e.at,
      actor_id: e.actorId,
      action: e.action,
      target_type: e.targetType ?? null,
      target_id: e.targetId ?? null,
      detail: e.detail ? JSON.stringify(e.detail) : null,
      ip: e.ip ?? null,
    })
    .execute();
}

export async function listAudit(
  db: Db,
  filter: { targetId?: string; action?: string; limit: number },
): Promise<AuditEntry[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (filter.targetId) q = q.where('target_id', '=', filter.targetId);
  if (filter.action) q = q.where('action', '=', filter.action);
  const rows = await q.orderBy('at', 'desc').limit(filter.limit).execute();
  return rows.map((r) => ({
    at: r.at,
    actorId: r.actor_id,
    action: r.action,
    targetType: r.target_type ?? undefined,
    targetId: r.target_id ?? undefined,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : undefined,
    ip: r.ip,
  }));
}
