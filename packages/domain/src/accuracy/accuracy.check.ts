import { type FieldIssue, type Result, fail, ok } from '../errors.js';
import { type FieldSpecs, parseFields } from '../input-fields.js';
import { CHECK_VERDICTS, type CheckVerdict, type CorrectionReason } from './accuracy.fields.js';

/** What a checker records after one call (检查记录). Checks hold no caller data. */
export const CHECK_FIELDS = {
  reached: { kind: 'boolean', label: '是否接通', required: true },
  answerSeconds: { kind: 'integer', label: '接通用时（秒）', required: false, min: 0, max: 600 },
  rings: { kind: 'integer', label: '振铃次数', required: false, min: 0, max: 60 },
  verdict: { kind: 'enum', label: '答复结论', required: true, options: CHECK_VERDICTS },
  guideOutdated: { kind: 'boolean', label: '指南内容过时', required: false },
  notes: { kind: 'text', label: '差异说明', required: false, maxLength: 1000, multiline: true },
  calledNumber: { kind: 'text', label: '拨打号码', required: false, maxLength: 40 },
} as const satisfies FieldSpecs;

export interface CheckInput {
  reached: boolean;
  answerSeconds: number | null;
  rings: number | null;
  verdict: CheckVerdict;
  guideOutdated: boolean;
  notes: string | null;
  /** Empty: the item's planned number was dialled. */
  calledNumber: string | null;
}

/** Field issues at the top level of a body (`verdict`), or under `prefix` (`input.verdict`). */
export function parseTopLevel(specs: FieldSpecs, raw: unknown, prefix = '') {
  const parsed = parseFields(specs, raw, prefix || '#');
  if (parsed.ok || prefix) return parsed;
  const issues = (parsed.error.issues ?? []).map((i) => ({
    ...i,
    field: i.field.replace(/^#\.?/, '') || 'body',
  }));
  return fail(parsed.error.code, parsed.error.message, issues);
}

/**
 * Validates a check record, including the rules between fields: not reached ⇔ 无法接通 (and no answer
 * time); a partly accurate or wrong answer, and an outdated guide, need a note saying what differs.
 */
export function parseCheckInput(raw: unknown, prefix = ''): Result<CheckInput> {
  const parsed = parseTopLevel(CHECK_FIELDS, raw, prefix);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const at = (field: string) => (prefix ? `${prefix}.${field}` : field);
  const check: CheckInput = {
    reached: v.reached === true,
    answerSeconds: typeof v.answerSeconds === 'number' ? v.answerSeconds : null,
    rings: typeof v.rings === 'number' ? v.rings : null,
    verdict: v.verdict as CheckVerdict,
    guideOutdated: v.guideOutdated === true,
    notes: typeof v.notes === 'string' && v.notes !== '' ? v.notes : null,
    calledNumber: typeof v.calledNumber === 'string' && v.calledNumber !== '' ? v.calledNumber : null,
  };
  const issues: FieldIssue[] = [];
  if (!check.reached && check.verdict !== 'unreachable') {
    issues.push({ field: at('verdict'), message: '未接通时答复结论应为「无法接通」' });
  }
  if (check.reached && check.verdict === 'unreachable') {
    issues.push({ field: at('verdict'), message: '已接通时不能选择「无法接通」' });
  }
  if (!check.reached && check.answerSeconds !== null) {
    issues.push({ field: at('answerSeconds'), message: '未接通时不填写接通用时' });
  }
  if ((check.verdict === 'partly' || check.verdict === 'wrong') && !check.notes) {
    issues.push({ field: at('notes'), message: '请说明答复与指南不一致之处' });
  } else if (check.guideOutdated && !check.notes) {
    issues.push({ field: at('notes'), message: '请说明指南哪些内容已过时' });
  }
  return issues.length > 0 ? fail('VALIDATION_FAILED', undefined, issues) : ok(check);
}

type Outcome = Pick<CheckInput, 'verdict' | 'guideOutdated'>;

/** Why this check needs a correction task; empty when the answer was accurate and the guide current. */
export function correctionReasons(check: Outcome): CorrectionReason[] {
  const reasons: CorrectionReason[] = [];
  if (check.verdict !== 'accurate') reasons.push(check.verdict);
  if (check.guideOutdated) reasons.push('guide_outdated');
  return reasons;
}

/** A re-check passes when the answer is accurate and the guide is no longer outdated. */
export const recheckPasses = (check: Outcome): boolean => correctionReasons(check).length === 0;
