import type { CallState, CallView } from '../../api/cti';

const ORDER: Record<CallState, number> = { ringing: 0, answered: 1, ended: 2 };

/** Events may arrive twice or out of order (stream + restore): a call never goes back to an earlier state. */
export function mergeCall(known: CallView | undefined, next: CallView): CallView {
  if (!known) return next;
  if (ORDER[next.state] < ORDER[known.state]) return known;
  return {
    ...known,
    ...next,
    caller: next.caller ?? known.caller,
    answeredAt: next.answeredAt ?? known.answeredAt,
  };
}

/** The call to show: the newest one still going, else the one that ended last. */
export function pickCurrent(calls: CallView[]): CallView | null {
  const newest = (a: CallView, b: CallView) => b.startedAt.localeCompare(a.startedAt);
  const live = calls.filter((call) => call.state !== 'ended').sort(newest);
  if (live[0]) return live[0];
  return (
    [...calls].sort((a, b) => (b.endedAt ?? b.startedAt).localeCompare(a.endedAt ?? a.startedAt))[0] ?? null
  );
}
