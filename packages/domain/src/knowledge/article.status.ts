/**
 * Statuses of knowledge-base articles and of their versions. Only the workflow (article.workflow.ts)
 * decides which follows which; other code asks the helpers below instead of comparing literals.
 */
export const KB_ARTICLE_STATUSES = ['draft', 'in_review', 'published', 'expired'] as const;
export type KbArticleStatus = (typeof KB_ARTICLE_STATUSES)[number];

export const KB_ARTICLE_STATUS_LABELS: Record<KbArticleStatus, string> = {
  draft: '草稿',
  in_review: '待审核',
  published: '已发布',
  expired: '已失效',
};

export const KB_ARTICLE_STATUS_COLOURS: Record<KbArticleStatus, string> = {
  draft: 'default',
  in_review: 'gold',
  published: 'success',
  expired: 'red',
};

export const KB_VERSION_STATUSES = [
  'draft',
  'in_review',
  'published',
  'rejected',
  'superseded',
  'withdrawn',
] as const;
export type KbVersionStatus = (typeof KB_VERSION_STATUSES)[number];

export const KB_VERSION_STATUS_LABELS: Record<KbVersionStatus, string> = {
  draft: '草稿',
  in_review: '待审核',
  published: '现行版本',
  rejected: '已退回',
  superseded: '历史版本',
  withdrawn: '已撤回',
};

export const KB_VERSION_STATUS_COLOURS: Record<KbVersionStatus, string> = {
  draft: 'default',
  in_review: 'gold',
  published: 'success',
  rejected: 'red',
  superseded: 'default',
  withdrawn: 'default',
};

export function isKbArticleStatus(value: unknown): value is KbArticleStatus {
  return typeof value === 'string' && (KB_ARTICLE_STATUSES as readonly string[]).includes(value);
}

export function isKbVersionStatus(value: unknown): value is KbVersionStatus {
  return typeof value === 'string' && (KB_VERSION_STATUSES as readonly string[]).includes(value);
}

/** Statuses the agents' search shows by default: published content only. */
export const KB_LIVE_STATUSES: readonly KbArticleStatus[] = ['published'];

/** A version still waiting for a decision: the one `pendingVersion` of an article. */
export const KB_PENDING_VERSION_STATUSES: readonly KbVersionStatus[] = ['draft', 'in_review'];

/** A version awaiting the centre's review (the review queue). */
export const KB_REVIEW_STATUS: KbVersionStatus = 'in_review';

/** Versions whose content was public at some time (history shown to readers outside the owner unit). */
export const KB_PUBLIC_VERSION_STATUSES: readonly KbVersionStatus[] = ['published', 'superseded'];

export const isPendingVersion = (status: string): boolean =>
  (KB_PENDING_VERSION_STATUSES as readonly string[]).includes(status);

/** Gap (知识缺口) statuses: a question the knowledge base could not answer. */
export const KB_GAP_STATUSES = ['open', 'answered', 'dismissed'] as const;
export type KbGapStatus = (typeof KB_GAP_STATUSES)[number];
export const KB_GAP_STATUS_LABELS: Record<KbGapStatus, string> = {
  open: '待补充',
  answered: '已补充',
  dismissed: '已忽略',
};
export function isKbGapStatus(value: unknown): value is KbGapStatus {
  return typeof value === 'string' && (KB_GAP_STATUSES as readonly string[]).includes(value);
}

/** Whether agents see the article in search by default (it is live). */
export const isLiveArticle = (status: string): boolean =>
  (KB_LIVE_STATUSES as readonly string[]).includes(status);

/** Whether a version waits for the centre's review. */
export const isInReview = (status: string): boolean => status === KB_REVIEW_STATUS;
