import type { IntakeDraft } from '../../api/intake';
import {
  type IntakeValues,
  cleanPhone,
  isValidPhone,
  textOf as text,
  toIntakeDraft,
} from '../../lib/intake-form-values';

/** The shared intake-form values (lib/intake-form-values.ts) plus what only the workbench needs. */
export {
  INITIAL_INTAKE,
  INTAKE_FIELD_NAMES,
  type IntakeValues,
  cleanPhone,
  isValidPhone,
  toIntakeDraft,
} from '../../lib/intake-form-values';

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
