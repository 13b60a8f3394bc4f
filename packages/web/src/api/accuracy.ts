import type {
  AccuracySettings,
  CheckKind,
  CheckVerdict,
  CorrectionReason,
  FieldSpecs,
  RoundStatus,
  TaskAction,
  TaskStatus,
} from '@huawu/domain';
import { api, buildQuery } from './client';
import type { DeadlineState, Page } from './types';

/** Shapes of the accuracy API (docs/ACCURACY.md). */

export interface CheckView {
  id: string;
  kind: CheckKind;
  kindLabel: string;
  attempt: number;
  calledNumber: string;
  reached: boolean;
  answerSeconds: number | null;
  rings: number | null;
  verdict: CheckVerdict;
  verdictLabel: string;
  guideOutdated: boolean;
  notes: string | null;
  checkedByName: string;
  checkedAt: string;
}

export interface TaskBrief {
  id: string;
  status: TaskStatus;
  statusLabel: string;
  deadlineAt: string;
  deadlineState: Exclude<DeadlineState, null> | null;
  recheckCount: number;
}

export interface AccuracyItem {
  id: string;
  seq: number;
  articleId: string;
  articleVersion: number;
  guideTitle: string;
  itemCode: string | null;
  ownerUnitId: string;
  ownerUnitName: string;
  question: string;
  phone: string;
  checkerId: string;
  checkerName: string;
  check: CheckView | null;
  rechecks: CheckView[];
  task: TaskBrief | null;
}

export interface AccuracyItemDetail extends AccuracyItem {
  roundId: string;
  roundName: string;
  roundStatus: RoundStatus;
  roundStatusLabel: string;
  canRecord: boolean;
  /** The guide version planned as the reference. */
  expected: GuideVersionRef | null;
  /** The version published now, when the guide was revised since (re-checks compare with it). */
  current: GuideVersionRef | null;
}

export interface GuideVersionRef {
  version: number;
  title: string;
  fields: Record<string, string>;
  createdAt: string;
}

export interface RoundSummary {
  id: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  unitIds: string[];
  unitNames: string[];
  status: RoundStatus;
  statusLabel: string;
  checkerId: string;
  checkerName: string;
  createdByName: string;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  progress: { items: number; checked: number; unresolvedTasks: number };
}

export interface RoundDetail extends RoundSummary {
  allowedActions: { name: string; label: string }[];
  canRecord: boolean;
  items: AccuracyItem[];
}

export interface GuideCandidate {
  articleId: string;
  title: string;
  itemCode: string | null;
  ownerUnitId: string | null;
  ownerUnitName: string;
  publishedVersion: number;
  question: string;
  phone: string | null;
  phoneSource: 'guide' | 'unit' | null;
  lastCheckedAt: string | null;
}

export interface Checker {
  id: string;
  displayName: string;
  role: string;
  roleLabel: string;
}

export interface PlanBody {
  name: string;
  periodStart: string;
  periodEnd: string;
  unitIds: string[];
  checkerId: string;
  items?: { articleId: string; question?: string; phone?: string; checkerId?: string }[];
  samplePerUnit?: number;
}

export interface CheckBody {
  reached: boolean;
  answerSeconds?: number;
  rings?: number;
  verdict: CheckVerdict;
  guideOutdated?: boolean;
  notes?: string;
  calledNumber?: string;
}

export interface UnitReport {
  unitId: string;
  unitName: string;
  items: number;
  unchecked: number;
  checks: number;
  reached: number;
  accurate: number;
  partly: number;
  wrong: number;
  unreachable: number;
  outdatedGuides: number;
  reachedRate: number | null;
  meanAnswerSeconds: number | null;
  accuracyRate: number | null;
  tasksOpened: number;
  tasksUnresolved: number;
}

export interface Discrepancy {
  itemId: string;
  roundId: string;
  unitId: string;
  unitName: string;
  guideTitle: string;
  articleId: string;
  articleVersion: number;
  question: string;
  verdict: CheckVerdict;
  verdictLabel: string;
  guideOutdated: boolean;
  notes: string | null;
  checkedAt: string;
  checkedByName: string;
  taskId: string | null;
  taskStatus: TaskStatus | null;
  taskStatusLabel: string | null;
}

