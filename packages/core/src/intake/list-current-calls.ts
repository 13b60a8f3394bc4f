import type { Actor } from '@huawu/domain';
import type { CoreDeps } from '../deps.js';
import { lastEndedCall, listAgentCalls } from '../storage/cti-calls.repository.js';
import { toCallView } from './post-cti-event.js';

const RECENT_MS = 30 * 60_000;

/**
 * The reader's own calls for the workbench after a reload: calls still ringing or answered that changed
 * in the last 30 minutes (older ones lost their hangup), newest first, and the last ended call (so the
 * agent can still record the order of a call that just finished).
 */
export async function listCurrentCalls(deps: CoreDeps, actor: Actor) {
  const { db } = deps.database;
  const since = new Date(deps.now().getTime() - RECENT_MS).toISOString();
  const [recent, ended] = await Promise.all([
    listAgentCalls(db, actor.userId, since),
    lastEndedCall(db, actor.userId),
  ]);
  const live = recent.filter((c) => c.endedAt === null);
  const items = ended ? [...live, ended] : live;
  return { items: items.map(toCallView) };
}
