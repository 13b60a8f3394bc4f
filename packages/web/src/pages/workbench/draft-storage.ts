import type { IntakeResult } from './result-card';
import type { IntakeValues } from './intake-values';

/**
 * The desk's work in progress, kept in this tab's sessionStorage: a reload (or a look at another page)
 * never loses what the agent typed, nor the result of the decision just made.
 */
export interface StoredDraft {
  callId: string | null;
  values: IntakeValues;
  result: IntakeResult | null;
  linked: string[];
}

const KEY = 'huawu.workbench.draft';

export function loadDraft(): StoredDraft | null {
  try {
    const text = window.sessionStorage.getItem(KEY);
    if (!text) return null;
    const draft = JSON.parse(text) as StoredDraft;
    return draft && typeof draft === 'object' && draft.values ? draft : null;
  } catch {
    return null;
  }
}

export function saveDraft(draft: StoredDraft): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the form still works, it just does not survive a reload.
  }
}
