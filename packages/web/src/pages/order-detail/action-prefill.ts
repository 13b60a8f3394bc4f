import type { OrderClosure } from '../../api/closure';

/**
 * What an action's form starts with, supplied by the page (the form itself knows only the field specs):
 * `initial` values, and values that `follow` another field while the user has not edited them.
 */
export interface ActionPrefill {
  initial?: Record<string, unknown>;
  /** Called with the fields just changed; returns values to set (untouched fields only) or null. */
  follow?: (changed: Record<string, unknown>) => Record<string, unknown> | null;
}

export type ActionPrefills = Partial<Record<string, ActionPrefill>>;

/** 回复来电人: the content starts as the reply script — the SMS text for 短信, the phone script otherwise. */
export function closurePrefills(closure: OrderClosure | null | undefined): ActionPrefills {
  const script = closure?.scripts?.reply;
  if (!script) return {};
  const phone = script.phone.join('\n');
  return {
    reply_to_caller: {
      initial: { content: phone },
      follow: (changed) =>
        'method' in changed ? { content: changed.method === 'sms' ? script.sms : phone } : null,
    },
  };
}
