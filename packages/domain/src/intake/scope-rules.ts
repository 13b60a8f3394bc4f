import { type FieldIssue, type Result, fail, ok } from '../errors.js';
import { normalizeText } from '../text/chinese-text.js';
import { NOT_ACCEPTED_REASONS, type NotAcceptedReason } from '../work-order.fields.js';
import { type IntakeDraft, draftText } from './intake-draft.js';

/**
 * Scope of acceptance (受理范围, domain.md §5): keyword rules that flag emergencies (to transfer to
 * 110/119/120/122 at once) and matters the hotline does not accept (with the proper channel to tell
 * the caller). The decision is a PROMPT for the agent: the agent hears the whole call and decides.
 */
export const SCOPE_RULE_KINDS = ['emergency', 'not_accept'] as const;
export type ScopeRuleKind = (typeof SCOPE_RULE_KINDS)[number];

export const EMERGENCY_TARGETS = ['110', '119', '120', '122'] as const;
export type EmergencyTarget = (typeof EMERGENCY_TARGETS)[number];

export const SCOPE_RULE_KIND_LABELS: Record<ScopeRuleKind, string> = {
  emergency: '紧急转接',
  not_accept: '不予受理',
};

export interface ScopeRule {
  id: string;
  kind: ScopeRuleKind;
  label: string;
  /** Words or phrases that trigger the rule (matched in title + content, case and width folded). */
  keywords: string[];
  /** Phrases that cancel a keyword they contain (`火灾隐患` is a hazard report, not a fire). */
  exclusions: string[];
  /** Category codes; a draft whose category is one of them or below one of them triggers the rule. */
  categories: string[];
  /** Emergency rules: where to transfer. */
  target?: EmergencyTarget;
  /** Not-accept rules: the reason code recorded when the agent rejects. */
  reasonCode?: NotAcceptedReason;
  /** What the agent says (service language, domain.md §8). */
  script: string;
  /** Higher first among matches of the same kind. */
  priority: number;
  active: boolean;
}

export interface ScopeMatch {
  ruleId: string;
  kind: ScopeRuleKind;
  label: string;
  target?: EmergencyTarget;
  reasonCode?: NotAcceptedReason;
  script: string;
  /** The keywords found (and `分类：<code>` for a category match). */
  matched: string[];
}

export type ScopeDecisionKind = 'accept' | 'not_accept' | 'emergency';

export interface ScopeDecision {
  decision: ScopeDecisionKind;
  matches: ScopeMatch[];
}

/**
 * A keyword occurrence is negated when the words right before it deny it: `不是火灾`, `没有人受伤`,
 * `未发生火灾`, `无人受伤`. Only these tight forms count, so `没想到他们打架` still triggers: a missed
 * emergency costs more than a false prompt.
 */
const NEGATION_BEFORE = /(不是|并非|并不是|没有|没|未|无|不存在|排除)(人|人员|发生|出现|什么|有|任何)?$/u;

/** Clause boundaries: a negation never reaches across punctuation. */
const CLAUSE_BREAK = /[。，,.!！?？;；:：\n]/u;

function occurrences(text: string, word: string): number[] {
  const found: number[] = [];
  if (!word) return found;
  let at = text.indexOf(word);
  while (at !== -1) {
    found.push(at);
    at = text.indexOf(word, at + 1);
  }
  return found;
}

function negated(text: string, at: number): boolean {
  const before =
    text
      .slice(Math.max(0, at - 6), at)
      .split(CLAUSE_BREAK)
      .at(-1) ?? '';
  return NEGATION_BEFORE.test(before.replaceAll(' ', ''));
}

/** The clause (between punctuation) around position `at`. */
function clauseAround(text: string, at: number): string {
  let start = at;
  while (start > 0 && !CLAUSE_BREAK.test(text[start - 1] ?? '')) start--;
  let end = at;
  while (end < text.length && !CLAUSE_BREAK.test(text[end] ?? '')) end++;
  return text.slice(start, end);
}

/**
 * An exclusion that contains the keyword cancels the occurrences it covers (`火灾隐患` for `火灾`); one
 * that does not cancels occurrences in the same clause (`宠物` for `走失`: `我家宠物狗走失了`).
 */
function excluded(text: string, at: number, word: string, exclusions: readonly string[]): boolean {
  return exclusions.some((phrase) => {
    const offset = phrase.indexOf(word);
    if (offset === -1) return clauseAround(text, at).includes(phrase);
    return at - offset >= 0 && text.startsWith(phrase, at - offset);
  });
}

/** Keywords of `rule` that occur in `text` at least once neither negated nor excluded. */
export function matchedKeywords(text: string, rule: Pick<ScopeRule, 'keywords' | 'exclusions'>): string[] {
  const exclusions = rule.exclusions.map(normalizeText).filter(Boolean);
  const found: string[] = [];
  for (const keyword of rule.keywords) {
    const word = normalizeText(keyword);
    if (!word) continue;
    const live = occurrences(text, word).some(
      (at) => !negated(text, at) && !excluded(text, at, word, exclusions),
    );
    if (live && !found.includes(keyword)) found.push(keyword);
  }
  return found;
}

function categoryMatch(category: string | undefined, codes: readonly string[]): string | undefined {
  if (!category) return undefined;
  return codes.find((code) => code && category.startsWith(code));
}

