import type { KbArticle } from '../../api/kb-search';

const GUIDE_ORDER = [
  'conditions',
  'materials',
  'promisedDays',
  'legalDays',
  'location',
  'hours',
  'phone',
  'fee',
  'onlineUrl',
];
const GUIDE_LABELS: Record<string, string> = {
  conditions: '办理条件',
  materials: '申请材料',
  promisedDays: '承诺时限',
  legalDays: '法定时限',
  location: '办理地点',
  hours: '办理时间',
  phone: '咨询电话',
  fee: '收费标准',
  basis: '设定依据',
  onlineUrl: '在线办理',
  summary: '摘要',
  question: '问题',
  answer: '答复口径',
};

export const fieldLabel = (article: KbArticle, key: string) =>
  article.fieldSpecs?.[key]?.label ?? GUIDE_LABELS[key] ?? key;

/**
 * The reply an agent reads out, pre-filled from the article (the agent edits it before answering): an
 * FAQ's 答复口径; a guide's 摘要 followed by its practical fields (conditions, materials, time limits,
 * where, when, phone and the online address).
 */
export function answerFromArticle(article: KbArticle): string {
  const fields = article.fields ?? {};
  const faqAnswer = fields.answer?.trim();
  if (article.kind === 'faq' && faqAnswer) return faqAnswer;
  const lines = GUIDE_ORDER.filter((key) => fields[key]?.trim()).map(
    (key) => `${fieldLabel(article, key)}：${fields[key]?.trim()}`,
  );
  const owner = article.ownerUnitName ? `（${article.ownerUnitName}）` : '';
  return [`关于“${article.title}”${owner}：`, fields.summary?.trim() ?? faqAnswer ?? '', ...lines]
    .filter(Boolean)
    .join('\n');
}
