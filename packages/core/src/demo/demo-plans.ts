/** Paths the demo orders take through the lifecycle, so that every status has examples. */
import { DEFAULT_REQUIRED_CHECKS } from '@huawu/domain';
export interface PlanStep {
  event: string;
  /** A role, `unit` (the order's unit), `co` (a second unit), or `unit:<id>` (that unit's handler). */
  as: string;
  input?:
    | Record<string, unknown>
    | ((ctx: { unit: string; co: string; orders: string[] }) => Record<string, unknown>);
  afterHours?: number;
}

export interface DemoPlan {
  daysAgo: number;
  wantsCallback?: boolean;
  steps: PlanStep[];
}

const submit: PlanStep = { event: 'submit_for_dispatch', as: 'agent' };
const dispatch: PlanStep = {
  event: 'dispatch',
  as: 'dispatcher',
  input: ({ unit }) => ({ leadUnitId: unit }),
};
const sign: PlanStep = { event: 'sign', as: 'unit', afterHours: 3 };
const reply: PlanStep = {
  event: 'reply',
  as: 'unit',
  afterHours: 30,
  input: {
    result: 'resolved',
    publicReply: '经核实，已安排工作人员现场处理，问题已解决。感谢您对我们工作的支持。',
    signedOffBy: '王科长',
    internalNotes: '现场核查并督促责任方整改，已拍照留存。',
  },
};
const approve: PlanStep = {
  event: 'approve_reply',
  as: 'reviewer',
  input: { checks: [...DEFAULT_REQUIRED_CHECKS] },
};
const tell: PlanStep = {
  event: 'reply_to_caller',
  as: 'callback',
  input: { method: 'phone', content: '已电话告知来电人承办单位的办理结果。' },
};
const satisfied: PlanStep = {
  event: 'callback',
  as: 'callback',
  afterHours: 20,
  input: { satisfaction: 'satisfied', resolved: 'yes' },
};
const archive: PlanStep = { event: 'archive', as: 'supervisor' };
const smsTell: PlanStep = {
  event: 'reply_to_caller',
  as: 'callback',
  input: { method: 'sms', content: '【12345】您的工单已办理：已安排工作人员现场处理，问题已解决。' },
};
const attempt = (outcome: string): PlanStep => ({
  event: 'callback_attempt',
  as: 'callback',
  input: { outcome },
});
const dissatisfied: PlanStep = {
  event: 'callback',
  as: 'callback',
  afterHours: 20,
  input: { satisfaction: 'dissatisfied', resolved: 'no', comment: '来电人认为赔偿诉求未得到回应。' },
};
const redo: PlanStep = {
  event: 'callback',
  as: 'callback',
  afterHours: 20,
  input: { satisfaction: 'dissatisfied', resolved: 'no', redo: true, comment: '来电人表示问题依旧存在。' },
};

const handled = [submit, dispatch, sign, reply];
/** One 重办 round: a dissatisfied callback sends the order back, the unit handles it again. */
const redoRound: PlanStep[] = [redo, dispatch, sign, reply, approve, tell];
const plan = (daysAgo: number, steps: PlanStep[], wantsCallback?: boolean): DemoPlan => ({
  daysAgo,
  steps,
  wantsCallback,
});

