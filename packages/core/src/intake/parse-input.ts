import { type FieldSpecs, type ParsedInput, parseFields } from '@huawu/domain';
import { AppError } from '../app-error.js';

/** Validates a request body against field specs; issues name the body's own fields (`title`, not `.title`). */
export function parseInputOrThrow(specs: FieldSpecs, raw: unknown): ParsedInput {
  const parsed = parseFields(specs, raw, '');
  if (parsed.ok) return parsed.value;
  const issues = parsed.error.issues?.map((i) => ({ ...i, field: i.field.replace(/^\./, '') || 'body' }));
  throw new AppError('VALIDATION_FAILED', parsed.error.message, issues);
}
