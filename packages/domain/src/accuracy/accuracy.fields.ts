/** Enumerations of guide-accuracy checks (办事指南准确度检查, domain.md §6) and their Chinese labels. */

const labelled = <K extends string>(labels: Record<K, string>) => ({
  values: Object.keys(labels) as K[],
  labels,
});

/** How the answer compared with the published guide; `unreachable` when nobody answered. */
export const CHECK_VERDICTS = labelled({
  accurate: '准确',
  partly: '部分准确',
  wrong: '错误',
  unreachable: '无法接通',
});
export type CheckVerdict = (typeof CHECK_VERDICTS.values)[number];

export const CHECK_VERDICT_COLOURS: Record<CheckVerdict, string> = {
  accurate: 'success',
  partly: 'warning',
  wrong: 'error',
  unreachable: 'default',
};

/** A round's first call about an item, or a re-check made for a correction task. */
export const CHECK_KINDS = labelled({ initial: '检查', recheck: '复查' });
export type CheckKind = (typeof CHECK_KINDS.values)[number];

/** Why a check opened a correction task (整改任务). */
export const CORRECTION_REASONS = labelled({
  partly: '答复部分准确',
  wrong: '答复错误',
  unreachable: '咨询电话无法接通',
  guide_outdated: '办事指南内容过时',
});
export type CorrectionReason = (typeof CORRECTION_REASONS.values)[number];

export function isCheckVerdict(value: unknown): value is CheckVerdict {
  return typeof value === 'string' && (CHECK_VERDICTS.values as readonly string[]).includes(value);
}
