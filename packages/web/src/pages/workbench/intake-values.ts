import { INTAKE_FIELDS, isPhoneNumber } from '@huawu/domain';
import type { IntakeDraft } from '../../api/intake';

/** The intake form's values: every field of INTAKE_FIELDS (domain.md §4), as the form holds them. */
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

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

export const cleanPhone = (value: unknown) => text(value).replaceAll(' ', '');

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

/**
 * The body of a one-click emergency transfer: whatever the form holds, made acceptable (the server
 * fills a missing title and content) so the transfer never fails on the form.
 */
export function toTransferDraft(values: IntakeValues): IntakeDraft {
  const draft = toIntakeDraft(values);
  draft.channel ??= 'phone';
  draft.appealType ??= 'help';
  if (!isValidPhone(draft.callerPhone)) {
    delete draft.callerPhone;
    draft.wantsCallback = false;
  }
  return draft;
}

/** Enough typed to be worth a live check (scope, five elements, duplicates). */
export function worthChecking(draft: IntakeDraft): boolean {
  return [draft.title, draft.content, draft.address].some((value) => text(value).length >= 2);
}

/** A spoken summary of the form for the read-back (复述确认) phrase. */
export function intakeSummary(values: IntakeValues): string {
  const parts: string[] = [];
  const address = text(values.address);
  const title = text(values.title);
  const content = text(values.content);
  const about = content.length > 80 ? `${content.slice(0, 80)}…` : content;
  if (address) parts.push(`地点在${address}`);
  if (title) parts.push(`反映的是${title}`);
  if (about && about !== title) parts.push(`具体情况：${about}`);
  const phone = cleanPhone(values.callerPhone);
  if (phone && values.anonymous !== true) parts.push(`联系电话${phone}`);
  return parts.length ? `${parts.join('，')}。` : '（请先填写诉求内容）';
}

/** The knowledge-base query that follows the form until the agent edits it: the title, else the content. */
export function defaultKbQuery(values: IntakeValues): string {
  const title = text(values.title);
  if (title) return title.slice(0, 50);
  return text(values.content).slice(0, 30);
}
