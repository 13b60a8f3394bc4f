import { type FieldIssue, type Result, fail, ok } from '../errors.js';

/**
 * CTI events (screen pop, domain.md §9): the switch — or a supervisor's training "模拟来电" — reports
 * `newCall`, `answer` and `hangup` for a call id, naming the agent by username.
 */
export const CTI_EVENT_TYPES = ['newCall', 'answer', 'hangup'] as const;
export type CtiEventType = (typeof CTI_EVENT_TYPES)[number];

export interface CtiEventInput {
  type: CtiEventType;
  callId: string;
  /** Calling number as reported (spaces removed); null when withheld. */
  caller: string | null;
  /** Username of the agent the call is routed to. */
  agent: string;
  /** When it happened (ISO-8601 UTC); null → when received. */
  at: string | null;
  /** Hangup cause as the switch names it (e.g. NORMAL_CLEARING, NO ANSWER). */
  cause: string | null;
}

const CALL_ID = /^[\w.:@-]{1,128}$/;
const CALLER = /^\+?[0-9*#-]{1,32}$/;
const KNOWN = ['type', 'callId', 'caller', 'agent', 'at', 'cause'];

export function parseCtiEvent(raw: unknown): Result<CtiEventInput> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('VALIDATION_FAILED', '输入应为对象', [{ field: 'body', message: '应为对象' }]);
  }
  const r = raw as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(r))
    if (!KNOWN.includes(key)) issues.push({ field: key, message: '不支持的字段' });
  const str = (key: string) => (typeof r[key] === 'string' ? (r[key] as string).trim() : undefined);
  const type = r.type;
  if (!(CTI_EVENT_TYPES as readonly unknown[]).includes(type)) {
    issues.push({ field: 'type', message: `事件类型应为以下之一：${CTI_EVENT_TYPES.join('、')}` });
  }
  const callId = str('callId');
  if (!callId || !CALL_ID.test(callId)) {
    issues.push({ field: 'callId', message: '通话编号应为 1–128 位字母、数字或 . _ : @ -' });
  }
  const agent = str('agent');
  if (!agent || agent.length > 40) issues.push({ field: 'agent', message: '请填写坐席账号（用户名）' });
  let caller: string | null = null;
  if (r.caller !== undefined && r.caller !== null && r.caller !== '') {
    const c = str('caller')?.replaceAll(' ', '');
    if (!c || !CALLER.test(c)) issues.push({ field: 'caller', message: '来电号码格式不正确' });
    else caller = c;
  }
  let at: string | null = null;
  if (r.at !== undefined && r.at !== null && r.at !== '') {
    const text = str('at');
    const time = text && /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : Number.NaN;
    if (Number.isNaN(time)) issues.push({ field: 'at', message: '时间应为 ISO-8601 格式（含时区）' });
    else at = new Date(time).toISOString();
  }
  let cause: string | null = null;
  if (r.cause !== undefined && r.cause !== null && r.cause !== '') {
    const c = str('cause');
    if (!c || c.length > 100) issues.push({ field: 'cause', message: '挂机原因应为不超过 100 个字符的文本' });
    else cause = c;
  }
  if (issues.length > 0) return fail('VALIDATION_FAILED', undefined, issues);
  return ok({
    type: type as CtiEventType,
    callId: callId as string,
    caller,
    agent: agent as string,
    at,
    cause,
  });
}
