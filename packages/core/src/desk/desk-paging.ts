import { AppError } from '../app-error.js';

/** Lists on the desks count at most this many rows (`totalCapped: true` beyond) and page within them. */
export const DESK_COUNT_CAP = 10_000;

/**
 * The unit inbox counts each colour up to this many orders (each counted row costs one index probe to
 * keep one row per order), and pages within the first this-many rows of its order.
 */
export const INBOX_COUNT_CAP = 2_000;

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

/** Rows of two lists ordered by (dueAt, id) — the order the SQL uses. */
interface Ordered {
  dueAt: string;
  clockId: string;
}
const before = (x: Ordered, y: Ordered) =>
  x.dueAt < y.dueAt || (x.dueAt === y.dueAt && x.clockId < y.clockId);

/**
 * Rows [offset, offset + limit) of the merge of a long indexed list (read by `fetchLong(offset, limit)`)
 * and a short list held whole (paused clocks), without reading the long list from its start: reading
 * the long list from `offset − short.length` on is enough, since at most `short.length` short rows
 * can precede the window.
 */
export async function mergedWindow<T extends Ordered>(
  short: readonly T[],
  fetchLong: (offset: number, limit: number) => Promise<T[]>,
  offset: number,
  limit: number,
): Promise<T[]> {
  if (limit <= 0) return [];
  const longOffset = Math.max(0, offset - short.length);
  const long = await fetchLong(longOffset, limit + short.length);
  const first = long[0];
  let shortRest = [...short];
  let position = 0;
  if (longOffset > 0 && first) {
    shortRest = short.filter((s) => !before(s, first));
    position = longOffset + (short.length - shortRest.length);
  }
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < long.length || j < shortRest.length) {
    const takeShort = j < shortRest.length && (i >= long.length || before(shortRest[j] as T, long[i] as T));
    merged.push(takeShort ? (shortRest[j++] as T) : (long[i++] as T));
  }
  return merged.slice(offset - position, offset - position + limit);
}
