import {
  type Actor,
  type DeadlineContext,
  type DeadlinePolicy,
  EVENT_DEFINITIONS,
  type EventName,
  type FieldSpecs,
  type MachineConfig,
  STATUS_LABELS,
  callerVisibility,
  deadlineState,
  inputSpecs,
  isHandling,
  maskName,
  maskPhone,
} from '@huawu/domain';
import type { LinkedOrder } from '../storage/order-links.repository.js';
import type { OrderEventRecord, OrderUnitRecord, WorkOrderRecord } from '../work-order.record.js';

/** Shapes orders for a given reader: masks caller data by role and adds the deadline state. */
export interface ViewContext {
  actor: Actor;
  now: Date;
  calendar: DeadlineContext;
  policy: DeadlinePolicy;
}

/**
 * Caller name and number for this reader. Lists never carry full numbers (a list is a bulk read);
 * the detail view shows them to roles that need them, and that read is audited.
 */
export function callerFields(order: WorkOrderRecord, actor: Actor, mode: 'list' | 'detail' = 'detail') {
  const byRole = callerVisibility(actor.role, order.confidential);
  const visibility = mode === 'list' && byRole === 'full' ? 'masked' : byRole;
  const name = order.anonymous ? '匿名' : order.callerName;
  if (visibility === 'full') return { callerName: name, callerPhone: order.callerPhone, unmasked: true };
  if (visibility === 'hidden')
    return { callerName: order.confidential ? '保密' : null, callerPhone: null, unmasked: false };
  return {
    callerName: name && !order.anonymous ? maskName(name) : name,
    callerPhone: order.callerPhone ? maskPhone(order.callerPhone) : null,
    unmasked: false,
  };
}

export function toSummary(
  order: WorkOrderRecord & { leadUnitName?: string | null },
  v: ViewContext,
  mode: 'list' | 'detail' = 'list',
) {
  const caller = callerFields(order, v.actor, mode);
  const running = isHandling(order.status) && order.deadlineAt !== null;
  return {
    id: order.id,
    orderNo: order.orderNo,
    version: order.version,
    status: order.status,
    statusLabel: STATUS_LABELS[order.status],
    channel: order.channel,
    appealType: order.appealType,
    urgency: order.urgency,
    title: order.title,
    callerName: caller.callerName,
    callerPhone: caller.callerPhone,
    confidential: order.confidential,
    leadUnitId: order.leadUnitId,
    leadUnitName: order.leadUnitName ?? null,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    deadlineAt: order.deadlineAt,
    deadlineState: running
      ? deadlineState(v.now, new Date(order.deadlineAt as string), v.policy.warningBefore, v.calendar)
      : null,
  };
}

export interface AllowedEventView {
  name: EventName;
  label: string;
  tone: string;
  input: FieldSpecs;
}

/** The article a direct answer cited, from the timeline (the transition wrote it there). */
export function knowledgeAnswerOf(
  events: readonly OrderEventRecord[],
): { articleId: string; articleVersion: number; articleTitle: string } | null {
  const answer = events.findLast((e) => e.event === 'answer_directly');
  const p = answer?.payload;
  if (!p || typeof p.articleId !== 'string' || typeof p.articleVersion !== 'number') return null;
  return {
    articleId: p.articleId,
    articleVersion: p.articleVersion,
    articleTitle: typeof p.articleTitle === 'string' ? p.articleTitle : '',
  };
}

/**
 * Linked orders as this reader may see them: number, title and status only — never another caller's
 * name or number. `links` holds only orders within the reader's scope; `mergedCount` counts every
 * order merged into this one (how many callers raised the matter), visible or not.
 */
export interface OrderLinks {
  links: LinkedOrder[];
  mergedCount: number;
}

/** A linked order as any reader sees it: number, title and status — no caller data. */
export function relatedView(l: LinkedOrder) {
  return {
    id: l.id,
    orderNo: l.orderNo,
    title: l.title,
    status: l.status,
    statusLabel: STATUS_LABELS[l.status],
    kind: l.kind,
  };
}

export function toDetail(
  order: WorkOrderRecord,
  units: OrderUnitRecord[],
  events: OrderEventRecord[],
  allowed: EventName[],
  machine: MachineConfig,
  v: ViewContext,
  linked: OrderLinks = { links: [], mergedCount: 0 },
) {
  const lead = units.find((u) => u.active && u.role === 'lead');
  return {
    ...toSummary({ ...order, leadUnitName: lead?.unitName ?? null }, v, 'detail'),
    callerType: order.callerType,
    anonymous: order.anonymous,
    wantsCallback: order.wantsCallback,
    category: order.category,
    content: order.content,
    address: order.address,
    divisionCode: order.divisionCode,
    callId: order.callId,
    redoCount: order.redoCount,
    extensionCount: order.extensionCount,
    pendingExtension: order.pendingExtensionDays !== null,
    pendingExtensionDays: order.pendingExtensionDays,
    signDeadlineAt: order.signDeadlineAt,
    signedAt: order.signedAt,
    repliedAt: order.repliedAt,
    closedAt: order.closedAt,
    archivedAt: order.archivedAt,
    mergedIntoId: order.mergedIntoId,
    satisfaction: order.satisfaction,
    units,
    timeline: events.map((e) => ({
      seq: e.seq,
      event: e.event,
      eventLabel:
        e.event === 'create' ? '受理登记' : (EVENT_DEFINITIONS[e.event as EventName]?.label ?? e.event),
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorName: e.actorName,
      actorRole: e.actorRole,
      at: e.at,
      comment: e.comment,
      // Event inputs never hold the caller's identity, so confidential orders keep them for units.
      payload: e.payload,
    })),
    allowedEvents: allowed.map(
      (name): AllowedEventView => ({
        name,
        label: EVENT_DEFINITIONS[name].label,
        tone: EVENT_DEFINITIONS[name].tone ?? 'default',
        input: inputSpecs(name, machine),
      }),
    ),
    related: linked.links.map(relatedView),
    mergedCallers: linked.mergedCount,
    knowledgeAnswer: knowledgeAnswerOf(events),
  };
}

export type WorkOrderSummary = ReturnType<typeof toSummary>;
export type WorkOrderDetail = ReturnType<typeof toDetail>;
