/**
 * The deadline policy (办理时限): configurable limits per step, appeal type and urgency, with the
 * defaults of domain.md §3. How a limit becomes an instant is in `deadline.ts`.
 */
import { type FieldIssue, fail, ok, type Result } from '../errors.js';
import { APPEAL_TYPES, type AppealType, type Urgency } from '../work-order.fields.js';

export const TIME_LIMIT_UNITS = ['working_days', 'working_hours', 'calendar_hours'] as const;
export type TimeLimitUnit = (typeof TIME_LIMIT_UNITS)[number];

export interface TimeLimit {
  /** Whole number for working_days; may be fractional for the hour units. */
  amount: number;
  unit: TimeLimitUnit;
}

/** Urgencies that override the handling limit of the appeal type. */
export type UrgentLevel = Exclude<Urgency, 'normal'>;

export interface HandlingLimits {
  byType: Record<AppealType, TimeLimit>;
  byUrgency: Record<UrgentLevel, TimeLimit>;
}

export interface DeadlinePolicy {
  /** 签收: the unit signs for a dispatched order. */
  sign: TimeLimit;
  /** 退单: an order that is not the unit's may be returned within this limit. */
  return: TimeLimit;
  /** 办理: handling, including the reply. */
  handle: HandlingLimits;
  /** 回访: callback after the unit's reply. */
  callback: TimeLimit;
  /** 回复: the centre tells the caller the result after approving the unit's reply. */
  reply: TimeLimit;
  /** 黄牌: warning this long before a deadline (red card = after it). */
  warningBefore: TimeLimit;
  /** 催办: a reminder this long after a missed deadline. */
  remindAfter: TimeLimit;
  /** 督办 + escalation to the unit's superior this long after a missed deadline. */
  escalateAfter: TimeLimit;
  /** 督办: the unit replies to a supervision order within this limit. */
  supervision: TimeLimit;
  /** 延期: most working days one extension may add. */
  extensionMaxDays: number;
  /** 延期 for complaints (投诉). */
  complaintExtensionMaxDays: number;
}

const wd = (amount: number): TimeLimit => ({ amount, unit: 'working_days' });

/**
 * Defaults from domain.md §3. `urgent` (紧急) is 1 working day: due at the end of the next working
 * day (Yangpu: "same day"; we leave the rest of the day plus one). `critical` (特急) is 4 working hours
 * ("hours" in the sources; Beijing's 2 h tier is unverified).
 */
export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = {
  sign: wd(1),
  return: wd(2),
  handle: {
    byType: {
      consultation: wd(3),
      help: wd(5),
      complaint: wd(15),
      report: wd(15),
      suggestion: wd(5),
      praise: wd(5),
    },
    byUrgency: { urgent: wd(1), critical: { amount: 4, unit: 'working_hours' } },
  },
  callback: wd(1),
  reply: wd(1),
  warningBefore: wd(1),
  remindAfter: wd(1),
  escalateAfter: wd(5),
  supervision: wd(2),
  extensionMaxDays: 10,
  complaintExtensionMaxDays: 7,
};

/** The handling limit: the urgency override when the order is urgent or critical, else the type's. */
export const handlingLimit = (policy: DeadlinePolicy, appealType: AppealType, urgency: Urgency): TimeLimit =>
  urgency === 'normal' ? policy.handle.byType[appealType] : policy.handle.byUrgency[urgency];

/** Most working days one extension may add for this appeal type (complaints have their own cap). */
export const maxExtensionDays = (policy: DeadlinePolicy, appealType: AppealType): number =>
  appealType === 'complaint' ? policy.complaintExtensionMaxDays : policy.extensionMaxDays;

// --- parsing -------------------------------------------------------------------------------------

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const unknownKeys = (v: Obj, allowed: readonly string[], path: string, issues: FieldIssue[]): void => {
  for (const k of Object.keys(v)) {
    if (!allowed.includes(k)) issues.push({ field: path ? `${path}.${k}` : k, message: '不支持的字段' });
  }
};

