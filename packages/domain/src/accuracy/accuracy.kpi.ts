import type { CheckVerdict } from './accuracy.fields.js';
import type { AccuracySettings } from './accuracy.settings.js';

/**
 * 办事指南准确率 and the figures reported beside it — the ONE place these formulas live (domain.md §7).
 *
 * - 接通率 reachedRate = reached checks ÷ checks
 * - 平均接通用时 meanAnswerSeconds = mean of the answer times recorded for reached checks
 * - 准确率 accuracyRate = (准确 + partlyWeight × 部分准确) ÷ reached checks
 *   (an unreachable number is measured by the 接通率, not counted against the answer; a wrong answer
 *   earns 0; `partlyWeight` is a setting, default 0.5)
 *
 * A rate with a zero denominator is `null` (shown as "—"), never 0 or 100 %. Rates are rounded to
 * 4 decimals (0.8333) so both databases and every reader show the same figure.
 */
export interface CheckOutcomeForKpi {
  reached: boolean;
  answerSeconds: number | null;
  verdict: CheckVerdict;
  guideOutdated: boolean;
}

export interface AccuracyFigures {
  checks: number;
  reached: number;
  accurate: number;
  partly: number;
  wrong: number;
  unreachable: number;
  /** Checks that found the published guide itself outdated. */
  outdatedGuides: number;
  reachedRate: number | null;
  meanAnswerSeconds: number | null;
  accuracyRate: number | null;
}

export const ACCURACY_KPI = {
  id: 'guide_accuracy',
  name: '办事指南准确率',
  unit: '%',
  direction: 'higher_is_better',
  formula: '(准确 + 权重 × 部分准确) ÷ 接通的检查数',
  source: 'domain.md §6–§7；权重为本地设置（默认 0.5）',
} as const;

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
const ratio = (num: number, den: number) => (den === 0 ? null : round4(num / den));

export function accuracyFigures(
  checks: readonly CheckOutcomeForKpi[],
  settings: Pick<AccuracySettings, 'partlyWeight'>,
): AccuracyFigures {
  const count = (verdict: CheckVerdict) => checks.filter((c) => c.verdict === verdict).length;
  const reached = checks.filter((c) => c.reached);
  const timed = reached.flatMap((c) => (c.answerSeconds === null ? [] : [c.answerSeconds]));
  const accurate = count('accurate');
  const partly = count('partly');
  return {
    checks: checks.length,
    reached: reached.length,
    accurate,
    partly,
    wrong: count('wrong'),
    unreachable: count('unreachable'),
    outdatedGuides: checks.filter((c) => c.guideOutdated).length,
    reachedRate: ratio(reached.length, checks.length),
    meanAnswerSeconds:
      timed.length === 0 ? null : Math.round((timed.reduce((a, b) => a + b, 0) / timed.length) * 10) / 10,
    accuracyRate: ratio(accurate + settings.partlyWeight * partly, reached.length),
  };
}

/** The formula with the configured weight, for reports ("(准确 + 0.5 × 部分准确) ÷ 接通数"). */
export const accuracyFormulaText = (settings: Pick<AccuracySettings, 'partlyWeight'>): string =>
  `准确率 = (准确 + ${settings.partlyWeight} × 部分准确) ÷ 接通的检查数；接通率 = 接通数 ÷ 检查数`;
