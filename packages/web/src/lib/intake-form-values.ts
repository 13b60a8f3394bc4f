import { INTAKE_FIELDS, isPhoneNumber } from '@huawu/domain';
import type { IntakeDraft } from '../api/intake';

/**
 * The values of an intake form (新建工单 and the workbench): every field of INTAKE_FIELDS
 * (domain.md §4), as the form holds them.
 */
export type IntakeValues = Record<string, string | boolean | undefined>;

export const INTAKE_FIELD_NAMES: readonly string[] = Object.keys(INTAKE_FIELDS);

export const INITIAL_INTAKE: IntakeValues = {
  channel: 'phone',
  callerType: 'person',
  anonymous: false,
  confidential: false,
  wantsCallback: true,
  urgency: 'normal',
};

/** A form value as trimmed text ('' when it is not text). */
export const textOf = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

export const cleanPhone = (value: unknown) => textOf(value).replaceAll(' ', '');

export const isValidPhone = (value: unknown) => {
  const phone = cleanPhone(value);
  return phone !== '' && isPhoneNumber(phone);
};

/** Form values → the intake body (same names as POST /api/work-orders); blanks are left out. */
export function toIntakeDraft(values: IntakeValues): IntakeDraft {
  const draft: IntakeDraft = {};
  const anonymous = values.anonymous === true;
  for (const name of INTAKE_FIELD_NAMES) {
    const value = values[name];
    if (typeof value === 'boolean') draft[name] = value;
    else if (typeof value === 'string' && value.trim() !== '') draft[name] = value.trim();
  }
  if (anonymous) {
    delete draft.callerName;
    delete draft.callerPhone;
    draft.wantsCallback = false;
  }
  return draft;
}
