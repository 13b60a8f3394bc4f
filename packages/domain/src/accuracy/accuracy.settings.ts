import { type FieldIssue, type Result, fail, ok } from '../errors.js';

/**
 * Local choices of the accuracy checks, stored as one setting (`accuracy`). Defaults are [D] design
 * choices (docs/ACCURACY.md): a partly accurate answer earns half the credit of an accurate one; a
 * unit has 5 working days to correct; the yellow card shows on the last working day.
 */
export interface AccuracySettings {
  /** Credit of a 部分准确 answer in the accuracy rate, 0 (counts as wrong) … 1 (counts as accurate). */
  partlyWeight: number;
  /** Working days a unit has to correct a discrepancy (整改时限). */
  correctionDays: number;
  /** Working days before the correction deadline when a task turns yellow (0 = never). */
  warningDays: number;
  /** Guides sampled per unit when a round is planned by sampling. */
  samplePerUnit: number;
}

export const DEFAULT_ACCURACY_SETTINGS: AccuracySettings = {
  partlyWeight: 0.5,
  correctionDays: 5,
  warningDays: 1,
  samplePerUnit: 3,
};

export const ACCURACY_SETTING_LIMITS = {
  partlyWeight: { min: 0, max: 1, label: '部分准确计分权重' },
  correctionDays: { min: 1, max: 60, label: '整改时限（工作日）' },
  warningDays: { min: 0, max: 10, label: '到期预警（工作日）' },
  samplePerUnit: { min: 1, max: 20, label: '每单位抽查指南数' },
} as const satisfies Record<keyof AccuracySettings, { min: number; max: number; label: string }>;

type Key = keyof AccuracySettings;
const KEYS = Object.keys(ACCURACY_SETTING_LIMITS) as Key[];

/**
 * Validates a whole settings object (the use case merges a partial change into the current one first).
 * The weight may be fractional; day counts are whole numbers. Unknown keys are refused.
 */
export function parseAccuracySettings(raw: unknown): Result<AccuracySettings> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('VALIDATION_FAILED', '设置应为对象', [{ field: 'body', message: '应为对象' }]);
  }
  const record = raw as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(record)) {
    if (!(KEYS as string[]).includes(key)) issues.push({ field: key, message: '不支持的字段' });
  }
  const value = { ...DEFAULT_ACCURACY_SETTINGS };
  for (const key of KEYS) {
    const v = record[key];
    const { min, max, label } = ACCURACY_SETTING_LIMITS[key];
    const whole = key !== 'partlyWeight';
    if (typeof v !== 'number' || !Number.isFinite(v) || (whole && !Number.isInteger(v))) {
      issues.push({ field: key, message: `${label}应为${whole ? '整数' : '数字'}` });
    } else if (v < min || v > max) {
      issues.push({ field: key, message: `${label}应在 ${min} 到 ${max} 之间` });
    } else {
      value[key] = v;
    }
  }
  return issues.length > 0 ? fail('VALIDATION_FAILED', undefined, issues) : ok(value);
}

/** A stored value that no longer parses (hand-edited, older version) falls back to the defaults. */
export function accuracySettingsOrDefault(stored: unknown): AccuracySettings {
  if (stored === undefined) return DEFAULT_ACCURACY_SETTINGS;
  const parsed = parseAccuracySettings({ ...DEFAULT_ACCURACY_SETTINGS, ...(stored as object) });
  return parsed.ok ? parsed.value : DEFAULT_ACCURACY_SETTINGS;
}
