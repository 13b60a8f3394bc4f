/**
 * 承办单位考核 (unit assessment): the counts gathered per unit over a period and the rates derived from
 * them — the ONE place these formulas live. Core counts, the web and CSV export show what this returns.
 *
 * - 退单率 returnRate = returnsRequested ÷ received
 * - 退单核准率 returnApprovalRate = returnsApproved ÷ returnsRequested
 * - 按时签收率 onTimeSignRate = 1 − signOverdue ÷ received
 * - 按时办结率 onTimeHandleRate = 1 − handleOverdue ÷ received
 * - 延期率 extensionRate = extensionsRequested ÷ received
 * - 督办率 supervisionRate = supervisions ÷ received
 * - 满意率 satisfactionRate = satisfied ÷ (callbacks − ratingsExcluded)
 * - 解决率 resolvedRate = resolved ÷ (callbacks − ratingsExcluded)
 * - 重办率 redoRate = redone ÷ received
 *
 * A rating whose appeal was upheld (申诉核减) is removed from the unit's assessment: it stays in
 * `callbacks` (the calls were made) but leaves satisfied / dissatisfied / resolved and both denominators.
 *
 * A rate with a zero denominator is `null` (shown "—"), never 0 or 100 %; on-time rates never drop
 * below 0 (a unit may be overdue on an order received before the period). Rounded to 4 decimals.
 */
export interface UnitDispatchCounts {
  /** Orders the unit was named on (dispatch / approve_return / negotiate) as lead or co-unit. */
  received: number;
  returnsRequested: number;
  returnsApproved: number;
  returnsRejected: number;
  negotiated: number;
  extensionsRequested: number;
  extensionsApproved: number;
  /** Red cards (红牌) on sign clocks. */
  signOverdue: number;
  /** Red cards on handling clocks. */
  handleOverdue: number;
  /** Escalations (督办并报上级) of the unit's clocks. */
  escalations: number;
  /** 督办 received (manual or automatic). */
  supervisions: number;
  /** Replies (答复) the unit gave as lead. */
  replied: number;
  /** Valid callbacks (回访 with a rating) of orders the unit replied to as lead. */
  callbacks: number;
  /** Of those not excluded: 满意 + 基本满意 (+ 非常满意 on the five-level scale). */
  satisfied: number;
  /** Of those not excluded: 不满意 + 非常不满意. */
  dissatisfied: number;
  /** Of those not excluded: the caller said the problem was solved (是). */
  resolved: number;
  /** Callbacks whose rating was removed by an upheld appeal (核减), whenever it was decided. */
  ratingsExcluded: number;
  /** Callbacks that sent the order back for redo (重办). */
  redone: number;
  /** Appeals against a bad rating (申诉核减) the unit filed. */
  appealsFiled: number;
  /** Appeals of the unit the centre upheld. */
  appealsUpheld: number;
}

export interface UnitDispatchRates {
  returnRate: number | null;
  returnApprovalRate: number | null;
  onTimeSignRate: number | null;
  onTimeHandleRate: number | null;
  extensionRate: number | null;
  supervisionRate: number | null;
  satisfactionRate: number | null;
  resolvedRate: number | null;
  redoRate: number | null;
}

export const UNIT_COUNT_KEYS = [
  'received',
  'returnsRequested',
  'returnsApproved',
  'returnsRejected',
  'negotiated',
  'extensionsRequested',
  'extensionsApproved',
  'signOverdue',
  'handleOverdue',
  'escalations',
  'supervisions',
  'replied',
  'callbacks',
  'satisfied',
  'dissatisfied',
  'resolved',
  'ratingsExcluded',
  'redone',
  'appealsFiled',
  'appealsUpheld',
] as const satisfies readonly (keyof UnitDispatchCounts)[];

export const UNIT_COUNT_LABELS: Record<keyof UnitDispatchCounts, string> = {
  received: '收到派单',
  returnsRequested: '申请退单',
  returnsApproved: '退单获准',
  returnsRejected: '退单被驳回',
  negotiated: '协商定主办',
  extensionsRequested: '申请延期',
  extensionsApproved: '延期获批',
  signOverdue: '签收超期',
  handleOverdue: '办理超期',
  escalations: '升级督办',
  supervisions: '收到督办',
  replied: '已答复',
  callbacks: '有效回访',
  satisfied: '满意',
  dissatisfied: '不满意',
  resolved: '已解决',
  ratingsExcluded: '核减评价',
  redone: '重办',
  appealsFiled: '申诉',
  appealsUpheld: '申诉成立',
};

export const UNIT_RATE_KEYS = [
  'returnRate',
  'returnApprovalRate',
  'onTimeSignRate',
  'onTimeHandleRate',
  'extensionRate',
  'supervisionRate',
  'satisfactionRate',
  'resolvedRate',
  'redoRate',
] as const satisfies readonly (keyof UnitDispatchRates)[];

export const UNIT_RATE_LABELS: Record<keyof UnitDispatchRates, string> = {
  returnRate: '退单率',
  returnApprovalRate: '退单核准率',
  onTimeSignRate: '按时签收率',
  onTimeHandleRate: '按时办结率',
  extensionRate: '延期率',
  supervisionRate: '督办率',
  satisfactionRate: '满意率',
  resolvedRate: '解决率',
  redoRate: '重办率',
};

export const emptyUnitCounts = (): UnitDispatchCounts => ({
  received: 0,
  returnsRequested: 0,
  returnsApproved: 0,
  returnsRejected: 0,
  negotiated: 0,
  extensionsRequested: 0,
  extensionsApproved: 0,
  signOverdue: 0,
  handleOverdue: 0,
  escalations: 0,
  supervisions: 0,
  replied: 0,
  callbacks: 0,
  satisfied: 0,
  dissatisfied: 0,
  resolved: 0,
  ratingsExcluded: 0,
  redone: 0,
  appealsFiled: 0,
  appealsUpheld: 0,
});

const round4 = (x: number) => Math.round(x * 10000) / 10000;
const ratio = (part: number, whole: number): number | null => (whole > 0 ? round4(part / whole) : null);
const onTime = (late: number, whole: number): number | null =>
  whole > 0 ? round4(Math.max(0, 1 - late / whole)) : null;

/** The rates of one unit's counts. */
export function unitDispatchRates(c: UnitDispatchCounts): UnitDispatchRates {
  // Ratings removed on appeal (核减) leave the denominator of both callback rates.
  const rated = Math.max(0, c.callbacks - c.ratingsExcluded);
  return {
    returnRate: ratio(c.returnsRequested, c.received),
    returnApprovalRate: ratio(c.returnsApproved, c.returnsRequested),
    onTimeSignRate: onTime(c.signOverdue, c.received),
    onTimeHandleRate: onTime(c.handleOverdue, c.received),
    extensionRate: ratio(c.extensionsRequested, c.received),
    supervisionRate: ratio(c.supervisions, c.received),
    satisfactionRate: ratio(c.satisfied, rated),
    resolvedRate: ratio(c.resolved, rated),
    redoRate: ratio(c.redone, c.received),
  };
}

/** A rate as a report cell: "12.5%" or "—". */
export const formatUnitRate = (rate: number | null): string =>
  rate === null ? '—' : `${round4(rate * 100).toString()}%`;
