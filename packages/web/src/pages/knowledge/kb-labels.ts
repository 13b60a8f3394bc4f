import {
  KB_ARTICLE_KINDS,
  KB_ARTICLE_STATUSES,
  KB_ARTICLE_STATUS_COLOURS,
  KB_ARTICLE_STATUS_LABELS,
  KB_VERSION_STATUS_COLOURS,
  KB_VERSION_STATUS_LABELS,
} from '@huawu/domain';

/** Labels and colours of article kinds and statuses, from the domain (the server sends the same labels). */

export const KINDS = KB_ARTICLE_KINDS.values;
export const KIND_LABELS: Record<string, string> = KB_ARTICLE_KINDS.labels;
export const ARTICLE_STATUSES = KB_ARTICLE_STATUSES;
export const ARTICLE_STATUS_LABELS: Record<string, string> = KB_ARTICLE_STATUS_LABELS;
export const VERSION_STATUS_LABELS: Record<string, string> = KB_VERSION_STATUS_LABELS;

export const articleStatusColour = (status: string) =>
  (KB_ARTICLE_STATUS_COLOURS as Record<string, string>)[status] ?? 'default';
export const versionStatusColour = (status: string) =>
  (KB_VERSION_STATUS_COLOURS as Record<string, string>)[status] ?? 'default';

export const toOptions = (values: readonly string[], labels: Record<string, string>) =>
  values.map((value) => ({ value, label: labels[value] ?? value }));
