/**
 * A prior over what a question names. "残疾证" or "卖烟要办什么证" asks how to get the thing, not how
 * to change, renew, replace or cancel it: a guide whose title names a secondary action (变更, 注销,
 * 补办, 换发, 延续, 迁移…) ranks a little lower unless the query says something that calls for that
 * action (改, 丢, 到期, 转…). The words are service-guide vocabulary, not tuned per question.
 */

const SECONDARY_ACTIONS: readonly (readonly [string, readonly string[]])[] = [
  ['变更', ['变更', '改', '换', '更正', '迁', '转']],
  ['注销', ['注销', '销', '关门', '不干', '不做', '停办', '死亡', '去世', '退']],
  ['延续', ['延续', '延期', '到期', '续', '过期']],
  ['续期', ['续期', '延期', '到期', '续', '过期']],
  ['补办', ['补', '丢', '遗失', '掉了', '损坏', '找不到', '没了']],
  ['补领', ['补', '丢', '遗失', '掉了', '损坏', '找不到', '没了']],
  ['补发', ['补', '丢', '遗失', '掉了', '损坏', '找不到', '没了']],
  ['补证', ['补', '丢', '遗失', '掉了', '损坏', '找不到', '没了']],
  ['挂失', ['挂失', '丢', '遗失', '掉了', '找不到', '被偷']],
  ['换发', ['换', '到期', '过期', '损坏', '旧']],
  ['换领', ['换', '到期', '过期', '损坏', '旧']],
  ['换证', ['换', '到期', '过期', '损坏', '旧']],
  ['终止', ['终止', '停', '不干', '不做']],
  ['暂停', ['暂停', '停']],
  ['恢复', ['恢复']],
  ['转出', ['转', '迁', '调']],
  ['转入', ['转', '迁', '调']],
  ['迁移', ['转', '迁', '搬']],
  ['校验', ['校验', '年审', '年检']],
  ['年检', ['年检', '年审']],
  ['过户', ['过户', '转让', '卖', '买']],
  ['停业', ['停业', '歇业', '停', '关门']],
  ['歇业', ['停业', '歇业', '停', '关门']],
  ['撤销', ['撤销', '撤']],
  ['修改', ['修改', '改']],
  ['报废', ['报废']],
  ['重置', ['重置', '忘', '重新设置']],
  ['解挂', ['解挂', '找到', '找回']],
  ['作废', ['作废']],
];

/** Secondary actions a query does not call for (computed once per query from its understood text). */
export function unwantedActions(queryText: string): string[] {
  return SECONDARY_ACTIONS.filter(([, triggers]) => !triggers.some((t) => queryText.includes(t))).map(
    ([word]) => word,
  );
}

/** True when the (normalised) title names one of the unwanted actions. */
export function namesUnwantedAction(title: string, unwanted: readonly string[]): boolean {
  return unwanted.some((word) => title.includes(word));
}
