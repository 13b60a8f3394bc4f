import type { FieldSpecs } from '@huawu/domain';
import { parseInputOrThrow } from '../intake/parse-input.js';

/** A work note (办理记录): internal text, never shown to the caller. */
export const WORK_NOTE_FIELDS: FieldSpecs = {
  text: { kind: 'text', label: '办理记录', required: true, maxLength: 4000, multiline: true },
};

/** The note's text, trimmed; control characters, blanks and over-long text are refused at `text`. */
export function checkNote(body: unknown): string {
  return parseInputOrThrow(WORK_NOTE_FIELDS, body).text as string;
}
