import { type FieldIssue, type Result, fail, ok } from '../errors.js';
import type { Actor } from '../roles.js';
import { normalizeText } from '../text/chinese-text.js';
import { KB_EDITOR_ROLES } from './article.workflow.js';

/**
 * Synonym groups (同义词/口语词) of the knowledge search: equivalent terms, the official one first
 * ("社会保险", "社保"). The search compares terms in their normalised form (NFKC, lower case, no
 * punctuation or spaces), so a group is stored in that form: what the editor sees is what is matched.
 */
export const KB_SYNONYM_LIMITS = { minTerms: 2, maxTerms: 20, termLength: 20, note: 200 } as const;

export interface KbSynonymInput {
  /** Normalised terms, the canonical (official) one first; no duplicates. */
  terms: string[];
  note: string | null;
}

/** A term as the search matches it: NFKC, lower case, punctuation and spaces removed ("Ｅ Ｔ Ｃ" → "etc"). */
export function normalizeSynonymTerm(raw: string): string {
  return normalizeText(raw).replaceAll(' ', '');
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const KEYS = new Set(['terms', 'note']);

/** Validates a synonym group as an editor submits it: `{ terms: string[], note?: string | null }`. */
export function parseKbSynonymInput(raw: unknown): Result<KbSynonymInput> {
  const { minTerms, maxTerms, termLength, note: noteMax } = KB_SYNONYM_LIMITS;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('VALIDATION_FAILED', undefined, [{ field: 'terms', message: '请提供同义词组' }]);
  }
  const input = raw as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(input)) {
    if (!KEYS.has(key)) issues.push({ field: key, message: '不支持的字段' });
  }

  const terms: string[] = [];
  if (!Array.isArray(input.terms)) {
    issues.push({ field: 'terms', message: '请填写同义词（词语列表）' });
  } else if (input.terms.length > maxTerms) {
    issues.push({ field: 'terms', message: `一组最多 ${maxTerms} 个词` });
  } else {
    const firstAt = new Map<string, number>();
    input.terms.forEach((value: unknown, i) => {
      const field = `terms[${i}]`;
      if (typeof value !== 'string') {
        issues.push({ field, message: '词语应为文本' });
        return;
      }
      if (value.trim() === '') {
        issues.push({ field, message: '词语不能为空' });
        return;
      }
      const term = normalizeSynonymTerm(value);
      if (term === '') {
        issues.push({ field, message: '词语不能只有标点符号' });
        return;
      }
      if ([...term].length > termLength) {
        issues.push({ field, message: `词语不能超过 ${termLength} 个字符` });
        return;
      }
      const earlier = firstAt.get(term);
      if (earlier !== undefined) {
        issues.push({ field, message: `与第 ${earlier + 1} 个词“${term}”重复` });
        return;
      }
      firstAt.set(term, i);
      terms.push(term);
    });
    if (input.terms.length < minTerms) {
      issues.push({ field: 'terms', message: `一组至少需要 ${minTerms} 个词` });
    }
  }

  let note: string | null = null;
  if (input.note !== undefined && input.note !== null) {
    if (typeof input.note !== 'string') {
      issues.push({ field: 'note', message: '备注应为文本' });
    } else if (CONTROL.test(input.note)) {
      issues.push({ field: 'note', message: '备注含有不可见的控制字符' });
    } else if (input.note.trim().length > noteMax) {
      issues.push({ field: 'note', message: `备注不能超过 ${noteMax} 个字符` });
    } else {
      note = input.note.trim() || null;
    }
  }

  if (issues.length > 0) return fail('VALIDATION_FAILED', undefined, issues);
  return ok({ terms, note });
}

/** Editing the synonym dictionary is for the centre's editors (supervisor, admin). */
export function kbMayEditSynonyms(actor: Actor): boolean {
  return KB_EDITOR_ROLES.includes(actor.role);
}

export interface KbSynonymGroupRef {
  id: string;
  terms: readonly string[];
}

export interface KbSynonymConflict {
  term: string;
  groupId: string;
  groupTerms: string[];
  message: string;
}

/**
 * Terms of a group that already belong to another group: a warning, not a refusal (a term may well
 * belong to two groups — 开店 is both 个体工商户 and 营业执照 — but usually it is a slip).
 */
export function kbSynonymConflicts(
  terms: readonly string[],
  others: readonly KbSynonymGroupRef[],
  selfId: string | null = null,
): KbSynonymConflict[] {
  const conflicts: KbSynonymConflict[] = [];
  for (const term of terms) {
    for (const group of others) {
      if (group.id === selfId) continue;
      if (!group.terms.some((t) => normalizeSynonymTerm(t) === term)) continue;
      conflicts.push({
        term,
        groupId: group.id,
        groupTerms: [...group.terms],
        message: `“${term}”已在同义词组“${group.terms.join(' / ')}”中`,
      });
    }
  }
  return conflicts;
}
