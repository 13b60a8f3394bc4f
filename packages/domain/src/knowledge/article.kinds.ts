import type { FieldSpecs } from '../input-fields.js';

/** Kinds of knowledge-base articles (domain.md §6) and the fields each carries. */
export const KB_ARTICLE_KINDS = {
  values: ['guide', 'faq'] as const,
  labels: { guide: '办事指南', faq: '知识点' } as Record<'guide' | 'faq', string>,
};
export type KbArticleKind = (typeof KB_ARTICLE_KINDS.values)[number];

export function isKbArticleKind(value: unknown): value is KbArticleKind {
  return typeof value === 'string' && (KB_ARTICLE_KINDS.values as readonly string[]).includes(value);
}

const text = (label: string, maxLength: number, multiline = false) =>
  ({ kind: 'text', label, required: false, maxLength, ...(multiline ? { multiline } : {}) }) as const;

/**
 * 办事指南 (service guide) fields. Time limits are text: "即办", "5个工作日" and "法定20日" are all
 * common, so they are not numbers. All optional: an imported guide may carry only its name, code,
 * owner and official link.
 */
export const KB_GUIDE_FIELDS: FieldSpecs = {
  conditions: text('办理条件', 2000, true),
  materials: text('申请材料', 4000, true),
  promisedDays: text('承诺时限', 100),
  legalDays: text('法定时限', 100),
  location: text('办理地点', 500, true),
  hours: text('办理时间', 200),
  phone: text('咨询电话', 100),
  fee: text('收费标准', 500, true),
  basis: text('设定依据', 4000, true),
  onlineUrl: text('在线办理', 500),
  summary: text('摘要', 1000, true),
};

/** 知识点 (FAQ): a question, the approved answer wording (答复口径) and its policy basis. */
export const KB_FAQ_FIELDS: FieldSpecs = {
  question: { kind: 'text', label: '问题', required: true, maxLength: 200 },
  answer: { kind: 'text', label: '答复口径', required: true, maxLength: 4000, multiline: true },
  basis: text('政策依据', 2000, true),
};

export const KB_FIELD_SPECS: Record<KbArticleKind, FieldSpecs> = {
  guide: KB_GUIDE_FIELDS,
  faq: KB_FAQ_FIELDS,
};

/** Fields that must be an http(s) address. */
export const KB_URL_FIELDS: readonly string[] = ['onlineUrl'];

/** Limits of the article's own properties (besides its fields). */
export const KB_LIMITS = {
  title: 200,
  keywords: 500,
  itemCode: 100,
  ownerUnitName: 100,
  changeNote: 500,
  comment: 2000,
} as const;

/** `http://` or `https://` with a host, no spaces. */
export function isWebAddress(value: string): boolean {
  if (!/^https?:\/\/[^\s/?#]+[^\s]*$/i.test(value)) return false;
  try {
    return Boolean(new URL(value).host);
  } catch {
    return false;
  }
}

/** Official item codes (事项编码): letters, digits and hyphens, e.g. `511A0138000000-511602000000-000-…`. */
export function isItemCode(value: string): boolean {
  return value.length <= KB_LIMITS.itemCode && /^[0-9A-Za-z][0-9A-Za-z-]*$/.test(value);
}