export const DEMO_PLANS: DemoPlan[] = [
  plan(0, []),
  plan(0, []),
  plan(1, [submit]),
  plan(0, [submit]),
  plan(2, [submit, dispatch]),
  plan(0, [submit, dispatch]),
  plan(1, [
    submit,
    dispatch,
    { event: 'request_return', as: 'unit', input: { reason: '该事项属区级管辖，不属于本单位职责。' } },
  ]),
  plan(3, [submit, dispatch, sign]),
  plan(1, [submit, dispatch, sign]),
  plan(25, [submit, dispatch, sign]),
  plan(20, [submit, dispatch, sign]),
  plan(6, [
    submit,
    dispatch,
    sign,
    { event: 'request_extension', as: 'unit', input: { days: 5, reason: '需协调多个部门联合处置。' } },
  ]),
  plan(4, handled),
  plan(5, handled),
  plan(6, [...handled, approve]),
  plan(7, [...handled, approve, tell]),
  plan(8, [...handled, approve, tell]),
  plan(9, [...handled, approve, tell, satisfied]),
  plan(10, [
    ...handled,
    approve,
    tell,
    { event: 'callback', as: 'callback', input: { satisfaction: 'basically_satisfied', resolved: 'partly' } },
  ]),
  plan(30, [...handled, approve, tell, satisfied, archive]),
  plan(28, [...handled, approve, tell, satisfied, archive]),
  plan(12, [
    ...handled,
    approve,
    tell,
    {
      event: 'callback',
      as: 'callback',
      input: {
        satisfaction: 'dissatisfied',
        resolved: 'no',
        redo: true,
        comment: '来电人表示问题依旧存在。',
      },
    },
  ]),
  plan(5, [
    ...handled,
    { event: 'reject_reply', as: 'reviewer', input: { reason: '答复未说明具体处理措施，请补充。' } },
  ]),
  plan(
    2,
    [
      {
        event: 'answer_directly',
        as: 'agent',
        input: { answer: '根据办事指南告知所需材料及网上办理入口。' },
      },
    ],
    false,
  ),
  plan(3, [{ event: 'answer_directly', as: 'agent', input: { answer: '已告知报名时间和材料清单。' } }]),
  plan(4, [
    {
      event: 'reject',
      as: 'agent',
      input: { reasonCode: 'legal_channel', channelTold: '已告知来电人向人民法院提起诉讼。' },
    },
  ]),
  plan(15, [
    {
      event: 'reject',
      as: 'agent',
      input: { reasonCode: 'harassment_empty', channelTold: '来电无实质内容。' },
    },
    archive,
  ]),
  plan(1, [
    {
      event: 'transfer_out',
      as: 'agent',
      input: { target: '110', method: 'one_click', outcome: '110已接警' },
    },
  ]),
  plan(2, [
    {
      event: 'transfer_out',
      as: 'agent',
      input: { target: '119', method: 'three_way', outcome: '三方通话后119受理' },
    },
  ]),
  plan(1, [
    {
      event: 'merge',
      as: 'agent',
      input: ({ orders }) => ({ targetOrderId: orders[orders.length - 1] ?? '' }),
    },
  ]),
  plan(0, [submit, dispatch, sign]),
  plan(2, [...handled, approve, tell, satisfied]),
  plan(40, [...handled, approve, tell, satisfied, archive]),
  plan(7, [submit, dispatch, sign]),
  plan(0, [submit]),
  plan(3, [...handled, approve, tell], false),
  // The dispatch network (issue 4): co-units, re-dispatch down the tree, repeated returns, 督办.
  plan(2, [
    submit,
    { event: 'dispatch', as: 'dispatcher', input: ({ unit, co }) => ({ leadUnitId: unit, coUnitIds: [co] }) },
    sign,
    { event: 'co_sign', as: 'co' },
    {
      event: 'co_report',
      as: 'co',
      afterHours: 20,
      input: { report: '已联合执法检查，现场责令整改，整改情况已拍照留存。' },
    },
  ]),
  plan(4, [
    submit,
    { event: 'dispatch', as: 'dispatcher', input: { leadUnitId: 'east' } },
    { event: 'sign', as: 'unit_admin' },
    {
      event: 'sub_dispatch',
      as: 'unit_admin',
      input: { unitId: 'east-heping', instructions: '请和平街道到现场核实并督促整改，办结后向区政府反馈。' },
    },
    { event: 'co_sign', as: 'unit:east-heping' },
  ]),
  plan(1, [
    submit,
    dispatch,
    { event: 'request_return', as: 'unit', input: { reason: '该事项属区级管辖，不属于本单位职责。' } },
    {
      event: 'approve_return',
      as: 'dispatcher',
      input: ({ co }) => ({ leadUnitId: co, overrideReason: '演示：按退单理由改派。' }),
    },
    { event: 'request_return', as: 'co', input: { reason: '本单位也无此项职责，建议协商确定主办单位。' } },
  ]),
  // Reply, callback, closure and appeals (issue 5).
  plan(3, [...handled, approve, smsTell, attempt('no_answer')]),
  plan(8, [
    ...handled,
    approve,
    tell,
    attempt('no_answer'),
    attempt('busy'),
    attempt('powered_off'),
    { event: 'close', as: 'callback', input: { reasonCode: 'unreachable', comment: '三个时段均未接通。' } },
  ]),
  plan(2, [...handled, approve, tell, dissatisfied]),
  plan(6, [
    ...handled,
    approve,
    tell,
    dissatisfied,
    {
      event: 'appeal_rating',
      as: 'unit',
      input: {
        reason: '已按规定完成整改并拍照留存，来电人要求的赔偿不属于本单位职权。',
        evidence: '整改前后照片、现场检查记录',
      },
    },
  ]),
  plan(14, [...handled, approve, tell, ...redoRound, ...redoRound, redo]),
  plan(5, [
    submit,
    dispatch,
    sign,
    {
      event: 'reply',
      as: 'unit',
      input: {
        result: 'not_our_duty',
        publicReply: '经核实，该投诉涉及商品质量纠纷，属市场监管部门职责。',
        rightChannel: '拨打 12315 或登录全国12315平台投诉',
        signedOffBy: '李主任',
      },
    },
    approve,
  ]),
  plan(18, [
    submit,
    dispatch,
    sign,
    {
      event: 'supervise',
      as: 'supervisor',
      afterHours: 200,
      input: { requirement: '该工单已超期，请说明原因并于两个工作日内办结。', days: 2 },
    },
  ]),
];
