import { type UnitDispatchCounts, countsAsSatisfied, isDissatisfied } from '@huawu/domain';
import type { Kysely } from 'kysely';
import { type StatsEvent, eventsOfOrders } from '../storage/desk-stats.repository.js';
import type { Schema } from '../storage/schema.js';

type Bump = (unitId: string | null | undefined, key: keyof UnitDispatchCounts, n?: number) => void;

/** The event of `name` with the greatest seq below `seq` on the order (the orders' events, seq order). */
function lastBefore(events: readonly StatsEvent[], name: string, seq: number): StatsEvent | null {
  let best: StatsEvent | null = null;
  for (const e of events) if (e.event === name && e.seq < seq && (!best || e.seq > best.seq)) best = e;
  return best;
}

/**
 * 回访 and 申诉 figures of the period's events, per unit. A callback belongs to the unit whose 答复 it rated:
 * the actor's unit of the latest `reply` before it (a redo clears the order's lead, so the order's current
 * lead would be wrong). A rating is 核减 (excluded) when an upheld `decide_appeal` answered an appeal
 * filed after it and no other callback came between — whenever the decision was taken.
 */
export async function countClosure(db: Kysely<Schema>, periodEvents: readonly StatsEvent[], bump: Bump) {
  const callbacks = periodEvents.filter((e) => e.event === 'callback');
  const decisions = periodEvents.filter((e) => e.event === 'decide_appeal');
  const history = await eventsOfOrders(
    db,
    [...callbacks, ...decisions].map((e) => e.orderId),
    ['reply', 'callback', 'appeal_rating', 'decide_appeal'],
  );
  const byOrder = new Map<string, StatsEvent[]>();
  for (const e of history) byOrder.set(e.orderId, [...(byOrder.get(e.orderId) ?? []), e]);

  // The seq of every callback whose rating an upheld appeal removed.
  const excluded = new Set<string>();
  for (const [orderId, events] of byOrder) {
    for (const d of events) {
      if (d.event !== 'decide_appeal' || d.payload.decision !== 'upheld') continue;
      const appeal = lastBefore(events, 'appeal_rating', d.seq);
      const rated = appeal ? lastBefore(events, 'callback', appeal.seq) : null;
      if (rated) excluded.add(`${orderId}#${rated.seq}`);
    }
  }

  for (const c of callbacks) {
    const events = byOrder.get(c.orderId) ?? [];
    const unitId = lastBefore(events, 'reply', c.seq)?.actorUnitId ?? null;
    const p = c.payload;
    bump(unitId, 'callbacks');
    if (p.redo === true) bump(unitId, 'redone');
    if (excluded.has(`${c.orderId}#${c.seq}`)) {
      bump(unitId, 'ratingsExcluded');
      continue;
    }
    const satisfaction = typeof p.satisfaction === 'string' ? p.satisfaction : null;
    if (countsAsSatisfied(satisfaction)) bump(unitId, 'satisfied');
    if (isDissatisfied(satisfaction)) bump(unitId, 'dissatisfied');
    if (p.resolved === 'yes') bump(unitId, 'resolved');
  }
  for (const e of periodEvents) {
    if (e.event === 'appeal_rating') bump(e.actorUnitId, 'appealsFiled');
    if (e.event === 'decide_appeal' && e.payload.decision === 'upheld') {
      const appeal = lastBefore(byOrder.get(e.orderId) ?? [], 'appeal_rating', e.seq);
      bump(appeal?.actorUnitId, 'appealsUpheld');
    }
  }
}
