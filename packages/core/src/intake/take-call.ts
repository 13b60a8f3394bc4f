import {
  type Actor,
  type FieldIssue,
  INTAKE_FIELDS,
  TRANSFER_TARGETS,
  type TransferTarget,
  parseIntake,
} from '@huawu/domain';
import { AppError, isAppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import {
  assertMayTakeIntake,
  assignOrderNumber,
  insertNewOrder,
  parseIntakeChecked,
} from '../use-cases/create-work-order.js';
import { detailOf } from '../use-cases/get-work-order.js';
import { publishNewNotices } from '../notifications/after-commit.js';
import { applyTransition, transitionContext } from '../use-cases/transition-work-order.js';
import { categoryIssue } from './category-check.js';

/** The decisions an agent can take on the call itself (the events that leave `intake`). */
export const INTAKE_DECISIONS = [
  'answer_directly',
  'reject',
  'transfer_out',
  'merge',
  'submit_for_dispatch',
] as const;
export type IntakeDecision = (typeof INTAKE_DECISIONS)[number];

interface TakeCallBody {
  order: Record<string, unknown>;
  decision?: { event: IntakeDecision; input: Record<string, unknown> };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function parseBody(raw: unknown): TakeCallBody {
  if (!isObject(raw)) throw AppError.validation('body', '应为对象');
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(raw)) {
    if (key !== 'order' && key !== 'decision') issues.push({ field: key, message: '不支持的字段' });
  }
  if (!isObject(raw.order)) issues.push({ field: 'order', message: '请提供工单内容' });
  let decision: TakeCallBody['decision'];
  if (raw.decision !== undefined && raw.decision !== null) {
    const d = raw.decision;
    if (!isObject(d)) issues.push({ field: 'decision', message: '应为对象' });
    else {
      for (const key of Object.keys(d)) {
        if (key !== 'event' && key !== 'input')
          issues.push({ field: `decision.${key}`, message: '不支持的字段' });
      }
      if (!(INTAKE_DECISIONS as readonly unknown[]).includes(d.event)) {
        issues.push({
          field: 'decision.event',
          message: `受理决定应为以下之一：${INTAKE_DECISIONS.join('、')}`,
        });
      }
      if (d.input !== undefined && d.input !== null && !isObject(d.input)) {
        issues.push({ field: 'decision.input', message: '应为对象' });
      }
      decision = { event: d.event as IntakeDecision, input: isObject(d.input) ? d.input : {} };
    }
  }
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', undefined, issues);
  return { order: raw.order as Record<string, unknown>, decision };
}

const textLimit = (key: string) => {
  const spec = INTAKE_FIELDS[key];
  return spec?.kind === 'text' ? spec.maxLength : 100;
};

/**
 * The one-click emergency transfer must never fail on the form: the agent is transferring a caller in
 * danger. Missing essentials get defaults (channel phone, type help, urgency critical, a title and
 * content naming the transfer), text is cut to its limit, and any optional field that still does not
 * validate (a garbled number, an unknown category) is left out — noted in the content, not refused.
 */
async function emergencyIntake(deps: CoreDeps, raw: Record<string, unknown>, target: TransferTarget) {
  const targetLabel = TRANSFER_TARGETS.labels[target] ?? target;
  const order: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (Object.hasOwn(INTAKE_FIELDS, key)) order[key] = value;
  }
  const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';
  order.channel ??= 'phone';
  order.appealType ??= 'help';
  order.urgency ??= 'critical';
  if (blank(order.title)) order.title = `紧急情况已转${targetLabel}`;
  if (blank(order.content)) order.content = `来电人反映紧急情况，已转接${targetLabel}处理。`;
  if (blank(order.callerPhone) && !order.anonymous) order.wantsCallback = false;
  for (const key of ['title', 'content'] as const) {
    if (typeof order[key] === 'string') order[key] = (order[key] as string).slice(0, textLimit(key));
  }
  if (typeof order.category === 'string' && order.category.trim()) {
    if (await categoryIssue(deps.database.db, order.category.trim())) {
      dropped.push(`诉求分类：${String(order.category).slice(0, 40)}`);
      order.category = undefined;
    }
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const parsed = parseIntake(order);
    if (parsed.ok) break;
    for (const issue of parsed.error.issues ?? []) {
      const key = issue.field.split('.')[0] ?? '';
      if (key === 'channel') order.channel = 'phone';
      else if (key === 'appealType') order.appealType = 'help';
      else if (key === 'urgency') order.urgency = 'critical';
      else if (key === 'title' || key === 'content') order[key] = `紧急情况已转${targetLabel}`;
      else {
        if (typeof order[key] === 'string') dropped.push(`${key}：${String(order[key]).slice(0, 40)}`);
        order[key] = undefined;
        if (key === 'callerPhone') order.wantsCallback = false;
      }
    }
  }
  if (dropped.length > 0) {
    const note = `（以下信息格式有误未录入：${dropped.join('；')}）`;
    order.content = `${String(order.content)}${note}`.slice(0, textLimit('content'));
  }
  return order;
}

const inDecision = (error: unknown): unknown => {
  if (!isAppError(error) || error.code !== 'VALIDATION_FAILED' || !error.issues) return error;
  const issues = error.issues.map((i) => ({
    ...i,
    field: i.field.startsWith('input') ? `decision.${i.field}` : i.field,
  }));
  return new AppError(error.code, error.message, issues);
};

const inOrder = (error: unknown): unknown => {
  if (!isAppError(error) || error.code !== 'VALIDATION_FAILED' || !error.issues) return error;
  return new AppError(
    error.code,
    error.message,
    error.issues.map((i) => ({ ...i, field: `order.${i.field}` })),
  );
};

/**
 * 受理 with the decision taken on the call (直办 / 不予受理 / 转外线 / 并单 / 转办) in ONE transaction: the
 * order is created and, when a decision is given, moved by the same state machine and checks as any
 * transition. If the decision fails, nothing is saved. An emergency transfer (`transfer_out`) fills in
 * whatever the form lacks so that the one click always goes through.
 */
export async function takeCall(deps: CoreDeps, actor: Actor, raw: unknown) {
  assertMayTakeIntake(actor);
  const body = parseBody(raw);
  let orderRaw = body.order;
  if (body.decision?.event === 'transfer_out') {
    const input = body.decision.input;
    input.method ??= 'one_click';
    const target = input.target;
    if (!(TRANSFER_TARGETS.values as readonly unknown[]).includes(target)) {
      throw AppError.validation(
        'decision.input.target',
        `请选择转接对象：${TRANSFER_TARGETS.values.join('、')}`,
      );
    }
    orderRaw = await emergencyIntake(deps, orderRaw, target as TransferTarget);
  }
  const input = await parseIntakeChecked(deps, orderRaw).catch((e: unknown) => {
    throw inOrder(e);
  });
  const decision = body.decision;
  const ctx = decision ? await transitionContext(deps, actor) : undefined;
  const now = deps.now();
  const result = await deps.database.db
    .transaction()
    .execute(async (tx) => {
      const { order } = await insertNewOrder(deps, tx, actor, input, now);
      let state: Awaited<ReturnType<typeof applyTransition>> = { next: order, units: [], noticeUnitIds: [] };
      if (decision && ctx) {
        state = await applyTransition(deps, tx, actor, ctx, order, [], decision);
      }
      await assignOrderNumber(deps, tx, state.next, now);
      return state;
    })
    .catch((e: unknown) => {
      throw inDecision(e);
    });
  await publishNewNotices(deps, result.noticeUnitIds);
  return detailOf(deps, actor, result.next, result.units);
}
