import type { ClosurePolicy } from '@huawu/domain';
import type { FieldIssue } from '../../api/client';

/** The form holds the sample rate in per cent (0–100); the API in a fraction (0–1). */
export type PolicyFormValues = Omit<ClosurePolicy, 'directAnswerSampleRate'> & { samplePercent: number };

export const toFormValues = (p: ClosurePolicy): PolicyFormValues => {
  const { directAnswerSampleRate, ...rest } = p;
  return { ...rest, samplePercent: Math.round(directAnswerSampleRate * 1000) / 10 };
};

export const fromFormValues = (v: PolicyFormValues): ClosurePolicy => {
  const { samplePercent, ...rest } = v;
  return {
    ...rest,
    reviewChecklist: (rest.reviewChecklist ?? []).map((c) => ({ ...c, required: c.required === true })),
    directAnswerSampleRate: Math.round(samplePercent * 10) / 1000,
  };
};

/** A stable key for a new checklist item (lower-case letters and digits, as the domain requires). */
export const newCheckId = () =>
  `check_${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

/** A server issue path (reviewChecklist.2.label) as an antd field name (['reviewChecklist', 2, 'label']). */
export function issueName(issue: FieldIssue): (string | number)[] {
  const path = issue.field === 'directAnswerSampleRate' ? 'samplePercent' : issue.field;
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
