import { AppError } from '../app-error.js';

/** Lists on the desks count at most this many rows (`totalCapped: true` beyond) and page within them. */
export const DESK_COUNT_CAP = 10_000;

/**
 * The unit inbox counts each colour up to this many orders (one covering-index range each; three per
 * request), and pages within them: "红牌 1000+" says enough to a unit, and keeps the inbox fast.
 */
export const INBOX_COUNT_CAP = 1_000;

export interface DeskPaging {
  page: number;
  pageSize: number;
  offset: number;
}

export interface DeskListOptions {
  /** Count cap (tests use a small one); defaults to DESK_COUNT_CAP. */
  countCap?: number;
}

export function parsePaging(query: { page?: number; pageSize?: number }): DeskPaging {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  if (!Number.isInteger(page) || page < 1) throw AppError.validation('page', '页码应为从 1 开始的整数');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    throw AppError.validation('pageSize', '每页条数应为 1–100 的整数');
  }
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/**
 * Splits one page over consecutive segments (counted up to `cap` each): which rows of which segment to
 * read. The window never reaches past `cap` rows, so capped counts are exact wherever it reads.
 */
export function planSegments<S>(
  segments: readonly { key: S; count: number }[],
  paging: DeskPaging,
  cap: number,
) {
  const plan: { key: S; offset: number; limit: number }[] = [];
  let offset = paging.offset;
  let remaining = Math.max(0, Math.min(paging.pageSize, cap - paging.offset));
  for (const s of segments) {
    if (remaining <= 0) break;
    if (offset >= s.count) {
      offset -= s.count;
      continue;
    }
    const limit = Math.min(remaining, s.count - offset);
    plan.push({ key: s.key, offset, limit });
    remaining -= limit;
    offset = 0;
  }
  return plan;
}
