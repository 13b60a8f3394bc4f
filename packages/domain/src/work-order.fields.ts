/** Enumerations of the work order (工单) and their Chinese labels (domain.md §4). */

const labelled = <K extends string>(labels: Record<K, string>) => ({
  values: Object.keys(labels) as K[],
  labels,
});

export const CHANNELS = labelled({
  phone: '电话',
  sms: '短信',
  web: '网站',
  wechat: '微信',
  app: 'APP',
  mailbox: '信箱',
  police_110: '110转入',
  inspection: '督查平台',
});
export type Channel = (typeof CHANNELS.values)[number];

export const APPEAL_TYPES = labelled({
  consultation: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
  praise: '表扬',
});
export type AppealType = (typeof APPEAL_TYPES.values)[number];

export const URGENCIES = labelled({ normal: '一般', urgent: '紧急', critical: '特急' });
export type Urgency = (typeof URGENCIES.values)[number];

export const CALLER_TYPES = labelled({ person: '自然人', enterprise: '企业', organisation: '组织' });
export type CallerType = (typeof CALLER_TYPES.values)[number];

export const CALLBACK_METHODS = labelled({ phone: '电话', sms: '短信', none: '无需回复' });
export type CallbackMethod = (typeof CALLBACK_METHODS.values)[number];

/** 不予受理 reason codes (domain.md §5). */
export const NOT_ACCEPTED_REASONS = labelled({
  legal_channel: '属诉讼、仲裁、纪检监察、行政复议、政府信息公开等法定途径或已进入信访渠道',
  secrets_privacy: '涉及国家秘密、商业秘密、个人隐私或违背公序良俗',
  emergency_service: '属110/119/120/122受理范围',
  military: '涉及军队、武警事项',
  harassment_empty: '恶意骚扰、无实质内容或表述不清',
  excluded_by_law: '法律法规规定的其他不予受理事项',
  other_body: '属党委、人大、政协、法院、检察院等职权范围或已通过其他渠道答复',
});
export type NotAcceptedReason = (typeof NOT_ACCEPTED_REASONS.values)[number];

export const TRANSFER_TARGETS = labelled({
  '110': '110 报警',
  '119': '119 火警',
  '120': '120 急救',
  '122': '122 交通事故',
  other_hotline: '其他热线',
});
export type TransferTarget = (typeof TRANSFER_TARGETS.values)[number];

export const TRANSFER_METHODS = labelled({ one_click: '一键转接', three_way: '三方通话' });

/** A unit's handling result (答复): what the reply to the caller may say depends on it (真实). */
export const REPLY_RESULTS = labelled({
  resolved: '已解决',
  partly_resolved: '部分解决',
  unresolved: '无法解决',
  not_our_duty: '不属于职责',
});
export type ReplyResult = (typeof REPLY_RESULTS.values)[number];

/** The three-level satisfaction scale (满意/基本满意/不满意). */
export const SATISFACTION = labelled({
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
});

/** The national 好差评 five-level scale. */
export const SATISFACTION_5 = labelled({
  very_satisfied: '非常满意',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
  very_dissatisfied: '非常不满意',
});
export type Satisfaction = (typeof SATISFACTION_5.values)[number];

export const RESOLVED_ANSWERS = labelled({ yes: '是', partly: '部分', no: '否' });

/** Why an order in 待回访 closes without a completed callback. */
export const CLOSE_WITHOUT_CALLBACK_REASONS = labelled({
  caller_declined: '来电人不需要回访',
  unreachable: '多次联系未接通（无法联系）',
  anonymous: '匿名来电无法回访',
});

/** Every closing reason recorded on the order (办结原因). */
export const CLOSE_REASONS = labelled({
  callback_done: '已回访',
  unreachable: '无法联系（多次回访未接通）',
  caller_declined: '来电人不需要回访',
  anonymous: '匿名来电无法回访',
  no_callback_needed: '无需回访',
  leader_decision: '领导研判办结',
});
export type CloseReason = (typeof CLOSE_REASONS.values)[number];

/** Outcome of a callback attempt that did not reach the caller (回访未接通). */
export const CALLBACK_ATTEMPT_OUTCOMES = labelled({
  no_answer: '无人接听',
  busy: '占线',
  powered_off: '关机/停机',
  wrong_number: '号码有误',
  refused: '拒绝回访',
});

export const REPLY_METHODS = labelled({ phone: '电话', sms: '短信', other: '其他' });

/** 申诉核减: a unit's appeal against a bad rating, decided by the centre. */
export const APPEAL_STATUSES = labelled({
  none: '无申诉',
  pending: '申诉待审',
  upheld: '申诉成立（核减）',
  rejected: '申诉驳回',
});
export type AppealStatus = (typeof APPEAL_STATUSES.values)[number];

export const APPEAL_DECISIONS = labelled({ upheld: '申诉成立，核减该评价', rejected: '驳回申诉' });
