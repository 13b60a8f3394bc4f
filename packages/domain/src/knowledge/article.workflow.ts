import { type FieldIssue, type Result, fail, ok } from '../errors.js';
import { type FieldSpecs, type ParsedInput, parseFields } from '../input-fields.js';
import { type Actor, type Role, isUnitRole } from '../roles.js';
import { KB_LIMITS } from './article.kinds.js';
import type { KbArticleStatus, KbVersionStatus } from './article.status.js';

/**
 * The version workflow of knowledge-base articles: the one place that decides who may do what, from
 * which status, and what follows. Every version is immutable content; only its status changes.
 *
 *   edit (propose) ──▶ draft ──submit──▶ in_review ──approve──▶ published ──(next approval)──▶ superseded
 *                        │                  │ └──reject──▶ rejected
 *                        └──withdraw────────┴──withdraw──▶ withdrawn
 *   article: published ──expire──▶ expired (a later approval publishes it again)
 *
 * Roles: every centre role may propose (edit) and submit, for any article; unit roles (unit_handler,
 * unit_admin) only for articles owned by their unit or a unit below it, and may only create articles
 * for those units. Only the centre's editors (supervisor, admin) approve, reject and expire. A pending
 * version is withdrawn by its author or an editor. At most one version is pending (the latest): a new
 * proposal replaces a pending draft (which becomes withdrawn) and is refused while one is in review.
 */
export const KB_ACTIONS = ['edit', 'submit', 'approve', 'reject', 'withdraw', 'expire'] as const;
export type KbAction = (typeof KB_ACTIONS)[number];

export const KB_EDITOR_ROLES: readonly Role[] = ['supervisor', 'admin'];

/** Who acts, with the materialised path of their unit (`/east/east-heping/`) for the ownership rule. */
export interface KbActor extends Actor {
  unitPath: string | null;
}

/** What the workflow needs to know of an article. */
export interface KbWorkflowArticle {
  status: KbArticleStatus;
  /** Path of the owner unit; null when the owner is known by name only (imported). */
  ownerUnitPath: string | null;
  publishedVersion: number | null;
  latestVersion: number;
  /** The latest version (the only one that can be pending). */
  latest: { version: number; status: KbVersionStatus; authorId: string };
}

const comment = (label: string, required: boolean) =>
  ({ kind: 'text', label, required, maxLength: KB_LIMITS.comment, multiline: true }) as const;

interface ActionDef {
  label: string;
  /** Article statuses the action starts from (article actions). */
  articleFrom?: readonly KbArticleStatus[];
  /** Statuses the latest version must be in (version actions and edit). */
  versionFrom?: readonly KbVersionStatus[];
  may: (article: KbWorkflowArticle, actor: KbActor) => boolean;
  input: FieldSpecs;
  /** The status the acted-on version enters (edit: the new version's). */
  versionTo?: KbVersionStatus;
  articleTo: (article: KbWorkflowArticle) => KbArticleStatus;
}

const isEditor = (actor: Actor) => KB_EDITOR_ROLES.includes(actor.role);

/** Whether a unit (by path) lies in the actor's own subtree; centre roles are never limited. */
export function kbOwnsUnit(actor: KbActor, ownerUnitPath: string | null): boolean {
  if (!isUnitRole(actor.role)) return true;
  return ownerUnitPath !== null && actor.unitPath !== null && ownerUnitPath.startsWith(actor.unitPath);
}

const mayEdit = (a: KbWorkflowArticle, actor: KbActor) => kbOwnsUnit(actor, a.ownerUnitPath);
const neverPublished = (a: KbWorkflowArticle) => a.publishedVersion === null;
const NOT_IN_REVIEW: readonly KbVersionStatus[] = [
  'draft',
  'published',
  'rejected',
  'superseded',
  'withdrawn',
];

const ACTIONS: Record<KbAction, ActionDef> = {
  edit: {
    label: '修改',
    versionFrom: NOT_IN_REVIEW,
    may: mayEdit,
    input: {},
    versionTo: 'draft',
    articleTo: (a) => (neverPublished(a) ? 'draft' : a.status),
  },
  submit: {
    label: '提交审核',
    versionFrom: ['draft'],
    may: mayEdit,
    input: {},
    versionTo: 'in_review',
    articleTo: (a) => (neverPublished(a) ? 'in_review' : a.status),
  },
  approve: {
    label: '审核通过并发布',
    versionFrom: ['in_review'],
    may: (_, actor) => isEditor(actor),
    input: { comment: comment('审核意见', false) },
    versionTo: 'published',
    articleTo: () => 'published',
  },
  reject: {
    label: '退回',
    versionFrom: ['in_review'],
    may: (_, actor) => isEditor(actor),
    input: { comment: comment('退回理由', true) },
    versionTo: 'rejected',
    articleTo: (a) => (neverPublished(a) ? 'draft' : a.status),
  },
  withdraw: {
    label: '撤回',
    versionFrom: ['draft', 'in_review'],
    may: (a, actor) => isEditor(actor) || a.latest.authorId === actor.userId,
    input: { comment: comment('撤回说明', false) },
    versionTo: 'withdrawn',
    articleTo: (a) => (neverPublished(a) ? 'draft' : a.status),
  },
  expire: {
    label: '失效',
    articleFrom: ['published'],
    may: (_, actor) => isEditor(actor),
    input: { reason: comment('失效原因', true) },
    articleTo: () => 'expired',
  },
};

