import type { FieldSpecs } from './input-fields.js';
import type { EventDefinition, MachineConfig, MachineOrder } from './work-order.machine-types.js';
import { isDissatisfied, satisfactionOptions } from './closure/callback-rules.js';
import {
  APPEAL_DECISIONS,
  CALLBACK_ATTEMPT_OUTCOMES,
  CLOSE_WITHOUT_CALLBACK_REASONS,
  NOT_ACCEPTED_REASONS,
  REPLY_METHODS,
  REPLY_RESULTS,
  RESOLVED_ANSWERS,
  TRANSFER_METHODS,
  TRANSFER_TARGETS,
  type CloseReason,
} from './work-order.fields.js';

/**
 * The transitions table of the work-order lifecycle (domain.md §3). Each row: label, the statuses it
 * leaves, the roles allowed, its inputs, guards, the status it enters and what else it changes.
 */
const comment = { kind: 'text', label: '备注', required: false, maxLength: 2000, multiline: true } as const;
const reason = (label: string) =>
  ({ kind: 'text', label, required: true, maxLength: 2000, multiline: true }) as const;
const units = { kind: 'units', label: '协办单位', required: false, max: 10 } as const;

const leadUnit = { kind: 'unit', label: '主办单位', required: true } as const;
const dispatchInputs: FieldSpecs = {
  leadUnitId: leadUnit,
  coUnitIds: units,
  comment,
  // Required by core when the lead differs from the dispatch catalogue's suggestion (docs/DISPATCH.md).
  overrideReason: {
    kind: 'text',
    label: '未按派单目录派单的理由',
    required: false,
    maxLength: 500,
    multiline: true,
  },
};

const leadNotCoUnit = (_: unknown, input?: Record<string, unknown>) =>
  input && Array.isArray(input.coUnitIds) && input.coUnitIds.includes(input.leadUnitId)
    ? '主办单位不能同时作为协办单位'
    : null;

const CENTRE_OPS = ['supervisor'] as const;

/** The review checklist as checkbox options. */
const checklistOptions = (config: MachineConfig) => ({
  values: config.reviewChecklist.map((c) => c.id),
  labels: Object.fromEntries(
    config.reviewChecklist.map((c) => [c.id, c.required ? `${c.label}（必查）` : c.label]),
  ),
});

/** 重办: back to 待派单 with no units, one more redo counted. */
const redoPatch = (order: MachineOrder): Partial<MachineOrder> => ({
  redoCount: order.redoCount + 1,
  leadUnitId: null,
  coUnitIds: [],
  pendingExtension: false,
});
/** Statuses in which units still work on their tasks (co-units may sign and report to the lead). */
const TASK_OPEN_STATUSES = ['dispatched', 'return_requested', 'in_progress'] as const;
/** Statuses in which the centre may remind (催办) or supervise (督办) the units. */
const SUPERVISED_STATUSES = ['dispatched', 'in_progress'] as const;
const UNIT = ['unit_handler', 'unit_admin'] as const;

