import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

/** Storage of CTI calls: one row per switch call id, advanced by ring / answer / hangup events. */

export interface CtiCallRecord {
  callId: string;
  caller: string | null;
  agentUserId: string;
  state: 'ringing' | 'answered' | 'ended';
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  cause: string | null;
  updatedAt: string;
}

const toCall = (r: Schema['cti_calls']): CtiCallRecord => ({
  callId: r.call_id,
  caller: r.caller,
  agentUserId: r.agent_user_id,
  state: r.state as CtiCallRecord['state'],
  startedAt: r.started_at,
  answeredAt: r.answered_at,
  endedAt: r.ended_at,
  cause: r.cause,
  updatedAt: r.updated_at,
});

export async function findCall(db: Db, callId: string): Promise<CtiCallRecord | undefined> {
  const r = await db.selectFrom('cti_calls').selectAll().where('call_id', '=', callId).executeTakeFirst();
  return r ? toCall(r) : undefined;
}

/** Records a new call; false when the call id is already known (a repeated event). */
export async function insertCall(db: Db, c: CtiCallRecord): Promise<boolean> {
  const result = await db
    .insertInto('cti_calls')
    .values({
      call_id: c.callId,
      caller: c.caller,
      agent_user_id: c.agentUserId,
      state: c.state,
      started_at: c.startedAt,
      answered_at: c.answeredAt,
      ended_at: c.endedAt,
      cause: c.cause,
      updated_at: c.updatedAt,
    })
    .onConflict((oc) => oc.column('call_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * Applies `answer` or `hangup` once: the conditional update changes nothing when that step was already
 * recorded (or the call ended before it was answered), which is what makes repeated events harmless.
 */
export async function advanceCall(
  db: Db,
  callId: string,
  step: 'answer' | 'hangup',
  values: { at: string; agentUserId: string; caller: string | null; cause: string | null },
): Promise<boolean> {
  let q = db.updateTable('cti_calls').where('call_id', '=', callId).where('ended_at', 'is', null);
  if (step === 'answer') {
    q = q.where('answered_at', 'is', null).set({ state: 'answered', answered_at: values.at });
  } else {
    q = q.set({ state: 'ended', ended_at: values.at, cause: values.cause });
  }
  const result = await q
    .set((eb) => ({
      agent_user_id: values.agentUserId,
      caller: values.caller ?? eb.ref('caller'),
      updated_at: values.at,
    }))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** An agent's calls, most recently updated first. */
const agentCalls = (db: Db, agentUserId: string) =>
  db
    .selectFrom('cti_calls')
    .selectAll()
    .where('agent_user_id', '=', agentUserId)
    .orderBy('updated_at', 'desc');

/** An agent's calls updated since `since`, newest first (bounded). */
export async function listAgentCalls(db: Db, agentUserId: string, since: string): Promise<CtiCallRecord[]> {
  const rows = await agentCalls(db, agentUserId).where('updated_at', '>=', since).limit(50).execute();
  return rows.map(toCall);
}

/** The agent's most recently ended call, whenever it was. */
export async function lastEndedCall(db: Db, agentUserId: string): Promise<CtiCallRecord | undefined> {
  const row = await agentCalls(db, agentUserId).where('state', '=', 'ended').limit(1).executeTakeFirst();
  return row ? toCall(row) : undefined;
}
