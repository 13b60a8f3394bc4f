import { type FieldSpecs, parseFields } from '../input-fields.js';
import type { Result } from '../errors.js';
import { fail, ok } from '../errors.js';
import { INTAKE_FIELDS } from '../work-order.intake.js';

/**
 * An intake form while the agent is still typing: every field optional. The workbench sends it to the
 * intake check (five elements, scope, duplicates) before the order is saved.
 */
export interface IntakeDraft {
  channel?: string;
  callerName?: string;
  callerPhone?: string;
  callerType?: string;
  anonymous?: boolean;
  confidential?: boolean;
  wantsCallback?: boolean;
  appealType?: string;
  category?: string;
  title?: string;
  content?: string;
  address?: string;
  divisionCode?: string;
  urgency?: string;
  callId?: string;
}

/** The intake fields with nothing required (same names, types and limits as a real intake). */
export const INTAKE_DRAFT_FIELDS: FieldSpecs = Object.fromEntries(
  Object.entries(INTAKE_FIELDS).map(([key, spec]) => [key, { ...spec, required: false }]),
);

/** Validates a draft: known fields only, each of the right type and length; blanks are dropped. */
export function parseIntakeDraft(raw: unknown): Result<IntakeDraft> {
  const parsed = parseFields(INTAKE_DRAFT_FIELDS, raw, '');
  if (!parsed.ok) {
    const issues = (parsed.error.issues ?? []).map((i) => ({ ...i, field: i.field.replace(/^\./, '') }));
    return fail('VALIDATION_FAILED', undefined, issues);
  }
  const draft = parsed.value as IntakeDraft;
  if (draft.callerPhone) draft.callerPhone = draft.callerPhone.replaceAll(' ', '');
  return ok(draft);
}

/** Title and content as one text, the way the rules read an appeal. */
export function draftText(draft: Pick<IntakeDraft, 'title' | 'content'>): string {
  return [draft.title, draft.content].filter(Boolean).join('。');
}
