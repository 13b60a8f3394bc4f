import type { FieldSpecs } from '@huawu/domain';
import type { TransitionInput } from '../../api/types';

/** Form values → transition `input`: blanks are left out so optional fields stay absent. */
export function toTransitionInput(specs: FieldSpecs, values: Record<string, unknown>): TransitionInput {
  const input: TransitionInput = {};
  for (const key of Object.keys(specs)) {
    const value = values[key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') {
      const text = value.trim();
      if (text) input[key] = text;
    } else if (Array.isArray(value)) {
      if (value.length) input[key] = value.map(String);
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      input[key] = value;
    }
  }
  return input;
}
