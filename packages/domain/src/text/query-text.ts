import { isHan, normalizeText, scriptRuns } from './chinese-text.js';

/**
 * Search queries as citizens and agents type them: "请问身份证丢了怎么补办呀" carries two meaningful
 * words. Fillers (politeness, question words, particles) are cut out before the query is split into
 * bigrams, so they neither match noise nor dilute how much of the query an article covers.
 */

/**
 * Phrases removed from queries wherever they occur, longest first. Chosen so that none is part of a
 * term a service guide would use (办理 is: "户口迁移办理" — but in a question it never adds meaning).
 */
export const QUERY_FILLERS: readonly string[] = [
  '我想咨询一下',
  '想咨询一下',
  '我想了解一下',
  '想了解一下',
  '我想问一下',
  '我想问问',
  '想问一下',
  '请问一下',
  '麻烦问一下',
  '麻烦问下',
  '咨询一下',
  '了解一下',
  '问一下',
  '请问',
  '你好',
  '您好',
  '谢谢',
  '麻烦',
  '怎么办理',
  '怎样办理',
  '如何办理',
  '怎么才能',
  '怎么办',
  '怎么弄',
  '怎么搞',
  '怎么样',
  '怎么',
  '怎样',
  '如何',
  '需要什么',
  '需要哪些',
  '需要',
  '什么',
  '哪些',
  '哪里',
  '哪儿',
  '在哪',
  '哪个',
  '找哪个部门',
  '哪个部门',
  '什么部门',
  '去哪里',
  '在哪里',
  '到哪里',
  '找哪个',
  '找谁',
  '去哪儿',
  '去哪',
  '到哪',
  '咋办',
  '咋整',
  '咋',
  '啥',
  '要办',
  '去办',
  '想办',
  '办个',
  '要带',
  '可以',
  '能不能',
  '能否',
  '是不是',
  '是否',
  '有没有',
  '要不要',
  '应该',
  '多少',
  '多久',
  '我要',
  '我想',
  '想要',
  '我们',
  '我家',
  '我的',
  '办理',
  '一下',
  // Narrative framing of messages: present in every complaint, evidence of none.
  '知不知道',
  '不知道',
  '听说',
  '现在',
  '今年',
  '明年',
  '去年',
  '已经',
  '还没有',
  '一直',
  '然后',
  '但是',
  '因为',
  '所以',
  '如果',
  '这个',
  '那个',
  '这边',
  '那边',
  '这里',
  '那里',
  '自己',
  '他们',
  '你们',
  '大家',
  '帮忙',
  '帮我',
  '希望',
  '尽快',
  '谢谢',
  '感谢',
  // Sichuan speech (the hotline's callers): 咋个 = 怎么, 啥子 = 什么, 屋头 = 家里, 晓得 = 知道.
  '咋个',
  '啥子',
  '屋头',
  '晓得',
  '要得',
  '莫得',
  '噻',
  '撒',
  '哈',
  '喃',
  '哇',
  '嘞',
  '咯',
  '哟',
  '吗',
  '呢',
  '啊',
  '吧',
  '呀',
  '嘛',
  '哦',
  '的',
  '我',
];

/** Fillers that are also the tail of a real word after certain characters: 申请问题, 网吧, 酒吧. */
const GUARDED_FILLERS: Readonly<Record<string, string>> = { 请问: '申邀聘提', 吧: '酒网' };

/**
 * Characters that carry no meaning when a query leaves them standing alone ("去 办证" after "哪里"
 * is cut from "去哪里办证"). Inside longer runs they stay: "去世", "在职".
 */
const LONE_STOP_CHARS = new Set([...'在去到给把被和与及或还就都也又很太让帮个了办是有能要想问下哪找里弄']);

/** 了 is a particle except in 了解 (and 了结); handled apart so 了解 survives. */
const PARTICLE_LE = /了(?![解结])/g;

const FILLER_PATTERN = new RegExp(
  [...QUERY_FILLERS]
    .sort((a, b) => b.length - a.length)
    .map((f) => (GUARDED_FILLERS[f] ? `(?<![${GUARDED_FILLERS[f]}])${f}` : f))
    .join('|'),
  'g',
);

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
/** A Chinese number directly followed by a unit guides write with digits: 八十周岁, 十五年. */
const CHINESE_NUMBER = /[零〇一二两三四五六七八九十百]+(?=周岁|岁|年|个月|天|元|万|人)/g;

/** 十五 → 15, 八十 → 80, 一百二十 → 120, 六十 → 60; null when the characters do not form a number. */
export function chineseNumber(text: string): number | null {
  let total = 0;
  let current = 0;
  for (const char of text) {
    if (char === '百' || char === '十') {
      total += (current || 1) * (char === '百' ? 100 : 10);
      current = 0;
    } else if (char in DIGITS) current = current * 10 + (DIGITS[char] ?? 0);
    else return null;
  }
  return total + current;
}

/**
 * The normalised query with fillers replaced by spaces (so no bigram spans a removed filler), and
 * counted quantities of two characters or more in digits, as guides write them (满八十周岁 → 满 80周岁).
 */
export function stripQueryFillers(text: string): string {
  return normalizeText(text)
    .replace(CHINESE_NUMBER, (n) => {
      const value = n.length < 2 ? null : chineseNumber(n);
      return value === null ? n : ` ${value}`;
    })
    .replace(PARTICLE_LE, ' ')
    .replace(FILLER_PATTERN, ' ')
    .replace(/ +/g, ' ')
    .trim();
}

/**
 * The meaningful runs of a query: fillers removed, then single Han characters that mean nothing on
 * their own dropped. `"请问身份证丢了怎么补办呀"` → `["身份证丢", "补办"]`.
 */
export function queryRuns(text: string): string[] {
  return scriptRuns(stripQueryFillers(text)).filter((run) => {
    const chars = [...run];
    return !(chars.length === 1 && isHan(run) && LONE_STOP_CHARS.has(run));
  });
}
