import { KB_FIELD_SPECS } from '@huawu/domain';

/**
 * How an article is read by the search: which text goes into which weighted field, and the plain body
 * text snippets are cut from. Weights follow what an agent expects to win: the title (事项名称 or the
 * FAQ question), then keywords and aliases, then the owner unit's name, then the body.
 */

export interface SearchField {
  text: string;
  /** Multiplies the field's term frequency. */
  weight: number;
  /** Typical length in bigrams; a longer field counts each occurrence for less (BM25 length norm). */
  refLength: number;
  /** Strength of the length normalisation (0: none, 1: full). */
  b: number;
  /** Title-like field: also indexed by single characters, and counts toward "title coverage". */
  strong: boolean;
}

export const FIELD_WEIGHTS = {
  title: { weight: 5, refLength: 12, b: 0.3 },
  keywords: { weight: 3, refLength: 12, b: 0.3 },
  question: { weight: 2.5, refLength: 20, b: 0.3 },
  owner: { weight: 1.5, refLength: 6, b: 0 },
  itemCode: { weight: 1, refLength: 6, b: 0 },
  /** Main body fields (answer, summary, conditions, materials). */
  body: { weight: 1, refLength: 150, b: 0.5 },
  /** Legal basis: long lists of law names, weak evidence of topic. */
  basis: { weight: 0.5, refLength: 80, b: 0.5 },
  /** Practical details (place, hours, phone, fee, time limits): rarely what a question is about. */
  detail: { weight: 0.3, refLength: 30, b: 0.3 },
} as const;

const DETAIL_FIELDS = new Set(['promisedDays', 'legalDays', 'location', 'hours', 'phone', 'fee']);
/** Not searched: addresses of online services. */
const UNSEARCHED_FIELDS = new Set(['onlineUrl', 'question']);

export interface ArticleText {
  kind: string;
  title: string;
  keywords: string;
  itemCode: string | null;
  ownerUnitName: string;
  fields: string;
}

export function parseFields(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string' && v.trim()) out[k] = v;
    return out;
  } catch {
    return {};
  }
}

/** Field keys in display order for the article's kind (known fields first, then any others). */
function orderedKeys(kind: string, fields: Record<string, string>): string[] {
  const specs = (KB_FIELD_SPECS as Record<string, Record<string, unknown>>)[kind] ?? {};
  const known = Object.keys(specs).filter((k) => k in fields);
  return [...known, ...Object.keys(fields).filter((k) => !(k in specs))];
}

export function searchFields(article: ArticleText): SearchField[] {
  const fields = parseFields(article.fields);
  const out: SearchField[] = [
    { text: article.title, ...FIELD_WEIGHTS.title, strong: true },
    { text: article.keywords, ...FIELD_WEIGHTS.keywords, strong: true },
    { text: article.ownerUnitName, ...FIELD_WEIGHTS.owner, strong: false },
  ];
  if (article.itemCode) out.push({ text: article.itemCode, ...FIELD_WEIGHTS.itemCode, strong: false });
  const question = fields.question;
  if (question && question.trim() !== article.title.trim()) {
    out.push({ text: question, ...FIELD_WEIGHTS.question, strong: true });
  }
  for (const key of orderedKeys(article.kind, fields)) {
    if (UNSEARCHED_FIELDS.has(key)) continue;
    const weights =
      key === 'basis'
        ? FIELD_WEIGHTS.basis
        : DETAIL_FIELDS.has(key)
          ? FIELD_WEIGHTS.detail
          : FIELD_WEIGHTS.body;
    out.push({ text: fields[key] ?? '', ...weights, strong: false });
  }
  return out;
}

/** The body as one plain text for snippets: "办理条件：…　申请材料：…" (the answer of a FAQ unlabelled). */
export function bodyText(kind: string, fieldsJson: string): string {
  const fields = parseFields(fieldsJson);
  const specs = (KB_FIELD_SPECS as Record<string, Record<string, { label?: string }>>)[kind] ?? {};
  const parts: string[] = [];
  for (const key of orderedKeys(kind, fields)) {
    if (UNSEARCHED_FIELDS.has(key)) continue;
    const value = (fields[key] ?? '').replace(/\s+/g, ' ').trim();
    if (!value) continue;
    const label = key === 'answer' || key === 'summary' ? '' : specs[key]?.label;
    parts.push(label ? `${label}：${value}` : value);
  }
  return parts.join('　');
}
