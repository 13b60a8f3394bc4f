import { type FieldIssue, type Result, fail, ok } from '../errors.js';
import { isLocalDate } from '../calendar/local-date.js';

/** Planning a round (检查计划): what is asked of which guides, which number is dialled, who calls. */

export const PLAN_LIMITS = {
  nameLength: 100,
  maxUnits: 100,
  maxItems: 500,
  questionLength: 300,
  phoneLength: 40,
  maxSamplePerUnit: 20,
} as const;

export interface PlanItemInput {
  articleId: string;
  /** Empty: the default question for the guide. */
  question: string | null;
  /** Empty: the guide's 咨询电话, else the owner unit's duty phone. */
  phone: string | null;
  /** Empty: the round's checker. */
  checkerId: string | null;
}

export interface PlanInput {
  name: string;
  periodStart: string;
  periodEnd: string;
  unitIds: string[];
  checkerId: string;
  /** Either the guides picked by hand … */
  items: PlanItemInput[] | null;
  /** … or this many published guides sampled per unit. */
  samplePerUnit: number | null;
}

/** Question templates a planner can pick per guide; `{item}` is the guide's title. */
export const QUESTION_TEMPLATES = [
  { key: 'materials', label: '申请材料', text: '办理{item}需要哪些材料？', guideField: 'materials' },
  { key: 'conditions', label: '办理条件', text: '办理{item}需要满足什么条件？', guideField: 'conditions' },
  { key: 'time', label: '办理时限', text: '{item}一般多长时间能办好？', guideField: 'promisedDays' },
  {
    key: 'place',
    label: '地点与时间',
    text: '{item}在哪里办理？办公时间是什么时候？',
    guideField: 'location',
  },
  { key: 'fee', label: '收费标准', text: '办理{item}收费吗？收多少？', guideField: 'fee' },
] as const;
export type QuestionTemplateKey = (typeof QUESTION_TEMPLATES)[number]['key'];

/** The question a template makes for a guide ("办理XX需要哪些材料？"), without a doubled 办理. */
export function questionFor(title: string, key: QuestionTemplateKey = 'materials'): string {
  const template = QUESTION_TEMPLATES.find((t) => t.key === key) ?? QUESTION_TEMPLATES[0];
  const item = title.trim();
  const text = template.text.replace('{item}', item);
  return text.replace(/^办理办理/, '办理').slice(0, PLAN_LIMITS.questionLength);
}

/** The number to dial: the guide's published 咨询电话, else the owner unit's duty phone. */
export function dialNumber(
  guidePhone: string | null | undefined,
  dutyPhone: string | null | undefined,
): { phone: string; source: 'guide' | 'unit' } | null {
  const guide = guidePhone?.trim();
  if (guide) return { phone: guide.slice(0, PLAN_LIMITS.phoneLength), source: 'guide' };
  const duty = dutyPhone?.trim();
  if (duty) return { phone: duty.slice(0, PLAN_LIMITS.phoneLength), source: 'unit' };
  return null;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const hasControl = (value: unknown) => typeof value === 'string' && CONTROL.test(value);

function idList(value: unknown, field: string, max: number, issues: FieldIssue[]): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    issues.push({ field, message: '请至少选择一项' });
    return [];
  }
  if (value.length > max) issues.push({ field, message: `最多 ${max} 项` });
  const ids: string[] = [];
  value.forEach((v, i) => {
    if (typeof v !== 'string' || v.trim() === '' || v.length > 64)
      issues.push({ field: `${field}[${i}]`, message: '应为编号' });
    else if (ids.includes(v.trim())) issues.push({ field: `${field}[${i}]`, message: '不能重复' });
    else ids.push(v.trim());
  });
  return ids;
}

