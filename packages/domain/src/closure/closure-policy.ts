import { type FieldIssue, type Result, fail, ok } from '../errors.js';
import { APPEAL_TYPES, type AppealType } from '../work-order.fields.js';

/**
 * Local choices of review, reply, callback, closure and archive (domain.md §3, §7): admin-editable,
 * stored as one settings row, read by core and turned into the machine's configuration.
 */
export interface ReviewCheck {
  /** Stable key recorded with the review (letters, digits, `_`). */
  id: string;
  label: string;
  /** Required items must be ticked before a reply may be approved. */
  required: boolean;
}

export interface ClosurePolicy {
  /** 审核 checklist of a unit's reply. */
  reviewChecklist: ReviewCheck[];
  /** 3 = 满意/基本满意/不满意; 5 = the national 好差评 scale. */
  satisfactionScale: 3 | 5;
  /** Failed callback attempts after which the order may close as 无法联系. */
  unreachableAfterAttempts: number;
  /** Minimum minutes between two callback attempts ("at different times"). */
  attemptGapMinutes: number;
  /** Share of direct answers (直办) sampled for a callback, 0–1; dispatched orders are always called back. */
  directAnswerSampleRate: number;
  /** Working days after the callback in which the rated unit may appeal a bad rating (申诉核减). */
  appealWindowDays: number;
  /** Years an archived case is kept, per appeal type (保管期限). */
  retentionYears: Record<AppealType, number>;
}

export const CLOSURE_POLICY_KEY = 'closure_policy';

export const DEFAULT_REVIEW_CHECKLIST: ReviewCheck[] = [
  { id: 'answers_appeal', label: '答复针对来电人诉求，逐项回应', required: true },
  { id: 'public_wording', label: '答复意见用语规范、可直接告知来电人，不含内部信息', required: true },
  { id: 'policy_basis', label: '引用的政策依据准确（如有）', required: false },
  { id: 'signed_off', label: '已由承办单位负责人审核签发', required: true },
  { id: 'result_consistent', label: '办理结果与答复内容一致，无超出单位承诺的内容', required: true },
];

export const DEFAULT_CLOSURE_POLICY: ClosurePolicy = {
  reviewChecklist: DEFAULT_REVIEW_CHECKLIST,
  satisfactionScale: 3,
  unreachableAfterAttempts: 3,
  attemptGapMinutes: 60,
  directAnswerSampleRate: 0.2,
  appealWindowDays: 5,
  retentionYears: { consultation: 3, help: 5, complaint: 10, report: 10, suggestion: 5, praise: 3 },
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function intIn(v: unknown, min: number, max: number, path: string, issues: FieldIssue[], fallback: number) {
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    issues.push({ field: path, message: `应为 ${min} 到 ${max} 之间的整数` });
    return fallback;
  }
  return v;
}

function parseChecklist(v: unknown, issues: FieldIssue[]): ReviewCheck[] {
  if (v === undefined) return DEFAULT_REVIEW_CHECKLIST;
  if (!Array.isArray(v) || v.length > 20) {
    issues.push({ field: 'reviewChecklist', message: '应为最多 20 项的清单' });
    return DEFAULT_REVIEW_CHECKLIST;
  }
  const out: ReviewCheck[] = [];
  for (const [i, item] of v.entries()) {
    const path = `reviewChecklist.${i}`;
    if (!isObject(item)) {
      issues.push({ field: path, message: '应为审核项' });
      continue;
    }
    const id = typeof item.id === 'string' ? item.id.trim() : '';
    const label = typeof item.label === 'string' ? item.label.trim() : '';
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(id))
      issues.push({ field: `${path}.id`, message: '编号应为小写字母开头的字母、数字或下划线（最多 40 个）' });
    else if (out.some((c) => c.id === id)) issues.push({ field: `${path}.id`, message: '编号重复' });
    if (label.length === 0 || label.length > 100)
      issues.push({ field: `${path}.label`, message: '审核项内容应为 1–100 个字符' });
    out.push({ id, label, required: item.required === true });
  }
  return out;
}

/** Validates a stored or submitted policy; missing keys take the defaults. */
export function parseClosurePolicy(json: unknown): Result<ClosurePolicy> {
  if (!isObject(json)) return fail('VALIDATION_FAILED', '办结与归档规则应为对象');
  const issues: FieldIssue[] = [];
  const d = DEFAULT_CLOSURE_POLICY;
  let scale = d.satisfactionScale;
  if (json.satisfactionScale !== undefined) {
    if (json.satisfactionScale === 3 || json.satisfactionScale === 5) scale = json.satisfactionScale;
    else issues.push({ field: 'satisfactionScale', message: '满意度应为三级（3）或五级（5）' });
  }
  let rate = d.directAnswerSampleRate;
  if (json.directAnswerSampleRate !== undefined) {
    const r = json.directAnswerSampleRate;
    if (typeof r === 'number' && r >= 0 && r <= 1) rate = r;
    else issues.push({ field: 'directAnswerSampleRate', message: '直办回访抽样比例应在 0 到 1 之间' });
  }
  const retention = { ...d.retentionYears };
  if (json.retentionYears !== undefined) {
    if (!isObject(json.retentionYears))
      issues.push({ field: 'retentionYears', message: '应为按诉求类型的年限' });
    else
      for (const t of APPEAL_TYPES.values)
        retention[t] = intIn(
          json.retentionYears[t],
          1,
          100,
          `retentionYears.${t}`,
          issues,
          d.retentionYears[t],
        );
  }
  const policy: ClosurePolicy = {
    reviewChecklist: parseChecklist(json.reviewChecklist, issues),
    satisfactionScale: scale,
    unreachableAfterAttempts: intIn(
      json.unreachableAfterAttempts,
      1,
      10,
      'unreachableAfterAttempts',
      issues,
      3,
    ),
    attemptGapMinutes: intIn(json.attemptGapMinutes, 0, 1440, 'attemptGapMinutes', issues, 60),
    directAnswerSampleRate: rate,
    appealWindowDays: intIn(json.appealWindowDays, 0, 30, 'appealWindowDays', issues, 5),
    retentionYears: retention,
  };
  return issues.length > 0 ? fail('VALIDATION_FAILED', '办结与归档规则有误', issues) : ok(policy);
}

/** The ids a reviewer must tick under the default checklist (tests, demo data, scripted clients). */
export const DEFAULT_REQUIRED_CHECKS: readonly string[] = DEFAULT_REVIEW_CHECKLIST.filter(
  (c) => c.required,
).map((c) => c.id);
