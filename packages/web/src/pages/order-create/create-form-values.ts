import type { AppealType, CallerType, Channel, Urgency } from '@huawu/domain';
import type { CreateOrderBody } from '../../api/types';

export interface CreateFormValues {
  channel: Channel;
  callerName?: string;
  callerPhone?: string;
  callerType: CallerType;
  anonymous: boolean;
  confidential: boolean;
  wantsCallback: boolean;
  appealType?: AppealType;
  category?: string;
  title: string;
  content: string;
  address?: string;
  urgency: Urgency;
}

export const CREATE_FIELDS: readonly (keyof CreateFormValues)[] = [
  'channel',
  'callerName',
  'callerPhone',
  'callerType',
  'anonymous',
  'confidential',
  'wantsCallback',
  'appealType',
  'category',
  'title',
  'content',
  'address',
  'urgency',
];

export const INITIAL_VALUES: Partial<CreateFormValues> = {
  channel: 'phone',
  callerType: 'person',
  anonymous: false,
  confidential: false,
  wantsCallback: true,
  urgency: 'normal',
};

const optional = (value: string | undefined) => {
  const text = value?.trim();
  return text ? text : undefined;
};

export function toCreateBody(values: CreateFormValues): CreateOrderBody {
  const anonymous = values.anonymous === true;
  return {
    channel: values.channel,
    callerName: anonymous ? undefined : optional(values.callerName),
    callerPhone: anonymous ? undefined : optional(values.callerPhone),
    callerType: values.callerType,
    anonymous,
    confidential: values.confidential === true,
    wantsCallback: values.wantsCallback === true,
    appealType: values.appealType as AppealType,
    category: optional(values.category),
    title: values.title.trim(),
    content: values.content.trim(),
    address: optional(values.address),
    urgency: values.urgency,
  };
}
