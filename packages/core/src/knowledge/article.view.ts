import {
  KB_ARTICLE_KINDS,
  KB_ARTICLE_STATUS_LABELS,
  KB_FIELD_SPECS,
  KB_VERSION_STATUS_LABELS,
  type KbAction,
  kbStaleReasons,
} from '@huawu/domain';
import type { ArticleRecord } from '../storage/kb-articles.repository.js';
import type { VersionRecord } from '../storage/kb-versions.repository.js';

/** Shapes of knowledge-base records as readers see them (API contract: "Knowledge base"). */

export interface ArticleSummary {
  id: string;
  kind: string;
  kindLabel: string;
  status: string;
  statusLabel: string;
  title: string;
  itemCode: string | null;
  ownerUnitId: string | null;
  ownerUnitName: string;
  publishedVersion: number | null;
  latestVersion: number;
  validFrom: string | null;
  validTo: string | null;
  nextReviewOn: string | null;
  updatedAt: string;
  /** Why the article needs attention (Chinese); empty when it is fine. */
  stale: string[];
}

export interface VersionSummary {
  version: number;
  status: string;
  statusLabel: string;
  title: string;
  changeNote: string | null;
  authorName: string;
  authorUnitName: string;
  createdAt: string;
  submittedAt: string | null;
  reviewedByName: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
}

export interface VersionDetail extends VersionSummary {
  keywords: string;
  fields: Record<string, string>;
  ownerUnitId: string | null;
  validFrom: string | null;
  validTo: string | null;
  nextReviewOn: string | null;
}

export interface ArticleDetail extends ArticleSummary {
  keywords: string;
  fields: Record<string, string>;
  pendingVersion: VersionSummary | null;
  allowedActions: KbAction[];
  fieldSpecs: (typeof KB_FIELD_SPECS)[keyof typeof KB_FIELD_SPECS];
  expiredAt: string | null;
  expiredReason: string | null;
}

export function toArticleSummary(a: ArticleRecord, today: string): ArticleSummary {
  return {
    id: a.id,
    kind: a.kind,
    kindLabel: KB_ARTICLE_KINDS.labels[a.kind] ?? a.kind,
    status: a.status,
    statusLabel: KB_ARTICLE_STATUS_LABELS[a.status] ?? a.status,
    title: a.title,
    itemCode: a.itemCode,
    ownerUnitId: a.ownerUnitId,
    ownerUnitName: a.ownerUnitName,
    publishedVersion: a.publishedVersion,
    latestVersion: a.latestVersion,
    validFrom: a.validFrom,
    validTo: a.validTo,
    nextReviewOn: a.nextReviewOn,
    updatedAt: a.updatedAt,
    stale: kbStaleReasons(a, a.owner, today),
  };
}

/** Authors without an account are the command-line operator (imports). */
const SYSTEM_NAME = '系统导入';

export function toVersionSummary(v: VersionRecord): VersionSummary {
  return {
    version: v.version,
    status: v.status,
    statusLabel: KB_VERSION_STATUS_LABELS[v.status] ?? v.status,
    title: v.title,
    changeNote: v.changeNote,
    authorName: v.authorName ?? SYSTEM_NAME,
    authorUnitName: v.authorUnitName ?? '',
    createdAt: v.createdAt,
    submittedAt: v.submittedAt,
    reviewedByName: v.reviewedBy ? (v.reviewedByName ?? SYSTEM_NAME) : null,
    reviewedAt: v.reviewedAt,
    reviewComment: v.reviewComment,
  };
}

export function toVersionDetail(v: VersionRecord): VersionDetail {
  return {
    ...toVersionSummary(v),
    keywords: v.keywords,
    fields: v.fields,
    ownerUnitId: v.ownerUnitId,
    validFrom: v.validFrom,
    validTo: v.validTo,
    nextReviewOn: v.nextReviewOn,
  };
}

export function toArticleDetail(
  a: ArticleRecord,
  today: string,
  pending: VersionRecord | null,
  allowedActions: KbAction[],
): ArticleDetail {
  return {
    ...toArticleSummary(a, today),
    keywords: a.keywords,
    fields: a.fields,
    pendingVersion: pending ? toVersionSummary(pending) : null,
    allowedActions,
    fieldSpecs: KB_FIELD_SPECS[a.kind],
    expiredAt: a.expiredAt,
    expiredReason: a.expiredReason,
  };
}
