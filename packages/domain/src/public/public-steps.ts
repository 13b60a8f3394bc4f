import type { Status } from '../work-order.status.js';

/** The milestones a caller sees on the public lookup page, in their natural order. */
export const PUBLIC_STEPS = ['accepted', 'dispatched', 'handling', 'replied', 'closed', 'archived'] as const;
export type PublicStep = (typeof PUBLIC_STEPS)[number];

export const PUBLIC_STEP_LABELS: Record<PublicStep, string> = {
  accepted: '受理',
  dispatched: '转办',
  handling: '单位办理',
  replied: '答复',
  closed: '办结',
  archived: '归档',
};

/** One timeline entry as far as the public view reads it (never actors, comments or other payload). */
export interface PublicTimelineEntry {
  event: string;
  fromStatus: Status | null;
  toStatus: Status;
  at: string;
  payload?: Readonly<Record<string, unknown>>;
}

/** Which timeline events mark a milestone (events not listed are internal to the centre and units). */
const STEP_OF_EVENT: Readonly<Record<string, PublicStep>> = {
  create: 'accepted',
  dispatch: 'dispatched',
  approve_return: 'dispatched',
  negotiate: 'dispatched',
  sign: 'handling',
  reply_to_caller: 'replied',
  answer_directly: 'replied',
  archive: 'archived',
};

/** Entering this status marks the order as finished (办结), whatever event led there (not an appeal on a closed order). */
const CLOSED: Status = 'closed';

function stepsOf(entry: PublicTimelineEntry): PublicStep[] {
  const steps: PublicStep[] = [];
  const step = STEP_OF_EVENT[entry.event];
  if (step) steps.push(step);
  if (entry.toStatus === CLOSED && entry.fromStatus !== CLOSED) steps.push('closed');
  return steps;
}

/**
 * The caller's milestones from the timeline: 受理 at its first occurrence, every other milestone at its
 * latest (a re-dispatch after 重办 moves 转办 forward), each once, in milestone order.
 */
export function publicSteps(
  timeline: readonly PublicTimelineEntry[],
): { step: PublicStep; label: string; at: string }[] {
  const at = new Map<PublicStep, string>();
  for (const entry of timeline) {
    for (const step of stepsOf(entry)) {
      if (step === 'accepted' && at.has(step)) continue;
      at.set(step, entry.at);
    }
  }
  return PUBLIC_STEPS.filter((s) => at.has(s)).map((s) => ({
    step: s,
    label: PUBLIC_STEP_LABELS[s],
    at: at.get(s) as string,
  }));
}

/**
 * Where the text told to the caller lives: the reply passed on (回复来电人), a direct answer (直办答复),
 * or the channel named when the hotline could not accept the request (不予受理). Only these payload
 * fields ever reach the public page; the units' internal notes and the comments never do.
 */
const PUBLIC_REPLY_FIELD: Readonly<Record<string, string>> = {
  reply_to_caller: 'content',
  answer_directly: 'answer',
  reject: 'channelTold',
};

/** The latest text told to the caller, with when it was told, or null when nothing was told yet. */
export function publicReplyOf(timeline: readonly PublicTimelineEntry[]): { text: string; at: string } | null {
  for (let i = timeline.length - 1; i >= 0; i--) {
    const entry = timeline[i] as PublicTimelineEntry;
    const field = Object.hasOwn(PUBLIC_REPLY_FIELD, entry.event)
      ? PUBLIC_REPLY_FIELD[entry.event]
      : undefined;
    const text = field ? entry.payload?.[field] : undefined;
    if (typeof text === 'string' && text.trim() !== '') return { text, at: entry.at };
  }
  return null;
}

/** The events whose payload the public view needs (the repository reads only these payloads). */
export const PUBLIC_REPLY_EVENTS: readonly string[] = Object.keys(PUBLIC_REPLY_FIELD);
