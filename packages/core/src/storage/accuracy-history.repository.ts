import type { Db } from './accuracy-sql.js';

/** The audit trail of one target, read back as a history. */

export interface HistoryRecord {
  at: string;
  action: string;
  actorName: string | null;
  detail: Record<string, unknown> | null;
}

/** The audit entries written for one target (a task's history), oldest first. */
export async function listHistory(db: Db, targetType: string, targetId: string): Promise<HistoryRecord[]> {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.at', 'a.action', 'a.detail', 'u.display_name'])
    .where('a.target_type', '=', targetType)
    .where('a.target_id', '=', targetId)
    .orderBy('a.at')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    at: r.at,
    action: r.action,
    actorName: r.display_name,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
  }));
}
