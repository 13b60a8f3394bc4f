import {
  APPEAL_STATUSES,
  REPLY_RESULTS,
  RESOLVED_ANSWERS,
  SATISFACTION_5,
  clockColour,
  stageAt,
} from '@huawu/domain';
import type { CoreDeps } from '../deps.js';
import { readClosurePolicy } from '../closure/closure-policy.js';
import { type QueueRow, lastEventsOf, openClocksOf } from '../storage/desk-queues.repository.js';

/** The 回访台 queues (docs/DISPATCH.md "Desk queues"): what each row adds to the order's brief. */
export const CLOSURE_QUEUES = ['review', 'reply', 'callback', 'escalated', 'appeals'] as const;
export type ClosureQueue = (typeof CLOSURE_QUEUES)[number];

const str = (v: unknown): string | null => (typeof v === 'string' ? v : v == null ? null : String(v));
const payloadOf = (text: string | undefined): Record<string, unknown> => {
  if (!text) return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
};
const label = (labels: Record<string, string>, v: unknown) => {
  const s = str(v);
  return s ? (labels[s] ?? s) : null;
};
const ids = (rows: readonly QueueRow[]) => rows.map((r) => r.order_id);
const addMinutes = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** The unit's reply (答复) as the reviewer and the agent see it in a row. */
async function unitReplies(deps: CoreDeps, rows: readonly QueueRow[]) {
  const last = await lastEventsOf(deps.database.db, ids(rows), 'reply');
  return (r: QueueRow) => {
    const e = last.get(r.order_id);
    const p = payloadOf(e?.payload);
    return {
      repliedAt: str(r.replied_at) ?? e?.at ?? null,
      replyUnitId: e?.unitId ?? null,
      replyUnitName: e?.unitName ?? null,
      result: str(p.result),
      resultLabel: label(REPLY_RESULTS.labels, p.result),
      signedOffBy: str(p.signedOffBy),
    };
  };
}

/** The 回访 clock's colour at `now`, computed as the overdue queue does (a lagging sweeper does not matter). */
function colourOf(
  clock:
    | {
        due_at: string;
        warn_at: string;
        remind_at: string;
        escalate_at: string;
        stage: number;
        paused_at: string | null;
      }
    | undefined,
  now: Date,
) {
  if (!clock) return { callbackDueAt: null, colour: null };
  const times = {
    dueAt: new Date(clock.due_at),
    warnAt: new Date(clock.warn_at),
    remindAt: new Date(clock.remind_at),
    escalateAt: new Date(clock.escalate_at),
  };
  const stored = Number(clock.stage);
  const stage = clock.paused_at ? stored : Math.max(stored, stageAt(times, now));
  return { callbackDueAt: clock.due_at, colour: clockColour(stage) };
}

/** Adds each closure queue's own columns to the rows' briefs. */
export async function closureQueueExtras(
  deps: CoreDeps,
  queue: ClosureQueue,
  rows: readonly QueueRow[],
  now: Date,
): Promise<(r: QueueRow) => Record<string, unknown>> {
  const { db } = deps.database;
  switch (queue) {
    case 'review':
      return unitReplies(deps, rows);
    case 'reply': {
      const [reply, approved] = await Promise.all([
        unitReplies(deps, rows),
        lastEventsOf(db, ids(rows), 'approve_reply'),
      ]);
      return (r) => ({ ...reply(r), approvedAt: approved.get(r.order_id)?.at ?? null });
    }
    case 'callback': {
      const [policy, clocks] = await Promise.all([
        readClosurePolicy(db),
        openClocksOf(db, ids(rows), 'callback'),
      ]);
      return (r) => {
        const attempts = Number(r.callback_attempts ?? 0);
        const last = str(r.last_callback_attempt_at);
        const limit = policy.unreachableAfterAttempts;
        // The next attempt must come at a different time (the policy's gap); none once the limit is reached.
        const next = attempts >= limit ? null : last ? addMinutes(last, policy.attemptGapMinutes) : null;
        return {
          callerRepliedAt: str(r.caller_replied_at),
          attempts,
          maxAttempts: limit,
          lastAttemptAt: last,
          nextAttemptAt: next,
          attemptAllowedNow: attempts < limit && (next === null || next <= now.toISOString()),
          mayCloseUnreachable: attempts >= limit,
          ...colourOf(clocks.get(r.order_id), now),
        };
      };
    }
    case 'escalated': {
      const last = await lastEventsOf(db, ids(rows), 'callback');
      return (r) => {
        const e = last.get(r.order_id);
        return {
          escalatedAt: e?.at ?? null,
          redoCount: Number(r.redo_count ?? 0),
          satisfaction: str(r.satisfaction),
          satisfactionLabel: label(SATISFACTION_5.labels, r.satisfaction),
          resolvedLabel: label(RESOLVED_ANSWERS.labels, r.resolved),
          callbackComment: e?.comment ?? null,
        };
      };
    }
    case 'appeals': {
      const last = await lastEventsOf(db, ids(rows), 'appeal_rating');
      return (r) => {
        const e = last.get(r.order_id);
        const p = payloadOf(e?.payload);
        return {
          appealStatusLabel: APPEAL_STATUSES.labels.pending,
          appealedAt: e?.at ?? null,
          appealUnitId: e?.unitId ?? null,
          appealUnitName: e?.unitName ?? null,
          reason: str(p.reason),
          evidence: str(p.evidence),
          satisfaction: str(r.satisfaction),
          satisfactionLabel: label(SATISFACTION_5.labels, r.satisfaction),
          closedAt: str(r.closed_at),
          appealDeadlineAt: str(r.appeal_deadline_at),
        };
      };
    }
  }
}
