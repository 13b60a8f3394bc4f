import {
  EMERGENCY_TARGETS,
  NOT_ACCEPTED_REASONS,
  SCOPE_RULE_KIND_LABELS,
  TRANSFER_TARGETS,
} from '@huawu/domain';

/** Labels of the scope rules' fields, from the domain. */

export const KIND_OPTIONS = Object.entries(SCOPE_RULE_KIND_LABELS).map(([value, label]) => ({
  value,
  label,
}));

export const TARGET_OPTIONS = EMERGENCY_TARGETS.map((value) => ({
  value,
  label: TRANSFER_TARGETS.labels[value],
}));

export const REASON_OPTIONS = NOT_ACCEPTED_REASONS.values.map((value) => ({
  value,
  label: `${value} · ${NOT_ACCEPTED_REASONS.labels[value]}`,
}));

export const targetLabel = (target: string | null | undefined) =>
  target ? (TRANSFER_TARGETS.labels[target as keyof typeof TRANSFER_TARGETS.labels] ?? target) : '';

export const reasonLabel = (code: string | null | undefined) =>
  code ? (NOT_ACCEPTED_REASONS.labels[code as keyof typeof NOT_ACCEPTED_REASONS.labels] ?? code) : '';

export const DECISION_LABELS: Record<string, string> = {
  accept: '可以受理',
  not_accept: '不予受理',
  emergency: '紧急转接',
};