function parseItems(raw: unknown, issues: FieldIssue[]): PlanItemInput[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    issues.push({ field: 'items', message: '请至少选择一个办事指南' });
    return [];
  }
  if (raw.length > PLAN_LIMITS.maxItems)
    issues.push({ field: 'items', message: `最多 ${PLAN_LIMITS.maxItems} 项` });
  const items: PlanItemInput[] = [];
  raw.forEach((entry: unknown, i) => {
    const at = (key: string) => `items[${i}].${key}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      issues.push({ field: `items[${i}]`, message: '应为对象' });
      return;
    }
    const row = entry as Record<string, unknown>;
    const articleId = text(row.articleId);
    if (!articleId || articleId.length > 64)
      issues.push({ field: at('articleId'), message: '请选择办事指南' });
    else if (items.some((item) => item.articleId === articleId))
      issues.push({ field: at('articleId'), message: '同一指南不能重复' });
    for (const [key, max] of [
      ['question', PLAN_LIMITS.questionLength],
      ['phone', PLAN_LIMITS.phoneLength],
      ['checkerId', 64],
    ] as const) {
      const value = row[key];
      if (value !== undefined && value !== null && typeof value !== 'string')
        issues.push({ field: at(key), message: '应为文本' });
      else if (hasControl(value)) issues.push({ field: at(key), message: '含有不可见的控制字符' });
      else if (typeof value === 'string' && value.trim().length > max)
        issues.push({ field: at(key), message: `不能超过 ${max} 个字符` });
    }
    if (
      typeof row.phone === 'string' &&
      row.phone.trim() !== '' &&
      !/^[0-9０-９+\-—()（）\s转、,，;；/]+$/.test(row.phone.trim())
    ) {
      issues.push({ field: at('phone'), message: '电话号码只能包含数字、空格和 +-()、转' });
    }
    if (articleId)
      items.push({
        articleId,
        question: text(row.question),
        phone: text(row.phone),
        checkerId: text(row.checkerId),
      });
  });
  return items;
}

/**
 * Validates a plan's shape and its own rules (names, dates, one of items / samplePerUnit). Whether the
 * units, guides and checkers exist is the use case's check (it reads storage).
 */
export function parsePlanInput(raw: unknown): Result<PlanInput> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('VALIDATION_FAILED', '输入应为对象', [{ field: 'body', message: '应为对象' }]);
  }
  const body = raw as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  const name = text(body.name);
  if (!name) issues.push({ field: 'name', message: '请填写检查名称' });
  else if (hasControl(name)) issues.push({ field: 'name', message: '含有不可见的控制字符' });
  else if (name.length > PLAN_LIMITS.nameLength)
    issues.push({ field: 'name', message: `不能超过 ${PLAN_LIMITS.nameLength} 个字符` });
  for (const key of ['periodStart', 'periodEnd'] as const) {
    if (!isLocalDate(body[key])) issues.push({ field: key, message: '日期格式应为 YYYY-MM-DD' });
  }
  if (isLocalDate(body.periodStart) && isLocalDate(body.periodEnd) && body.periodStart > body.periodEnd) {
    issues.push({ field: 'periodEnd', message: '结束日期不能早于开始日期' });
  }
  const unitIds = idList(body.unitIds, 'unitIds', PLAN_LIMITS.maxUnits, issues);
  const checkerId = text(body.checkerId);
  if (!checkerId || checkerId.length > 64) issues.push({ field: 'checkerId', message: '请选择检查人' });
  const hasItems = body.items !== undefined && body.items !== null;
  const hasSample = body.samplePerUnit !== undefined && body.samplePerUnit !== null;
  let items: PlanItemInput[] | null = null;
  let samplePerUnit: number | null = null;
  if (hasItems === hasSample) {
    issues.push({ field: 'items', message: '请选择办事指南，或填写每单位抽查数量（二选一）' });
  } else if (hasItems) {
    items = parseItems(body.items, issues);
  } else {
    const n = body.samplePerUnit;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > PLAN_LIMITS.maxSamplePerUnit) {
      issues.push({
        field: 'samplePerUnit',
        message: `每单位抽查数量应为 1 到 ${PLAN_LIMITS.maxSamplePerUnit} 的整数`,
      });
    } else samplePerUnit = n;
  }
  if (issues.length > 0) return fail('VALIDATION_FAILED', undefined, issues);
  return ok({
    name: name as string,
    periodStart: body.periodStart as string,
    periodEnd: body.periodEnd as string,
    unitIds,
    checkerId: checkerId as string,
    items,
    samplePerUnit,
  });
}

/** A small seeded generator (mulberry32 over a string hash): the same seed samples the same guides. */
function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Picks up to `perUnit` guides of each unit at random (reproducible from `seed`), guides never checked
 * before (`lastCheckedAt` null) first, then the longest unchecked. Units keep the order given.
 */
export function sampleGuides<G extends { ownerUnitId: string | null; lastCheckedAt?: string | null }>(
  guides: readonly G[],
  unitIds: readonly string[],
  perUnit: number,
  seed: string,
): G[] {
  const random = seededRandom(seed);
  return unitIds.flatMap((unitId) => {
    const own = guides.filter((g) => g.ownerUnitId === unitId);
    const shuffled = own.map((g) => ({ g, r: random() }));
    shuffled.sort((x, y) => {
      const a = x.g.lastCheckedAt ?? '';
      const b = y.g.lastCheckedAt ?? '';
      return a === b ? x.r - y.r : a < b ? -1 : 1;
    });
    return shuffled.slice(0, perUnit).map((s) => s.g);
  });
}