const parseLimit = (v: unknown, fallback: TimeLimit, path: string, issues: FieldIssue[]): TimeLimit => {
  if (v === undefined) return fallback;
  if (!isObj(v)) {
    issues.push({ field: path, message: '应为 {amount, unit}' });
    return fallback;
  }
  unknownKeys(v, ['amount', 'unit'], path, issues);
  const unit = v.unit as TimeLimitUnit;
  if (!TIME_LIMIT_UNITS.includes(unit)) {
    issues.push({ field: `${path}.unit`, message: `应为 ${TIME_LIMIT_UNITS.join(' / ')}` });
  }
  const amount = v.amount;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
    issues.push({ field: `${path}.amount`, message: '应为不小于 0 的数' });
  } else if (unit === 'working_days' && !Number.isInteger(amount)) {
    issues.push({ field: `${path}.amount`, message: '工作日数应为整数' });
  }
  return { amount: amount as number, unit };
};

const parseDays = (v: unknown, fallback: number, path: string, issues: FieldIssue[]): number => {
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    issues.push({ field: path, message: '应为不小于 0 的整数（工作日）' });
  }
  return v as number;
};

const parseTable = <K extends string>(
  v: unknown,
  keys: readonly K[],
  fallback: Record<K, TimeLimit>,
  path: string,
  issues: FieldIssue[],
): Record<K, TimeLimit> => {
  if (v === undefined) return { ...fallback };
  if (!isObj(v)) {
    issues.push({ field: path, message: '应为对象' });
    return { ...fallback };
  }
  unknownKeys(v, keys, path, issues);
  const out = {} as Record<K, TimeLimit>;
  for (const k of keys) out[k] = parseLimit(v[k], fallback[k], `${path}.${k}`, issues);
  return out;
};

const POLICY_KEYS = [
  'sign',
  'return',
  'handle',
  'callback',
  'reply',
  'warningBefore',
  'remindAfter',
  'escalateAfter',
  'supervision',
  'extensionMaxDays',
  'complaintExtensionMaxDays',
] as const;

/**
 * Parse a policy from configuration. Every field is optional and falls back to
 * {@link DEFAULT_DEADLINE_POLICY}; unknown fields and bad values are reported with their path
 * (`handle.byType.complaint.amount`).
 */
export const parseDeadlinePolicy = (json: unknown): Result<DeadlinePolicy> => {
  if (!isObj(json)) return fail('VALIDATION_FAILED', undefined, [{ field: '', message: '应为对象' }]);
  const d = DEFAULT_DEADLINE_POLICY;
  const issues: FieldIssue[] = [];
  unknownKeys(json, POLICY_KEYS, '', issues);
  let handle: HandlingLimits = { byType: { ...d.handle.byType }, byUrgency: { ...d.handle.byUrgency } };
  if (json.handle !== undefined && !isObj(json.handle)) {
    issues.push({ field: 'handle', message: '应为 {byType, byUrgency}' });
  } else if (isObj(json.handle)) {
    unknownKeys(json.handle, ['byType', 'byUrgency'], 'handle', issues);
    handle = {
      byType: parseTable(json.handle.byType, APPEAL_TYPES.values, d.handle.byType, 'handle.byType', issues),
      byUrgency: parseTable(
        json.handle.byUrgency,
        ['urgent', 'critical'] as const,
        d.handle.byUrgency,
        'handle.byUrgency',
        issues,
      ),
    };
  }
  const policy: DeadlinePolicy = {
    sign: parseLimit(json.sign, d.sign, 'sign', issues),
    return: parseLimit(json.return, d.return, 'return', issues),
    handle,
    callback: parseLimit(json.callback, d.callback, 'callback', issues),
    reply: parseLimit(json.reply, d.reply, 'reply', issues),
    warningBefore: parseLimit(json.warningBefore, d.warningBefore, 'warningBefore', issues),
    remindAfter: parseLimit(json.remindAfter, d.remindAfter, 'remindAfter', issues),
    escalateAfter: parseLimit(json.escalateAfter, d.escalateAfter, 'escalateAfter', issues),
    supervision: parseLimit(json.supervision, d.supervision, 'supervision', issues),
    extensionMaxDays: parseDays(json.extensionMaxDays, d.extensionMaxDays, 'extensionMaxDays', issues),
    complaintExtensionMaxDays: parseDays(
      json.complaintExtensionMaxDays,
      d.complaintExtensionMaxDays,
      'complaintExtensionMaxDays',
      issues,
    ),
  };
  if (issues.length > 0) return fail('VALIDATION_FAILED', '时限配置不符合要求', issues);
  return ok(policy);
};
