import type { KbArticleStatus } from './article.status.js';

/** What the stale rules read of an article. Dates are local (YYYY-MM-DD). */
export interface KbStaleArticle {
  status: KbArticleStatus;
  nextReviewOn: string | null;
  validTo: string | null;
  ownerUnitId: string | null;
  /** The owner's name when the content was last approved. */
  ownerUnitName: string;
}

/** The owner unit as it is now; `null` when the unit no longer exists. */
export interface KbOwnerUnitNow {
  name: string;
  active: boolean;
}

/** Only published content can go stale: drafts are not in use and expired articles are already out. */
export const KB_STALE_STATUSES: readonly KbArticleStatus[] = ['published'];

/**
 * Why a published article needs attention (empty: it is fine). The rules: the review date has passed,
 * the validity has ended, or the owner unit was renamed (its name differs from the name recorded at the
 * last approval), deactivated or removed. An owner known only by name (imports) is not checked.
 * `storage/kb-article-list.repository.ts` mirrors these rules in SQL to filter lists; these are the authority.
 */
export function kbStaleReasons(
  article: KbStaleArticle,
  owner: KbOwnerUnitNow | null | undefined,
  today: string,
): string[] {
  if (!KB_STALE_STATUSES.includes(article.status)) return [];
  const reasons: string[] = [];
  if (article.nextReviewOn && article.nextReviewOn < today) {
    reasons.push(`复核日期已过（${article.nextReviewOn}）`);
  }
  if (article.validTo && article.validTo < today) reasons.push(`有效期已过（${article.validTo}）`);
  if (article.ownerUnitId) {
    if (!owner) reasons.push('主管单位已撤销');
    else if (!owner.active) reasons.push(`主管单位已停用（${owner.name}）`);
    else if (owner.name !== article.ownerUnitName) {
      reasons.push(`主管单位已更名（原「${article.ownerUnitName}」，现「${owner.name}」）`);
    }
  }
  return reasons;
}
