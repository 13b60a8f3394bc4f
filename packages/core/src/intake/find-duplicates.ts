import {
  type DuplicateScore,
  type IntakeDraft,
  STATUS_LABELS,
  bigrams,
  duplicateProbe,
  isHan,
  isLikelyDuplicate,
  scoreDuplicate,
} from '@huawu/domain';
import type { CoreDeps } from '../deps.js';
import { listOpenCandidates } from '../storage/intake-candidates.repository.js';
import type { OrderBrief } from '../storage/order-brief.rows.js';

/** An open order that may be the same matter; never carries the other caller's name or number. */
export interface DupCandidate {
  id: string;
  orderNo: string;
  status: string;
  statusLabel: string;
  title: string;
  address: string | null;
  category: string | null;
  createdAt: string;
  similarity: number;
  reasons: string[];
}

const SAME_CALLER_LIMIT = 10;
/** Rows read per criterion (category, division, title words, newest): bounded whatever the table size. */
const PER_CRITERION = 100;
const SIMILAR_LIMIT = 5;
const TITLE_WORDS = 8;

export const DEFAULT_DUPLICATE_WINDOW_DAYS = 30;

/**
 * Duplicate candidates for an intake draft (并单/关联): the caller's own open orders, and open orders of
 * other callers that look like the same matter, both within the configured window. Candidates are read
 * by a few bounded, indexed queries (same category, same division, title words, the newest) and scored
 * in memory (domain duplicates.ts), so the check stays fast at hundreds of thousands of orders.
 */
export async function findDuplicates(deps: CoreDeps, draft: IntakeDraft) {
  const { db } = deps.database;
  const now = deps.now();
  const windowDays = deps.config.duplicateWindowDays ?? DEFAULT_DUPLICATE_WINDOW_DAYS;
  const since = new Date(now.getTime() - windowDays * 86_400_000).toISOString();
  const probe = duplicateProbe(draft);
  const score = (o: OrderBrief) => scoreDuplicate(probe, o, now, windowDays);
  const view = (o: OrderBrief, s: DuplicateScore, extraReason?: string): DupCandidate => ({
    id: o.id,
    orderNo: o.orderNo,
    status: o.status,
    statusLabel: STATUS_LABELS[o.status],
    title: o.title,
    address: o.address,
    category: o.category,
    createdAt: o.createdAt,
    similarity: s.similarity,
    reasons: extraReason ? [extraReason, ...s.reasons] : s.reasons,
  });

  const own = draft.callerPhone
    ? await listOpenCandidates(db, 'caller', {
        since,
        callerPhone: draft.callerPhone,
        limit: SAME_CALLER_LIMIT,
      })
    : [];
  const sameCaller = own.map((o) => view(o, score(o), '同一来电号码'));

  const hasSubstance = Boolean(draft.title || draft.content || draft.address);
  if (!hasSubstance) return { sameCaller, similar: [] as DupCandidate[] };
  const titleWords = [...new Set(bigrams(draft.title ?? '').filter((w) => [...w].every(isHan)))].slice(
    0,
    TITLE_WORDS,
  );
  const query = {
    since,
    category: draft.category,
    divisionCode: draft.divisionCode,
    titleWords,
    limit: PER_CRITERION,
  };
  const batches = await Promise.all(
    (['category', 'division', 'title', 'recent'] as const).map((by) => listOpenCandidates(db, by, query)),
  );
  const seen = new Set(own.map((o) => o.id));
  const similar: DupCandidate[] = [];
  for (const o of batches.flat()) {
    if (seen.has(o.id)) continue;
    seen.add(o.id);
    // Another order of the same caller outside the own-orders list is still the caller's, not "similar".
    if (draft.callerPhone && o.callerPhone === draft.callerPhone) continue;
    const s = score(o);
    if (isLikelyDuplicate(s)) similar.push(view(o, s));
  }
  similar.sort((a, b) => b.similarity - a.similarity || b.createdAt.localeCompare(a.createdAt));
  return { sameCaller, similar: similar.slice(0, SIMILAR_LIMIT) };
}
