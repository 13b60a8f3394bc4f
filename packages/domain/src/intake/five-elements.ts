import type { IntakeDraft } from './intake-draft.js';

/**
 * The five elements of an appeal record (五要素：姓名、时间、地址、起因、经过, domain.md §4).
 *
 * These are PROMPTS for the agent, not blockers: an order may be saved with elements missing ("record
 * contact details even if incomplete"). Name and address are read from their fields; time, cause and
 * process are guessed from the wording of title + content with the heuristics below, which find the
 * usual ways callers express them and will miss unusual ones. A present element means "the record seems
 * to say it", never "it is verified".
 */
export type FiveElementKey = 'name' | 'time' | 'address' | 'cause' | 'process';

export interface FiveElementCheck {
  key: FiveElementKey;
  label: string;
  present: boolean;
  /** Whether this element is expected for the draft's appeal type (a consultation needs no address). */
  required: boolean;
  /** Chinese prompt: what was recognised, or what to ask the caller. */
  hint: string;
}

export const FIVE_ELEMENT_LABELS: Record<FiveElementKey, string> = {
  name: '姓名',
  time: '时间',
  address: '地址',
  cause: '起因',
  process: '经过',
};

const NUM = '[0-9零〇一二两三四五六七八九十百]';

/**
 * Time expressions: relative days and weeks, parts of the day, dates and clock times, durations and
 * frequencies, festivals. Matching any of them marks the time element present.
 */
export const TIME_PATTERNS: readonly RegExp[] = [
  /(今|昨|前|明|后|大前)(天|日|晚|早|夜)/u,
  /今(早|晨|晚)|当天|当晚|当日|次日|第二天|隔天/u,
  /(上|这|本|下)(个)?(周|星期|礼拜|月)/u,
  /(周|星期|礼拜)[一二三四五六日天末]/u,
  /(去|今|前|明)年|年初|年底|年前|年后|月初|月底|月中|上旬|中旬|下旬/u,
  /早上|上午|中午|下午|傍晚|晚上|夜里|夜间|深夜|半夜|凌晨|清晨|白天|黄昏|午夜|夜晚/u,
  /每(天|日|晚|周|月|年|次|逢)|天天|经常|长期|一直|反复|多次|屡次/u,
  /最近|近期|近日|近来|前段时间|前些天|前几天|这几天|这两天|这段时间|刚才|刚刚|目前|现在|至今|如今|当时/u,
  new RegExp(`${NUM}{1,4}\\s*年(${NUM}{1,2}\\s*月)?`, 'u'),
  new RegExp(`${NUM}{1,3}\\s*月\\s*(${NUM}{1,3}\\s*[日号])?`, 'u'),
  new RegExp(`${NUM}{1,3}\\s*[日号](?![楼院栋幢线])`, 'u'),
  new RegExp(`${NUM}{1,3}\\s*(点|时)(${NUM}{1,3}分?|半|多|左右|以后|之后|前|后)?`, 'u'),
  /\d{1,2}[:：]\d{2}/u,
  /\d{4}[-/.]\d{1,2}([-/.]\d{1,2})?/u,
  new RegExp(
    `${NUM}{1,3}\\s*(多|余)?\\s*(天|日|周|个?星期|个?月|年|小时)(前|以前|以来|之前|了|多|来|后)`,
    'u',
  ),
  /(连续|持续|已经|已有|长达)\s*[0-9一二两三四五六七八九十几多半]+/u,
  /春节|元旦|清明|五一|劳动节|端午|中秋|国庆|寒假|暑假|开学/u,
];

const PLACE_SUFFIX =
  '小区|花园|家园|公寓|大厦|广场|商场|超市|菜市场|农贸市场|批发市场|市场(?!监|价|主体|秩序|经济)|学校|小学|中学|大学|幼儿园|医院|卫生院|诊所|公园|火车站|汽车站|地铁站|公交站|车站|机场|码头|社区|街道|村|镇|乡|县|新区|开发区|工业园|园区|大道|大街|胡同|巷|弄|路(?![灯面况费线途由径演子数过人边])|街(?![道头巷])';

/**
 * Place expressions: a named road, estate, village or building (`和平路`, `幸福里小区`, `3号楼`) or a
 * district (`东城区`). Generic words on their own (`路灯`, `市场监管`) do not count.
 */
export const PLACE_PATTERNS: readonly RegExp[] = [
  new RegExp(`[\\p{Script=Han}0-9]{1,12}?(${PLACE_SUFFIX})`, 'u'),
  /[0-9一二三四五六七八九十]+\s*(号楼|号院|号|栋|幢|单元|室|层|楼)(?![码])/u,
  /\p{Script=Han}{1,6}(区|县|市)(?![域别分长委政场民级里内外区])/u,
  /(交叉口|路口|十字路口|门口|对面|旁边|附近)/u,
];

