import { api, buildQuery, download, postCsv, request } from './client';
import type { CreateOrderBody, OrderDetail } from './types';

/** Intake desk API (受理台): live checks, caller history, phrases, categories and intake decisions. */

export interface FiveElement {
  key: 'name' | 'time' | 'address' | 'cause' | 'process';
  label: string;
  present: boolean;
  /** Whether the element is expected for this appeal type (a consultation needs no address). */
  required?: boolean;
  hint: string;
}

export type EmergencyTarget = '110' | '119' | '120' | '122';

export interface ScopeMatch {
  ruleId: string;
  kind: 'emergency' | 'not_accept';
  label: string;
  target?: EmergencyTarget;
  reasonCode?: string;
  script: string;
  matched: string[];
}

export interface DupCandidate {
  id: string;
  orderNo: string;
  status: string;
  statusLabel: string;
  title: string;
  address: string | null;
  category: string | null;
  createdAt: string;
  similarity: number;
  reasons: string[];
}

export interface IntakeCheck {
  fiveElements: FiveElement[];
  missing: string[];
  scope: { decision: 'accept' | 'not_accept' | 'emergency'; matches: ScopeMatch[] };
  duplicates: { sameCaller: DupCandidate[]; similar: DupCandidate[] };
}

export interface CallerHistoryOrder {
  id: string;
  orderNo: string;
  status: string;
  statusLabel: string;
  title: string;
  appealType: string;
  category: string | null;
  createdAt: string;
  satisfaction: string | null;
  open: boolean;
}

export interface CallerHistory {
  phone: string;
  flag: { harassment: boolean; note: string | null; setAt: string | null };
  stats: { total: number; open: number; satisfied: number; basicallySatisfied: number; dissatisfied: number };
  orders: CallerHistoryOrder[];
}

export interface Phrase {
  id: string;
  step: string;
  stepLabel: string;
  title: string;
  text: string;
  sortOrder: number;
}

export interface Category {
  code: string;
  name: string;
  parentCode: string | null;
  level: number;
  path: string;
  emergencyHint: string | null;
  active: boolean;
}

export interface RelatedOrder {
  id: string;
  orderNo: string;
  title: string;
  status: string;
  statusLabel: string;
  kind: 'related' | 'merged_from' | 'merged_into';
}

/** The order detail as the intake endpoints return it (the base detail plus relations and evidence). */
export interface IntakeOrderDetail extends OrderDetail {
  related?: RelatedOrder[];
  mergedCallers?: number;
  knowledgeAnswer?: { articleId: string; articleVersion: number; articleTitle: string } | null;
}

export type IntakeDraft = Partial<CreateOrderBody> & Record<string, unknown>;

export type DecisionEvent = 'answer_directly' | 'reject' | 'transfer_out' | 'merge' | 'submit_for_dispatch';

export interface IntakeDecision {
  event: DecisionEvent;
  input: Record<string, string | number | boolean>;
}

export { isAbort } from './client';

export const checkIntake = (draft: IntakeDraft, signal: AbortSignal) =>
  request<IntakeCheck>('POST', '/api/intake/check', draft, signal);

export const fetchCallerHistory = (phone: string, signal: AbortSignal) =>
  request<CallerHistory>('GET', `/api/intake/caller-history${buildQuery({ phone })}`, undefined, signal);

export const createIntakeOrder = (order: IntakeDraft, decision?: IntakeDecision) =>
  api.post<IntakeOrderDetail>('/api/intake/orders', decision ? { order, decision } : { order });

export const linkOrders = (id: string, relatedOrderId: string, comment?: string) =>
  api.post<{ items: RelatedOrder[] }>(`/api/work-orders/${encodeURIComponent(id)}/links`, {
    relatedOrderId,
    ...(comment ? { comment } : {}),
  });

export const fetchPhrases = () => api.get<{ items: Phrase[] }>('/api/intake/phrases');

export const fetchCategories = () => api.get<{ items: Category[] }>('/api/categories');

// ── 受理配置 (intake settings): the editors' side of phrases, scope rules, categories and caller flags ──

/** A phrase as editors see it (disabled ones included). */
export interface EditablePhrase extends Phrase {
  active: boolean;
}

export const fetchEditablePhrases = () => api.get<{ items: EditablePhrase[] }>('/api/intake/phrases');

export const createPhrase = (body: { step: string; title: string; text: string }) =>
  api.post<EditablePhrase>('/api/intake/phrases', body);

export const updatePhrase = (id: string, body: { title: string; text: string; active?: boolean }) =>
  api.put<EditablePhrase>(`/api/intake/phrases/${encodeURIComponent(id)}`, body);

export type ScopeRuleKind = 'emergency' | 'not_accept';

export interface ScopeRule {
  id: string;
  kind: ScopeRuleKind;
  kindLabel: string;
  label: string;
  keywords: string[];
  exclusions: string[];
  categories: string[];
  target: EmergencyTarget | null;
  reasonCode: string | null;
  script: string;
  priority: number;
  active: boolean;
}

/** POST/PUT body of a scope rule (PUT replaces the whole rule). */
export interface ScopeRuleBody {
  kind: ScopeRuleKind;
  label: string;
  keywords: string[];
  exclusions: string[];
  categories: string[];
  target: EmergencyTarget | null;
  reasonCode: string | null;
  script: string;
  priority: number;
  active: boolean;
}

export const fetchScopeRules = () => api.get<{ items: ScopeRule[] }>('/api/intake/scope-rules');

export const createScopeRule = (body: ScopeRuleBody) => api.post<ScopeRule>('/api/intake/scope-rules', body);

export const updateScopeRule = (id: string, body: ScopeRuleBody) =>
  api.put<ScopeRule>(`/api/intake/scope-rules/${encodeURIComponent(id)}`, body);

/** What the scope check says about a caller's sentence (the 试一试 box). */
export const tryScope = (draft: { content: string; category?: string }) =>
  api.post<IntakeCheck>('/api/intake/check', draft);

export const updateCategory = (
  code: string,
  body: { name?: string; emergencyHint?: string; active?: boolean },
) => api.put<Category>(`/api/categories/${encodeURIComponent(code)}`, body);

export interface CategoryImportResult {
  created: number;
  updated: number;
  total: number;
  rejected: { row: number; field: string; message: string }[];
  /** Present (true) on a dry run: nothing was saved. */
  dryRun?: boolean;
}

/** POST /api/categories/import: the CSV text as `text/csv`; `dryRun` checks every row and saves nothing. */
export const importCategories = (csv: string, dryRun: boolean) =>
  postCsv<CategoryImportResult>(
    `/api/categories/import${buildQuery({ dryRun: dryRun ? 1 : undefined })}`,
    csv,
  );

/** GET /api/categories/export: the taxonomy as the CSV the import reads (audited by the server). */
export const exportCategories = () => download('/api/categories/export', 'categories.csv');

export interface CallerFlag {
  harassment: boolean;
  note: string | null;
  setAt: string | null;
}

export interface FlaggedCaller {
  phone: string;
  harassment: boolean;
  note: string | null;
  setAt: string;
  setByName: string | null;
}

/** GET /api/intake/caller-flags: numbers flagged as harassing, newest first (audited). */
export const fetchCallerFlags = () =>
  api.get<{ items: FlaggedCaller[]; total: number }>('/api/intake/caller-flags');

export const setCallerFlag = (phone: string, body: { harassment: boolean; note?: string }) =>
  api.put<{ phone: string; flag: CallerFlag }>(`/api/intake/callers/${encodeURIComponent(phone)}/flag`, body);
