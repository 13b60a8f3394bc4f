import type { FieldIssue } from '../errors.js';
import type { NotificationKind } from './notification.kinds.js';

/** Placeholders a template may use; anything else in braces is refused when an admin edits a template. */
export const TEMPLATE_PLACEHOLDERS = ['orderNo', 'title', 'deadline', 'unitName'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
export type TemplateValues = Partial<Record<TemplatePlaceholder, string | null>>;

export const TEMPLATE_MAX_LENGTH = 500;

export const DEFAULT_TEMPLATES: Record<NotificationKind, string> = {
  order_dispatched: '【12345】工单{orderNo}「{title}」已派至{unitName}，请及时签收，办理时限{deadline}。',
  return_requested: '【12345】{unitName}申请退回工单{orderNo}「{title}」，请派单员审核。',
  return_rejected:
    '【12345】工单{orderNo}「{title}」的退回申请未获同意，请{unitName}继续办理，办理时限{deadline}。',
  extension_requested:
    '【12345】{unitName}申请延期办理工单{orderNo}「{title}」，当前时限{deadline}，请审核。',
  extension_approved: '【12345】工单{orderNo}「{title}」延期已批准，新的办理时限{deadline}。',
  extension_refused: '【12345】工单{orderNo}「{title}」延期申请未获批准，请在{deadline}前办结。',
  reply_submitted: '【12345】{unitName}已答复工单{orderNo}「{title}」，请审核员审核。',
  reply_rejected: '【12345】工单{orderNo}「{title}」的答复被退回，请{unitName}重新办理，办理时限{deadline}。',
  task_assigned: '【12345】工单{orderNo}「{title}」已下派至{unitName}，请及时签收并向主办单位反馈。',
  co_reported: '【12345】协办单位已反馈工单{orderNo}「{title}」的办理情况，请{unitName}汇总答复。',
  negotiated: '【12345】工单{orderNo}「{title}」经协商确定由{unitName}主办，请签收办理，办理时限{deadline}。',
  reminder: '【12345】催办：工单{orderNo}「{title}」请{unitName}加快办理，办理时限{deadline}。',
  supervision_issued:
    '【12345】督办：工单{orderNo}「{title}」已被督办，请{unitName}在{deadline}前回复督办意见。',
  supervision_replied: '【12345】{unitName}已回复工单{orderNo}「{title}」的督办。',
  clock_yellow: '【12345】黄牌预警：工单{orderNo}「{title}」将于{deadline}到期，请{unitName}抓紧办理。',
  clock_red: '【12345】红牌：工单{orderNo}「{title}」已超过时限（{deadline}），请{unitName}立即办理。',
  clock_remind: '【12345】超期催办：工单{orderNo}「{title}」已超期（时限{deadline}），请{unitName}尽快办结。',
  clock_escalated:
    '【12345】督办升级：{unitName}承办的工单{orderNo}「{title}」超期未办结（时限{deadline}），已报上级单位督办。',
  appeal_filed: '【12345】{unitName}对工单{orderNo}「{title}」的不满意评价提出申诉，请审核。',
  appeal_decided: '【12345】工单{orderNo}「{title}」的申诉已审核，请{unitName}查看结果。',
  escalated_to_leaders: '【12345】工单{orderNo}「{title}」重办后来电人仍不满意，已提交领导研判。',
  caller_reply: '【12345】您的工单{orderNo}已办理，答复内容请见短信。',
};

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Fills `{name}` placeholders; a missing value renders as "—", unknown names stay as written. */
export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name)) return whole;
    const value = values[name as TemplatePlaceholder];
    return value === undefined || value === null || value === '' ? '—' : value;
  });
}

/** Checks an admin's template text: not empty, bounded, only known placeholders, balanced braces. */
export function validateTemplate(text: string, field = 'text'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (text.trim().length === 0) issues.push({ field, message: '模板内容不能为空' });
  if (text.length > TEMPLATE_MAX_LENGTH) {
    issues.push({ field, message: `模板内容不超过 ${TEMPLATE_MAX_LENGTH} 个字符` });
  }
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1] ?? '';
    if (!(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name)) {
      issues.push({
        field,
        message: `未知的占位符 {${name}}，可用：${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`,
      });
    }
  }
  const stripped = text.replace(PLACEHOLDER, '');
  if (/[{}]/.test(stripped)) issues.push({ field, message: '花括号不成对' });
  return issues;
}
