import type { ReplyResult } from '../work-order.fields.js';

/** What the unit committed to (答复) — the only facts a reply to the caller may state (真实). */
export interface UnitReplyFacts {
  orderNo: string;
  /** 张先生 / 李女士 when known; anonymous callers are not addressed by name. */
  callerAddress: string | null;
  unitName: string | null;
  result: ReplyResult;
  publicReply: string;
  /** For 不属于职责: the channel the caller should use. */
  rightChannel?: string | null;
  /** For 无法解决: why it cannot be solved. */
  reason?: string | null;
}

export interface CallerReplyScript {
  /** What the agent reads on the phone, paragraph by paragraph. */
  phone: string[];
  /** The SMS text (one message, signed by the hotline). */
  sms: string;
}

const OPENING: Record<ReplyResult, string> = {
  resolved: '您反映的问题已经办理完毕。',
  partly_resolved: '您反映的问题已部分办理，办理情况如下。',
  unresolved: '您反映的问题经承办单位核实，目前暂时无法解决，原因如下。',
  not_our_duty: '您反映的问题经核实不属于本热线承办单位的职责范围。',
};

/**
 * The reply to the caller (回复), by result: solved / partly solved / not solvable (with the reason) /
 * not our remit (with the right channel). It repeats the unit's public reply verbatim and adds nothing
 * the unit did not write — no promises of its own (真实), short sentences (简明), polite forms (礼貌).
 */
export function callerReplyScript(
  f: UnitReplyFacts,
  hotlineName = '12345政务服务便民热线',
): CallerReplyScript {
  const who = f.callerAddress ? `${f.callerAddress}，您好` : '您好';
  const from = f.unitName ? `${f.unitName}答复：` : '承办单位答复：';
  const phone = [
    `${who}，这里是${hotlineName}。关于您的工单 ${f.orderNo}，${OPENING[f.result]}`,
    `${from}${f.publicReply}`,
  ];
  let smsTail = '';
  if (f.result === 'unresolved' && f.reason) {
    phone.push(`无法解决的原因：${f.reason}`);
    smsTail = `原因：${f.reason}`;
  }
  if (f.result === 'not_our_duty' && f.rightChannel) {
    phone.push(`建议您通过以下渠道反映：${f.rightChannel}`);
    smsTail = `建议您通过${f.rightChannel}反映。`;
  }
  phone.push('请问您对答复还有什么疑问吗？稍后我们可能对办理情况进行回访，感谢您的来电，再见。');
  const sms = `【${hotlineName}】${who}，您的工单${f.orderNo}${OPENING[f.result]}${from}${f.publicReply}${smsTail}`;
  return { phone, sms };
}

/** What the callback staff read (回访话术): who they are, what was asked, what the unit answered, two questions. */
export function callbackScript(
  f: Pick<UnitReplyFacts, 'orderNo' | 'callerAddress' | 'unitName'> & {
    title: string;
    /** Local date the caller called (e.g. 2026-11-28). */
    calledOn: string;
    /** What the caller was told (the reply or the direct answer). */
    told: string | null;
    scale: 3 | 5;
  },
  hotlineName = '12345政务服务便民热线',
): string[] {
  const who = f.callerAddress ? `${f.callerAddress}，您好` : '您好';
  const levels =
    f.scale === 5 ? '非常满意、满意、基本满意、不满意还是非常不满意' : '满意、基本满意还是不满意';
  return [
    `${who}，这里是${hotlineName}回访，打扰您一两分钟。`,
    `您在 ${f.calledOn} 反映的「${f.title}」（工单 ${f.orderNo}），${f.unitName ? `${f.unitName}已` : '已'}办理答复。`,
    ...(f.told ? [`答复内容：${f.told}`] : []),
    '请问您反映的问题是否已经解决？是、部分解决还是没有解决？',
    `请问您对这次办理的结果${levels}？`,
    '感谢您对热线工作的支持，再见。',
  ];
}