export const KB_ACTION_LABELS: Record<KbAction, string> = Object.fromEntries(
  KB_ACTIONS.map((a) => [a, ACTIONS[a].label]),
) as Record<KbAction, string>;

export function isKbAction(value: unknown): value is KbAction {
  return typeof value === 'string' && (KB_ACTIONS as readonly string[]).includes(value);
}

export function kbActionInputs(action: KbAction): FieldSpecs {
  return ACTIONS[action].input;
}

export interface KbOutcome {
  action: KbAction;
  /** The version acted on (edit: the new version's number). */
  version: number | null;
  versionTo: KbVersionStatus | null;
  articleTo: KbArticleStatus;
  /** approve: the version that was published until now (→ superseded). */
  supersedes: number | null;
  /** edit: the pending draft the new version replaces (→ withdrawn). */
  replacesDraft: number | null;
  input: ParsedInput;
}

function statusAllows(def: ActionDef, article: KbWorkflowArticle): boolean {
  if (def.articleFrom && !def.articleFrom.includes(article.status)) return false;
  if (def.versionFrom && !def.versionFrom.includes(article.latest.status)) return false;
  return true;
}

/** The actions this actor may take on this article now (on its latest version): the UI's buttons. */
export function kbAllowedActions(article: KbWorkflowArticle, actor: KbActor): KbAction[] {
  return KB_ACTIONS.filter(
    (name) => statusAllows(ACTIONS[name], article) && ACTIONS[name].may(article, actor),
  );
}

/**
 * Checks one action, in this order: action known → the version is the article's pending one → status
 * allows it → role and ownership → inputs. `version` names the version acted on (version actions).
 */
export function kbTransition(
  article: KbWorkflowArticle,
  actor: KbActor,
  action: string,
  rawInput: unknown,
  version?: number,
): Result<KbOutcome> {
  if (!isKbAction(action)) return fail('UNKNOWN_EVENT', `未知的操作：${String(action).slice(0, 40)}`);
  const def = ACTIONS[action];
  const versionAction = action !== 'edit' && action !== 'expire';
  if (versionAction && version !== article.latest.version) {
    return fail('TRANSITION_NOT_ALLOWED', `第 ${version} 版不是待处理的版本，不能「${def.label}」`);
  }
  if (!statusAllows(def, article)) {
    const why = action === 'edit' ? '：已有待审核的版本，请等待审核结果或先撤回' : '';
    return fail('TRANSITION_NOT_ALLOWED', `当前状态下不能「${def.label}」${why}`);
  }
  if (!def.may(article, actor)) {
    const why = isUnitRole(actor.role) && !isEditorAction(action) ? '：该条目不属于本单位' : '';
    return fail('ROLE_NOT_PERMITTED', `您无权「${def.label}」${why}`);
  }
  const parsed = parseFields(def.input, rawInput ?? {}, '');
  if (!parsed.ok) {
    const issues: FieldIssue[] = (parsed.error.issues ?? []).map((i) => ({
      ...i,
      field: i.field.replace(/^\./, ''),
    }));
    return fail('VALIDATION_FAILED', undefined, issues);
  }
  const pending = article.latest.status === 'draft' ? article.latest.version : null;
  return ok({
    action,
    version: action === 'edit' ? article.latestVersion + 1 : versionAction ? article.latest.version : null,
    versionTo: def.versionTo ?? null,
    articleTo: def.articleTo(article),
    supersedes: action === 'approve' ? article.publishedVersion : null,
    replacesDraft: action === 'edit' ? pending : null,
    input: parsed.value,
  });
}

const isEditorAction = (action: KbAction) =>
  action === 'approve' || action === 'reject' || action === 'expire';

/** Creating an article: centre roles for any owner; unit roles for their own unit or one below it. */
export function kbMayCreate(actor: KbActor, ownerUnitPath: string | null): Result<true> {
  if (kbOwnsUnit(actor, ownerUnitPath)) return ok(true);
  return fail('ROLE_NOT_PERMITTED', '承办单位只能为本单位（或下级单位）新建知识条目', [
    { field: 'ownerUnitId', message: '只能选择本单位或下级单位' },
  ]);
}

/** Importing (publishing directly, without review) is for the centre's editors. */
export function kbMayImport(actor: Actor): boolean {
  return isEditor(actor);
}

/** Resolving or dismissing knowledge gaps is for the centre's editors. */
export function kbMayResolveGaps(actor: Actor): boolean {
  return isEditor(actor);
}

/** Unit roles see published articles everywhere and every article of their own subtree. */
export function kbSeesAllStatuses(actor: KbActor, ownerUnitPath: string | null): boolean {
  return kbOwnsUnit(actor, ownerUnitPath);
}

/** A new article: version 1, a draft. */
export const KB_CREATED = { articleStatus: 'draft', versionStatus: 'draft' } as const satisfies {
  articleStatus: KbArticleStatus;
  versionStatus: KbVersionStatus;
};

/**
 * An import by the centre publishes at once (no review: the editors import an official catalogue):
 * the new version is published and the one published before is superseded.
 */
export const KB_IMPORTED = {
  articleStatus: 'published',
  versionStatus: 'published',
  changeNote: '导入',
} as const satisfies { articleStatus: KbArticleStatus; versionStatus: KbVersionStatus; changeNote: string };

/** What an approval makes of the version published before it. */
export const KB_SUPERSEDED_STATUS: KbVersionStatus = 'superseded';
/** What a new proposal makes of a pending draft it replaces. */
export const KB_REPLACED_DRAFT_STATUS: KbVersionStatus = 'withdrawn';