/** Why the matter arose (起因): causal words, or what happened / what the caller asks about. */
export const CAUSE_PATTERNS: readonly RegExp[] = [
  /因为|由于|原因|起因|导致|造成|引起|引发|为此|所以|因此|因/u,
  /咨询|询问|想了解|请问|如何|怎么|怎样|能否|可否|是否|哪些|什么/u,
  /发现|看到|听到|闻到|遇到|得知|听说|收到|接到/u,
  /购买|买了|办理|申请|签订|签了|报名|入住|租了|租住|装修|施工|开业|停(水|电|气|暖)|损坏|坏了|破损|漏水|堵塞|积水|噪音|扰民|污染|拖欠|欠薪|乱收费|拒不|拒绝|违规|违法|占用|堆放|丢失|被骗/u,
];

/** How it unfolded (经过): sequence words, what the caller already did and how that ended. */
export const PROCESS_PATTERNS: readonly RegExp[] = [
  /后来|然后|之后|随后|接着|结果|最后|至今|仍然|仍在|还在|依旧|一直/u,
  /多次|反复|屡次|几次|再次|又/u,
  /协商|沟通|联系|找过|找了|反映过|反映了|投诉过|投诉了|打过|拨打|报警|交涉|维权|催促|索要/u,
  /未果|无果|没有结果|没有解决|未解决|没人管|无人管|不予|不给|不理|推诿|答复|回复说|表示|称/u,
];

/** Appeal types whose record needs when and where it happened, and how it unfolded. */
const EVENT_TYPES = new Set(['complaint', 'report', 'help']);

function firstMatch(patterns: readonly RegExp[], text: string): string | undefined {
  for (const pattern of patterns) {
    const m = pattern.exec(text);
    if (m) return m[0];
  }
  return undefined;
}

/** Characters that carry meaning (Han, letters, digits), for "is there any substance" checks. */
function substance(text: string): number {
  return (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
}

export function checkFiveElements(draft: IntakeDraft): FiveElementCheck[] {
  const title = draft.title?.trim() ?? '';
  const content = draft.content?.trim() ?? '';
  const text = `${title}。${content}`;
  const eventLike = draft.appealType === undefined || EVENT_TYPES.has(draft.appealType);
  const consultation = draft.appealType === 'consultation';
  const out: FiveElementCheck[] = [];
  const push = (key: FiveElementKey, present: boolean, required: boolean, hint: string) =>
    out.push({ key, label: FIVE_ELEMENT_LABELS[key], present, required, hint });

  if (draft.anonymous) push('name', true, true, '匿名来电，已记录为匿名');
  else if (draft.callerName?.trim()) push('name', true, true, `来电人：${draft.callerName.trim()}`);
  else push('name', false, true, '请询问来电人姓名（可称呼“某先生/女士”），不愿透露可勾选匿名');

  const time = firstMatch(TIME_PATTERNS, text);
  if (time) push('time', true, eventLike, `已识别时间表述：“${time}”`);
  else
    push(
      'time',
      false,
      eventLike,
      eventLike ? '请询问事情发生的时间（哪天、几点，或持续多久）' : '未识别到时间表述（此类诉求可不填）',
    );

  const place = draft.address?.trim() ? undefined : firstMatch(PLACE_PATTERNS, text);
  if (draft.address?.trim()) push('address', true, eventLike, `事发地址：${draft.address.trim()}`);
  else if (place) push('address', true, eventLike, `内容中提到“${place}”，建议把详细地址填写到“事发地址”栏`);
  else
    push(
      'address',
      false,
      eventLike,
      eventLike ? '请询问事发地点（区、街道或路名、小区及门牌号）' : '未填写地址（咨询、建议类诉求可不填）',
    );

  const cause = substance(content) >= 8 ? firstMatch(CAUSE_PATTERNS, text) : undefined;
  if (cause) push('cause', true, true, `已识别起因表述：“${cause}”`);
  else
    push(
      'cause',
      false,
      true,
      substance(content) < 8
        ? '诉求内容过于简短，请询问事情的起因（因为什么、发生了什么、想咨询什么）'
        : '请确认事情的起因（因为什么、发生了什么）',
    );

  const process = substance(content) >= 15 ? firstMatch(PROCESS_PATTERNS, content) : undefined;
  const processRequired = eventLike && !consultation;
  if (process) push('process', true, processRequired, `已识别经过表述：“${process}”`);
  else
    push(
      'process',
      false,
      processRequired,
      processRequired
        ? '请询问事情经过（持续多久、是否已与对方或有关部门协商、结果如何）'
        : '未识别到经过描述（此类诉求可不填）',
    );
  return out;
}

/** Labels of the expected elements that seem missing, in the order 姓名、时间、地址、起因、经过. */
export function missingElements(checks: readonly FiveElementCheck[]): string[] {
  return checks.filter((c) => c.required && !c.present).map((c) => c.label);
}
