import { type FieldIssue, type Result, fail, ok } from './errors.js';
import { type FieldSpecs, parseFields } from './input-fields.js';
import {
  APPEAL_TYPES,
  type AppealType,
  CALLER_TYPES,
  type CallerType,
  CHANNELS,
  type Channel,
  URGENCIES,
  type Urgency,
} from './work-order.fields.js';

/** The fields an agent records at intake (受理), domain.md §4. */
export const INTAKE_FIELDS: FieldSpecs = {
  channel: { kind: 'enum', label: '来源渠道', required: true, options: CHANNELS },
  callerName: { kind: 'text', label: '来电人姓名', required: false, maxLength: 50 },
  callerPhone: { kind: 'text', label: '联系电话', required: false, maxLength: 20 },
  callerType: { kind: 'enum', label: '来电人类型', required: false, options: CALLER_TYPES },
  anonymous: { kind: 'boolean', label: '匿名', required: false },
  confidential: { kind: 'boolean', label: '保密', required: false },
  wantsCallback: { kind: 'boolean', label: '需要回访', required: false },
  appealType: { kind: 'enum', label: '诉求类型', required: true, options: APPEAL_TYPES },
  category: { kind: 'text', label: '诉求分类', required: false, maxLength: 100 },
  title: { kind: 'text', label: '标题', required: true, maxLength: 100 },
  content: { kind: 'text', label: '诉求内容', required: true, maxLength: 4000, multiline: true },
  address: { kind: 'text', label: '事发地址', required: false, maxLength: 200 },
  divisionCode: { kind: 'text', label: '行政区划代码', required: false, maxLength: 12 },
  urgency: { kind: 'enum', label: '紧急程度', required: false, options: URGENCIES },
  callId: { kind: 'text', label: '通话编号', required: false, maxLength: 64 },
};

export interface IntakeInput {
  channel: Channel;
  callerName: string | null;
  callerPhone: string | null;
  callerType: CallerType;
  anonymous: boolean;
  confidential: boolean;
  wantsCallback: boolean;
  appealType: AppealType;
  category: string | null;
  title: string;
  content: string;
  address: string | null;
  divisionCode: string | null;
  urgency: Urgency;
  callId: string | null;
}

/** Mainland mobile (1xxxxxxxxxx), landline with area code (0xx-xxxxxxxx), or a short service number. */
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8}|\d{3,8})$/;

export function isPhoneNumber(value: string): boolean {
  return PHONE.test(value);
}

export function parseIntake(raw: unknown): Result<IntakeInput> {
  const parsed = parseFields(INTAKE_FIELDS, raw, '');
  const issues: FieldIssue[] = parsed.ok ? [] : (parsed.error.issues ?? []).map(stripDot);
  if (!parsed.ok && issues.length === 0) return parsed;
  const v = parsed.ok ? parsed.value : {};
  const str = (k: string) => (typeof v[k] === 'string' && v[k] !== '' ? (v[k] as string) : null);
  const anonymous = v.anonymous === true;
  const phone = str('callerPhone');
  if (phone && !isPhoneNumber(phone.replaceAll(' ', ''))) {
    issues.push({ field: 'callerPhone', message: '联系电话格式不正确（手机号11位，座机需带区号）' });
  }
  if (!anonymous && !phone && v.wantsCallback !== false && parsed.ok) {
    issues.push({ field: 'callerPhone', message: '需要回访时请填写联系电话，或标记为匿名' });
  }
  if (issues.length > 0) return fail('VALIDATION_FAILED', undefined, issues);
  return ok({
    channel: v.channel as Channel,
    callerName: anonymous ? null : str('callerName'),
    callerPhone: phone ? phone.replaceAll(' ', '') : null,
    callerType: (v.callerType as CallerType | undefined) ?? 'person',
    anonymous,
    confidential: v.confidential === true,
    wantsCallback: anonymous ? false : v.wantsCallback !== false,
    appealType: v.appealType as AppealType,
    category: str('category'),
    title: v.title as string,
    content: v.content as string,
    address: str('address'),
    divisionCode: str('divisionCode'),
    urgency: (v.urgency as Urgency | undefined) ?? 'normal',
    callId: str('callId'),
  });
}

function stripDot(issue: FieldIssue): FieldIssue {
  return { ...issue, field: issue.field.replace(/^\./, '') };
}
