import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ACCURACY_SETTINGS,
  accuracySettingsOrDefault,
  parseAccuracySettings,
} from './accuracy.settings.js';

const fields = (r: ReturnType<typeof parseAccuracySettings>) =>
  r.ok ? [] : (r.error.issues ?? []).map((i) => i.field);

describe('accuracy settings', () => {
  it('defaults: partly counts half, 5 working days to correct', () => {
    expect(DEFAULT_ACCURACY_SETTINGS).toEqual({
      partlyWeight: 0.5,
      correctionDays: 5,
      warningDays: 1,
      samplePerUnit: 3,
    });
  });

  it('validates each field', () => {
    expect(parseAccuracySettings({ ...DEFAULT_ACCURACY_SETTINGS, partlyWeight: 0.25 })).toMatchObject({
      ok: true,
    });
    expect(
      fields(
        parseAccuracySettings({
          partlyWeight: 2,
          correctionDays: 1.5,
          warningDays: -1,
          samplePerUnit: '3',
          x: 1,
        }),
      ),
    ).toEqual(['x', 'partlyWeight', 'correctionDays', 'warningDays', 'samplePerUnit']);
    expect(fields(parseAccuracySettings([]))).toEqual(['body']);
  });

  it('falls back to the defaults for a stored value that no longer parses', () => {
    expect(accuracySettingsOrDefault(undefined)).toEqual(DEFAULT_ACCURACY_SETTINGS);
    expect(accuracySettingsOrDefault({ correctionDays: 10 })).toEqual({
      ...DEFAULT_ACCURACY_SETTINGS,
      correctionDays: 10,
    });
    expect(accuracySettingsOrDefault({ correctionDays: 'ten' })).toEqual(DEFAULT_ACCURACY_SETTINGS);
  });
});
