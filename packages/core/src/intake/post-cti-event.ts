import { createHash, timingSafeEqual } from 'node:crypto';
import { type Actor, parseCtiEvent } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { findUserByUsername } from '../storage/identity.repository.js';
import { type CtiCallRecord, advanceCall, findCall, insertCall } from '../storage/cti-calls.repository.js';
import type { CallView } from './call-event-bus.js';
import { isIntakeEditor } from './intake-access.js';

/** Who posts a CTI event: the switch (shared token) or a logged-in user (training, 模拟来电). */
export type CtiPoster = { kind: 'switch' } | { kind: 'user'; actor: Actor };

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether `token` is the configured switch token (constant-time; false when none is configured). */
export function isCtiToken(deps: CoreDeps, token: string | undefined): boolean {
  const expected = deps.config.ctiToken;
  if (!expected || !token) return false;
  return timingSafeEqual(digest(expected), digest(token));
}

export const toCallView = (c: CallView): CallView => ({
  callId: c.callId,
  caller: c.caller,
  state: c.state,
  startedAt: c.startedAt,
  answeredAt: c.answeredAt,
  endedAt: c.endedAt,
  cause: c.cause,
});

/**
 * Records a CTI event and pushes the call's new state to the agent's workbench. Each event type is
 * applied once per call id: a repeated event (the switch retries) changes nothing and is not pushed
 * again. An `answer` or `hangup` for a call never announced creates it. Users may post events only for
 * themselves (training) unless they are supervisors or admins.
 */
export async function postCtiEvent(deps: CoreDeps, poster: CtiPoster, raw: unknown) {
  const parsed = parseCtiEvent(raw);
  if (!parsed.ok) throw AppError.from(parsed.error);
  const e = parsed.value;
  const { db } = deps.database;
  const agent = await findUserByUsername(db, e.agent);
  // A user posting for someone else hears the same answer whether that account exists or not (no
  // probing for usernames); only the switch and centre editors learn that an agent is unknown.
  if (poster.kind === 'user' && !isIntakeEditor(poster.actor) && poster.actor.userId !== agent?.id) {
    throw new AppError('FORBIDDEN', '只能为自己的坐席模拟来电');
  }
  if (!agent?.active) throw AppError.validation('agent', `坐席账号不存在或已停用：${e.agent}`);
  const at = e.at ?? deps.now().toISOString();
  const fresh: CtiCallRecord = {
    callId: e.callId,
    caller: e.caller,
    agentUserId: agent.id,
    state: e.type === 'newCall' ? 'ringing' : e.type === 'answer' ? 'answered' : 'ended',
    startedAt: at,
    answeredAt: e.type === 'answer' ? at : null,
    endedAt: e.type === 'hangup' ? at : null,
    cause: e.type === 'hangup' ? e.cause : null,
    updatedAt: at,
  };
  let changed = await insertCall(db, fresh);
  if (!changed && poster.kind === 'user' && !isIntakeEditor(poster.actor)) {
    // A user's (training) event may not touch another agent's call: an answer would move the call, and
    // its caller's number, onto the poster's screen.
    const existing = await findCall(db, e.callId);
    if (existing && existing.agentUserId !== agent.id) {
      throw new AppError('FORBIDDEN', '只能为自己的坐席模拟来电');
    }
  }
  if (!changed && e.type !== 'newCall') {
    changed = await advanceCall(db, e.callId, e.type, {
      at,
      agentUserId: agent.id,
      caller: e.caller,
      cause: e.cause,
    });
  }
  const call = await findCall(db, e.callId);
  if (!call) throw new AppError('NOT_FOUND', '通话记录不存在');
  if (!changed) return { delivered: 0, duplicate: true, call: toCallView(call) };
  const delivered = await deps.calls.publish({
    type: e.type,
    agentUserId: call.agentUserId,
    at,
    ...toCallView(call),
  });
  return { delivered, duplicate: false, call: toCallView(call) };
}