/** Runs the active rules over a draft: emergency beats not-accept beats accept. */
export function evaluateScope(draft: IntakeDraft, rules: readonly ScopeRule[]): ScopeDecision {
  // Normalised like the keywords, but punctuation kept as a space so clause breaks survive.
  const text = draftText(draft)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}。，,.!！?？;；:：\n]+/gu, ' ');
  const matches: (ScopeMatch & { priority: number })[] = [];
  for (const rule of rules) {
    if (!rule.active) continue;
    const matched = matchedKeywords(text, rule);
    const code = categoryMatch(draft.category, rule.categories);
    if (code) matched.push(`分类：${code}`);
    if (matched.length === 0) continue;
    matches.push({
      ruleId: rule.id,
      kind: rule.kind,
      label: rule.label,
      ...(rule.target ? { target: rule.target } : {}),
      ...(rule.reasonCode ? { reasonCode: rule.reasonCode } : {}),
      script: rule.script,
      matched,
      priority: rule.priority,
    });
  }
  const rank = (m: ScopeMatch) => (m.kind === 'emergency' ? 0 : 1);
  matches.sort((a, b) => rank(a) - rank(b) || b.priority - a.priority || a.ruleId.localeCompare(b.ruleId));
  const decision: ScopeDecisionKind = matches.some((m) => m.kind === 'emergency')
    ? 'emergency'
    : matches.length > 0
      ? 'not_accept'
      : 'accept';
  return { decision, matches: matches.map(({ priority: _, ...m }) => m) };
}

export interface ScopeRuleInput {
  kind: ScopeRuleKind;
  label: string;
  keywords: string[];
  exclusions: string[];
  categories: string[];
  target: EmergencyTarget | null;
  reasonCode: NotAcceptedReason | null;
  script: string;
  priority: number;
  active: boolean;
}

const KNOWN_RULE_FIELDS = [
  'kind',
  'label',
  'keywords',
  'exclusions',
  'categories',
  'target',
  'reasonCode',
  'script',
  'priority',
  'active',
];

function wordList(value: unknown, field: string, issues: FieldIssue[], max: number): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    issues.push({ field, message: '应为文本列表' });
    return [];
  }
  const words = [...new Set(value.map((v: string) => v.trim()).filter(Boolean))];
  if (words.length > max) issues.push({ field, message: `最多 ${max} 项` });
  if (words.some((w) => w.length > 30)) issues.push({ field, message: '每项不能超过 30 个字符' });
  return words;
}

/** Validates a rule as an editor submits it (create or full replacement). */
export function parseScopeRule(raw: unknown): Result<ScopeRuleInput> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('VALIDATION_FAILED', '输入应为对象', [{ field: 'body', message: '应为对象' }]);
  }
  const r = raw as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(r)) {
    if (!KNOWN_RULE_FIELDS.includes(key)) issues.push({ field: key, message: '不支持的字段' });
  }
  const kind = r.kind;
  if (kind !== 'emergency' && kind !== 'not_accept') {
    issues.push({ field: 'kind', message: '规则类型应为 emergency（紧急转接）或 not_accept（不予受理）' });
  }
  const text = (field: string, max: number, required: boolean): string => {
    const v = r[field];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      if (required) issues.push({ field, message: '请填写' });
      return '';
    }
    if (typeof v !== 'string') {
      issues.push({ field, message: '应为文本' });
      return '';
    }
    if (v.trim().length > max) issues.push({ field, message: `不能超过 ${max} 个字符` });
    return v.trim();
  };
  const label = text('label', 50, true);
  const script = text('script', 500, true);
  const keywords = wordList(r.keywords, 'keywords', issues, 100);
  const exclusions = wordList(r.exclusions, 'exclusions', issues, 100);
  const categories = wordList(r.categories, 'categories', issues, 50);
  if (keywords.length === 0 && categories.length === 0 && !issues.some((i) => i.field === 'keywords')) {
    issues.push({ field: 'keywords', message: '请至少填写一个关键词或一个分类' });
  }
  let target: EmergencyTarget | null = null;
  let reasonCode: NotAcceptedReason | null = null;
  if (kind === 'emergency') {
    if (!(EMERGENCY_TARGETS as readonly unknown[]).includes(r.target)) {
      issues.push({ field: 'target', message: `紧急规则需指定转接对象：${EMERGENCY_TARGETS.join('、')}` });
    } else target = r.target as EmergencyTarget;
  }
  if (kind === 'not_accept') {
    if (!(NOT_ACCEPTED_REASONS.values as readonly unknown[]).includes(r.reasonCode)) {
      issues.push({ field: 'reasonCode', message: '不予受理规则需指定原因代码' });
    } else reasonCode = r.reasonCode as NotAcceptedReason;
  }
  let priority = 0;
  if (r.priority !== undefined && r.priority !== null) {
    if (typeof r.priority !== 'number' || !Number.isInteger(r.priority) || Math.abs(r.priority) > 1000) {
      issues.push({ field: 'priority', message: '优先级应为 -1000 到 1000 之间的整数' });
    } else priority = r.priority;
  }
  if (r.active !== undefined && typeof r.active !== 'boolean') {
    issues.push({ field: 'active', message: '应为是或否' });
  }
  if (issues.length > 0) return fail('VALIDATION_FAILED', undefined, issues);
  return ok({
    kind: kind as ScopeRuleKind,
    label,
    keywords,
    exclusions,
    categories,
    target,
    reasonCode,
    script,
    priority,
    active: r.active !== false,
  });
}