export const WORK_ORDER_EVENTS = {
  answer_directly: {
    label: '直办答复',
    tone: 'primary',
    from: ['intake'],
    roles: ['agent', ...CENTRE_OPS],
    input: {
      answer: reason('答复内容'),
      // The cited article must be published; the version defaults to the published one (checked by core).
      articleId: { kind: 'text', label: '知识库依据（文章）', required: false, maxLength: 64 },
      articleVersion: { kind: 'integer', label: '文章版本', required: false, min: 1, max: 100000 },
      comment,
    },
    to: ({ order }) => (order.callbackRequired ? 'pending_callback' : 'closed'),
    patch: ({ order }) => (order.callbackRequired ? {} : { closeReason: 'no_callback_needed' }),
  },
  reject: {
    label: '不予受理',
    tone: 'danger',
    from: ['intake'],
    roles: ['agent', ...CENTRE_OPS],
    input: {
      reasonCode: { kind: 'enum', label: '不予受理原因', required: true, options: NOT_ACCEPTED_REASONS },
      channelTold: reason('告知的办理渠道'),
      comment,
    },
    to: () => 'not_accepted',
  },
  transfer_out: {
    label: '转外线',
    tone: 'danger',
    from: ['intake'],
    roles: ['agent', ...CENTRE_OPS],
    input: {
      target: { kind: 'enum', label: '转接对象', required: true, options: TRANSFER_TARGETS },
      method: { kind: 'enum', label: '转接方式', required: true, options: TRANSFER_METHODS },
      otherHotline: { kind: 'text', label: '其他热线名称', required: false, maxLength: 100 },
      outcome: { kind: 'text', label: '转接结果', required: false, maxLength: 500 },
      comment,
    },
    guard: (_, input) =>
      input?.target === 'other_hotline' && !input.otherHotline ? '转其他热线时请填写热线名称' : null,
    to: () => 'transferred_out',
  },
  merge: {
    label: '并单',
    from: ['intake', 'pending_dispatch'],
    roles: ['agent', 'dispatcher', ...CENTRE_OPS],
    input: { targetOrderId: { kind: 'order', label: '并入工单', required: true }, comment },
    to: () => 'merged',
  },
  submit_for_dispatch: {
    label: '转办（提交派单）',
    tone: 'primary',
    from: ['intake'],
    roles: ['agent', ...CENTRE_OPS],
    input: { comment },
    to: () => 'pending_dispatch',
  },
  dispatch: {
    label: '派单',
    tone: 'primary',
    from: ['pending_dispatch'],
    roles: ['dispatcher', ...CENTRE_OPS],
    input: dispatchInputs,
    guard: leadNotCoUnit,
    to: () => 'dispatched',
    patch: (_, input) => ({
      leadUnitId: input.leadUnitId as string,
      coUnitIds: (input.coUnitIds as string[] | undefined) ?? [],
    }),
  },
  sign: {
    label: '签收',
    tone: 'primary',
    from: ['dispatched'],
    roles: UNIT,
    leadUnitOnly: true,
    input: { comment },
    to: () => 'in_progress',
  },
  request_return: {
    label: '申请退单',
    tone: 'danger',
    from: ['dispatched', 'in_progress'],
    roles: UNIT,
    leadUnitOnly: true,
    input: {
      reason: reason('退单理由'),
      suggestedUnit: { kind: 'text', label: '建议承办单位', required: false, maxLength: 100 },
    },
    guard: ({ order }) => {
      if (order.negotiated) return '主办单位已经协商确定，不能再退单';
      if (!order.returnWindowOpen) return '已超过退单时限，请按职责办理或联系热线中心';
      return null;
    },
    to: () => 'return_requested',
    patch: ({ order }) => ({ returnCount: order.returnCount + 1 }),
  },
  approve_return: {
    label: '同意退单并改派',
    from: ['return_requested'],
    roles: ['dispatcher', ...CENTRE_OPS],
    input: dispatchInputs,
    guard: (ctx, input) =>
      ctx.order.returnCount >= ctx.config.returnsBeforeNegotiation
        ? `该工单已退单 ${ctx.order.returnCount} 次，请协商确定主办单位`
        : leadNotCoUnit(ctx, input),
    to: () => 'dispatched',
    patch: (_, input) => ({
      leadUnitId: input.leadUnitId as string,
      coUnitIds: (input.coUnitIds as string[] | undefined) ?? [],
      pendingExtension: false,
    }),
  },
  reject_return: {
    label: '驳回退单',
    from: ['return_requested'],
    roles: ['dispatcher', ...CENTRE_OPS],
    input: { reason: reason('驳回理由') },
    to: () => 'in_progress',
  },
  request_extension: {
    label: '申请延期',
    from: ['in_progress'],
    roles: UNIT,
    leadUnitOnly: true,
    input: (config: MachineConfig) => ({
      days: { kind: 'integer', label: '延期工作日数', required: true, min: 1, max: config.maxExtensionDays },
      reason: reason('延期理由'),
    }),
    guard: ({ order, config }) => {
      if (order.pendingExtension) return '已有待审批的延期申请';
      if (order.handlingOverdue) return '已超过办理期限，不能再申请延期';
      if (order.extensionCount >= config.maxExtensions)
        return `延期次数已达上限（${config.maxExtensions} 次）`;
      return null;
    },
    to: () => 'in_progress',
    patch: () => ({ pendingExtension: true }),
  },
  approve_extension: {
    label: '批准延期',
    from: ['in_progress'],
    roles: ['reviewer', ...CENTRE_OPS],
    input: (config: MachineConfig) => ({
      days: { kind: 'integer', label: '批准工作日数', required: false, min: 1, max: config.maxExtensionDays },
      comment,
    }),
    guard: ({ order }) => (order.pendingExtension ? null : '没有待审批的延期申请'),
    to: () => 'in_progress',
    patch: ({ order }) => ({ pendingExtension: false, extensionCount: order.extensionCount + 1 }),
  },
  refuse_extension: {
    label: '不批准延期',
    from: ['in_progress'],
    roles: ['reviewer', ...CENTRE_OPS],
    input: { reason: reason('不批准理由') },
    guard: ({ order }) => (order.pendingExtension ? null : '没有待审批的延期申请'),
    to: () => 'in_progress',
    patch: () => ({ pendingExtension: false }),
  },
  reply: {
    label: '答复',
    tone: 'primary',
    from: ['in_progress'],
    roles: UNIT,
    leadUnitOnly: true,
    input: {
      result: { kind: 'enum', label: '办理结果', required: true, options: REPLY_RESULTS },
      publicReply: reason('答复意见（对来电人）'),
      internalNotes: {
        kind: 'text',
        label: '内部办理说明',
        required: false,
        maxLength: 4000,
        multiline: true,
      },
      policyBasis: { kind: 'text', label: '政策依据', required: false, maxLength: 1000, multiline: true },
      unresolvedReason: {
        kind: 'text',
        label: '无法解决的原因（对来电人）',
        required: false,
        maxLength: 1000,
        multiline: true,
      },
      rightChannel: { kind: 'text', label: '正确的办理渠道', required: false, maxLength: 500 },
      signedOffBy: { kind: 'text', label: '单位审核签发人', required: true, maxLength: 50 },
    },
    guard: (_, input) => {
      if (input?.result === 'unresolved' && !input.unresolvedReason) return '无法解决时请写明原因';
      if (input?.result === 'not_our_duty' && !input.rightChannel) return '不属于职责时请写明正确的办理渠道';
      return null;
    },
    to: () => 'unit_replied',
    patch: () => ({ pendingExtension: false }),
  },
  approve_reply: {
    label: '审核通过',
    tone: 'primary',
    from: ['unit_replied'],
    roles: ['reviewer', ...CENTRE_OPS],
    input: (config: MachineConfig) => ({
      checks: { kind: 'checks', label: '审核清单', required: false, options: checklistOptions(config) },
      comment,
    }),
    guard: ({ config }, input) => {
      if (!input) return null;
      const ticked = (input.checks as string[] | undefined) ?? [];
      const missing = config.reviewChecklist.filter((c) => c.required && !ticked.includes(c.id));
      return missing.length > 0 ? `审核清单未通过：${missing.map((c) => c.label).join('；')}` : null;
    },
    to: () => 'pending_reply',
  },
  reject_reply: {
    label: '审核退回',
    tone: 'danger',
    from: ['unit_replied'],
    roles: ['reviewer', ...CENTRE_OPS],
    input: (config: MachineConfig) => ({
      failedChecks: {
        kind: 'checks',
        label: '未通过的审核项',
        required: false,
        options: checklistOptions(config),
      },
      reason: reason('退回理由'),
    }),
    to: () => 'in_progress',
  },
  reply_to_caller: {
    label: '回复来电人',
    tone: 'primary',
    from: ['pending_reply'],
    roles: ['agent', 'callback', 'reviewer', ...CENTRE_OPS],
    input: {
      method: { kind: 'enum', label: '回复方式', required: true, options: REPLY_METHODS },
      content: reason('回复内容'),
    },
    guard: ({ order }, input) =>
      input?.method === 'sms' && !order.hasCallerPhone ? '来电人没有留下电话，不能短信回复' : null,
    to: ({ order }) => (order.callbackRequired ? 'pending_callback' : 'closed'),
    patch: ({ order }) => (order.callbackRequired ? {} : { closeReason: 'no_callback_needed' }),
  },
  callback_attempt: {
    label: '回访未接通',
    from: ['pending_callback'],
    roles: ['callback', ...CENTRE_OPS],
    input: {
      outcome: { kind: 'enum', label: '未接通原因', required: true, options: CALLBACK_ATTEMPT_OUTCOMES },
      comment,
    },
    guard: ({ order, config }) => {
      if (order.callbackAttempts >= config.unreachableAfterAttempts)
        return `已回访 ${order.callbackAttempts} 次未接通，请以“无法联系”办结`;
      const since = order.minutesSinceLastAttempt;
      if (since !== null && since < config.attemptGapMinutes)
        return `距上次回访不足 ${config.attemptGapMinutes} 分钟，请换个时间再联系`;
      return null;
    },
    to: ({ order }) => order.status,
    patch: ({ order }) => ({ callbackAttempts: order.callbackAttempts + 1 }),
  },
  callback: {
    label: '回访',
    tone: 'primary',
    from: ['pending_callback'],
    roles: ['callback', ...CENTRE_OPS],
    input: (config: MachineConfig) => ({
      satisfaction: {
        kind: 'enum',
        label: '满意度',
        required: true,
        options: satisfactionOptions(config.satisfactionScale),
      },
      resolved: { kind: 'enum', label: '是否解决', required: true, options: RESOLVED_ANSWERS },
      redo: { kind: 'boolean', label: '不满意，退回重办', required: false },
      comment,
    }),
    guard: (_, input) =>
      input?.redo && !isDissatisfied(input.satisfaction) ? '只有不满意的工单可以退回重办' : null,
    // Past the redo limit a dissatisfied caller's case goes to the leaders (领导研判), not round again.
    to: ({ order, config }, input) => {
      if (!input.redo) return 'closed';
      return order.redoCount >= config.maxRedoCount ? 'escalated' : 'pending_dispatch';
    },
    patch: ({ order, config }, input) => {
      if (!input.redo) return { closeReason: 'callback_done', appealStatus: 'none' };
      return order.redoCount >= config.maxRedoCount ? {} : redoPatch(order);
    },
  },
  close: {
    label: '办结（免回访）',
    from: ['pending_callback'],
    roles: ['callback', ...CENTRE_OPS],
    input: {
      reasonCode: {
        kind: 'enum',
        label: '免回访原因',
        required: true,
        options: CLOSE_WITHOUT_CALLBACK_REASONS,
      },
      comment,
    },
    guard: ({ order, config }, input) =>
      input?.reasonCode === 'unreachable' && order.callbackAttempts < config.unreachableAfterAttempts
        ? `回访未接通 ${order.callbackAttempts} 次，满 ${config.unreachableAfterAttempts} 次（不同时段）才能以“无法联系”办结`
        : null,
    to: () => 'closed',
    patch: (_, input) => ({ closeReason: input.reasonCode as CloseReason }),
  },
  leader_redo: {
    label: '研判：继续重办',
    tone: 'primary',
    from: ['escalated'],
    roles: CENTRE_OPS,
    input: { requirement: reason('研判意见和重办要求') },
    to: () => 'pending_dispatch',
    patch: ({ order }) => redoPatch(order),
  },
  leader_close: {
    label: '研判：予以办结',
    from: ['escalated'],
    roles: CENTRE_OPS,
    input: { reason: reason('研判意见（办结理由）') },
    to: () => 'closed',
    patch: () => ({ closeReason: 'leader_decision' }),
  },
  appeal_rating: {
    label: '申诉核减',
    from: ['closed'],
    roles: UNIT,
    leadUnitOnly: true,
    input: {
      reason: reason('申诉理由'),
      evidence: { kind: 'text', label: '证明材料说明', required: false, maxLength: 2000, multiline: true },
    },
    guard: ({ order }) => {
      if (!isDissatisfied(order.satisfaction)) return '只有不满意的评价可以申诉';
      if (order.appealStatus !== 'none') return '该评价已经申诉过';
      if (!order.appealWindowOpen) return '已超过申诉期限';
      return null;
    },
    to: () => 'closed',
    patch: () => ({ appealStatus: 'pending' }),
  },
  decide_appeal: {
    label: '审核申诉',
    from: ['closed'],
    roles: ['reviewer', ...CENTRE_OPS],
    input: {
      decision: { kind: 'enum', label: '审核结论', required: true, options: APPEAL_DECISIONS },
      reason: reason('审核意见'),
    },
    guard: ({ order }) => (order.appealStatus === 'pending' ? null : '没有待审核的申诉'),
    to: () => 'closed',
    patch: (_, input) => ({ appealStatus: input.decision as 'upheld' | 'rejected' }),
  },
  co_sign: {
    label: '签收（协办/下派）',
    tone: 'primary',
    from: TASK_OPEN_STATUSES,
    roles: UNIT,
    taskUnitOnly: ['pending_sign'],
    input: { comment },
    to: ({ order }) => order.status,
  },
  co_report: {
    label: '向主办单位反馈',
    tone: 'primary',
    from: TASK_OPEN_STATUSES,
    roles: UNIT,
    taskUnitOnly: ['signed', 'reported'],
    input: { report: reason('办理情况') },
    to: ({ order }) => order.status,
  },
  sub_dispatch: {
    label: '下派',
    from: ['in_progress'],
    roles: UNIT,
    leadUnitOnly: true,
    input: {
      unitId: { kind: 'unit', label: '下派单位', required: true },
      instructions: reason('办理要求'),
    },
    guard: ({ order }, input) =>
      input && order.tasks.some((t) => t.unitId === input.unitId) ? '该单位已承办本工单' : null,
    to: ({ order }) => order.status,
  },
  negotiate: {
    label: '协商定主办',
    from: ['return_requested'],
    roles: ['dispatcher', ...CENTRE_OPS],
    input: {
      leadUnitId: leadUnit,
      coUnitIds: units,
      participants: reason('参与协商的单位和人员'),
      conclusion: reason('协商结论'),
    },
    guard: leadNotCoUnit,
    to: () => 'dispatched',
    patch: (_, input) => ({
      leadUnitId: input.leadUnitId as string,
      coUnitIds: (input.coUnitIds as string[] | undefined) ?? [],
      pendingExtension: false,
      negotiated: true,
    }),
  },
  remind: {
    label: '催办',
    from: SUPERVISED_STATUSES,
    roles: ['dispatcher', ...CENTRE_OPS],
    input: { message: reason('催办内容') },
    to: ({ order }) => order.status,
  },
  supervise: {
    label: '督办',
    tone: 'danger',
    from: SUPERVISED_STATUSES,
    roles: CENTRE_OPS,
    input: {
      requirement: reason('督办要求'),
      days: { kind: 'integer', label: '督办回复时限（工作日）', required: false, min: 1, max: 10 },
    },
    guard: ({ order }) =>
      order.leadUnitId && order.openSupervisionUnitIds.includes(order.leadUnitId)
        ? '主办单位还有未回复的督办'
        : null,
    to: ({ order }) => order.status,
  },
  reply_supervision: {
    label: '督办回复',
    tone: 'primary',
    from: TASK_OPEN_STATUSES,
    roles: UNIT,
    input: { reply: reason('督办回复') },
    guard: ({ order, actor }) =>
      order.openSupervisionUnitIds.includes(actor.unitId) ? null : '本单位没有待回复的督办',
    to: ({ order }) => order.status,
  },
  archive: {
    label: '归档',
    from: ['closed', 'not_accepted', 'transferred_out', 'merged'],
    roles: ['supervisor', 'admin'],
    input: { comment },
    guard: ({ order }) => {
      if (order.appealStatus === 'pending') return '有待审核的申诉，暂不能归档';
      if (isDissatisfied(order.satisfaction) && order.appealStatus === 'none' && order.appealWindowOpen)
        return '承办单位的申诉期尚未结束，暂不能归档';
      return null;
    },
    to: () => 'archived',
  },
} satisfies Record<string, EventDefinition>;

export type EventName = keyof typeof WORK_ORDER_EVENTS;
export const EVENT_NAMES = Object.keys(WORK_ORDER_EVENTS) as EventName[];

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(WORK_ORDER_EVENTS, value);
}

/** The table seen through its declared row type (what the machine and UIs read). */
export const EVENT_DEFINITIONS: Readonly<Record<EventName, EventDefinition>> = WORK_ORDER_EVENTS;
