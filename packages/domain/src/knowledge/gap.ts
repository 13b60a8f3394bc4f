import type { Result } from '../errors.js';
import type { KbGapStatus } from './article.status.js';
import { type FieldSpecs, parseFields } from '../input-fields.js';
import { normalizeText } from '../text/chinese-text.js';

/** A question the knowledge base could not answer (知识缺口), as an agent records it. */
export const KB_GAP_FIELDS: FieldSpecs = {
  question: { kind: 'text', label: '问题', required: true, maxLength: 500, multiline: true },
  query: { kind: 'text', label: '检索词', required: false, maxLength: 200 },
  orderId: { kind: 'order', label: '关联工单', required: false },
  category: { kind: 'text', label: '诉求分类', required: false, maxLength: 100 },
};

export const KB_GAP_RESOLVE_FIELDS: FieldSpecs = {
  articleId: { kind: 'text', label: '补充的知识条目', required: false, maxLength: 64 },
  dismiss: { kind: 'boolean', label: '忽略', required: false },
  note: { kind: 'text', label: '说明', required: false, maxLength: 1000, multiline: true },
};

/**
 * Gaps are counted by their normalised question: full-width/half-width, case, punctuation and spacing
 * do not make a different question ("社保怎么转移？" = "社保 怎么转移").
 */
export function kbGapKey(question: string): string {
  return normalizeText(question).replaceAll(' ', '').slice(0, 200);
}

const strip = (r: Result<Record<string, unknown>>) =>
  r.ok
    ? r
    : {
        ...r,
        error: {
          ...r.error,
          issues: r.error.issues?.map((i) => ({ ...i, field: i.field.replace(/^\./, '') })),
        },
      };

export function parseKbGapInput(raw: unknown) {
  return strip(parseFields(KB_GAP_FIELDS, raw, ''));
}

export function parseKbGapResolveInput(raw: unknown) {
  return strip(parseFields(KB_GAP_RESOLVE_FIELDS, raw, ''));
}

/** A gap waiting for an editor. */
export const KB_GAP_OPEN: KbGapStatus = 'open';
/** A gap still waiting for an answer or a dismissal. */
export const isOpenGap = (status: string): boolean => status === KB_GAP_OPEN;

/** What resolving a gap makes of it: answered by an article, or dismissed. */
export const kbGapResolution = (dismiss: boolean): KbGapStatus => (dismiss ? 'dismissed' : 'answered');