export interface AccuracyReport {
  scope: {
    kind: 'round' | 'period';
    roundId: string | null;
    roundName: string | null;
    from: string;
    to: string;
  };
  partlyWeight: number;
  formula: string;
  total: UnitReport;
  units: UnitReport[];
  discrepancies: Discrepancy[];
}

export interface TaskSummary extends TaskBrief {
  roundId: string;
  roundName: string;
  itemId: string;
  articleId: string;
  articleVersion: number;
  guideTitle: string;
  itemCode: string | null;
  question: string;
  phone: string;
  ownerUnitId: string;
  ownerUnitName: string;
  reasons: { code: CorrectionReason; label: string }[];
  openedAt: string;
  fixedAt: string | null;
  recheckPlannedOn: string | null;
  recheckCheckerName: string | null;
  closedAt: string | null;
}

export interface TaskDetail extends TaskSummary {
  version: number;
  fixNote: string | null;
  fixedByName: string | null;
  proposedVersion: number | null;
  recheckCheckerId: string | null;
  allowedActions: { name: TaskAction; label: string; input: FieldSpecs }[];
  checks: CheckView[];
  history: {
    at: string;
    action: string;
    actionLabel: string;
    actorName: string | null;
    detail: Record<string, unknown> | null;
  }[];
}

export interface TaskQuery {
  status?: TaskStatus[];
  unitId?: string;
  roundId?: string;
  overdue?: boolean;
  page: number;
  pageSize: number;
}

const base = '/api/accuracy';
const enc = encodeURIComponent;

export const fetchAccuracySettings = () => api.get<AccuracySettings>(`${base}/settings`);
export const fetchCheckers = async () => (await api.get<{ items: Checker[] }>(`${base}/checkers`)).items;
export const fetchGuideCandidates = async (unitIds: string[]) =>
  (await api.get<{ items: GuideCandidate[] }>(`${base}/guides${buildQuery({ unitIds: unitIds.join(',') })}`))
    .items;

export const listRounds = (query: { status?: RoundStatus[]; page: number; pageSize: number }) =>
  api.get<Page<RoundSummary>>(
    `${base}/rounds${buildQuery({ status: query.status?.join(','), page: query.page, pageSize: query.pageSize })}`,
  );
export const planRound = (body: PlanBody) => api.post<RoundDetail>(`${base}/rounds`, body);
export const getRound = (id: string) => api.get<RoundDetail>(`${base}/rounds/${enc(id)}`);
export const actOnRound = (id: string, action: string) =>
  api.post<RoundDetail>(`${base}/rounds/${enc(id)}/actions`, { action });
export const getItem = (roundId: string, itemId: string) =>
  api.get<AccuracyItemDetail>(`${base}/rounds/${enc(roundId)}/items/${enc(itemId)}`);
export const recordCheck = (roundId: string, itemId: string, body: CheckBody) =>
  api.post<AccuracyItemDetail>(`${base}/rounds/${enc(roundId)}/items/${enc(itemId)}/checks`, body);
export const getRoundReport = (id: string) => api.get<AccuracyReport>(`${base}/rounds/${enc(id)}/report`);
export const roundReportCsvUrl = (id: string) => `${base}/rounds/${enc(id)}/report.csv`;
export const getPeriodReport = (from: string, to: string) =>
  api.get<AccuracyReport>(`${base}/report${buildQuery({ from, to })}`);

export const listTasks = (query: TaskQuery) =>
  api.get<Page<TaskSummary>>(
    `${base}/tasks${buildQuery({
      status: query.status?.length ? query.status.join(',') : undefined,
      unitId: query.unitId,
      roundId: query.roundId,
      overdue: query.overdue ? 'true' : undefined,
      page: query.page,
      pageSize: query.pageSize,
    })}`,
  );
export const getTask = (id: string) => api.get<TaskDetail>(`${base}/tasks/${enc(id)}`);
export const actOnTask = (id: string, action: string, input: Record<string, unknown>) =>
  api.post<TaskDetail>(`${base}/tasks/${enc(id)}/actions`, { action, input });
