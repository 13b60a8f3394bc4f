import { type Actor, APPEAL_TYPES, addDays, isLocalDate, localDateTimeToInstant } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { parsePaging } from '../desk/desk-paging.js';
import { scopeFor } from '../security/access-scope.js';
import { searchArchives } from '../storage/archive.repository.js';

export interface ArchiveQuery {
  /** Order number, title or content (contains, case-insensitive). */
  q?: string;
  appealType?: string;
  /** Lead unit of the archived order. */
  unitId?: string;
  /** Archived on or after / on or before these local dates (YYYY-MM-DD, hotline zone). */
  from?: string;
  to?: string;
  /** Only records whose retention period (保管期限) has ended. */
  expired?: boolean;
  page?: number;
  pageSize?: number;
}

/**
 * Where the archive's count stops ("1000+"): a unit's count looks up each of its orders and a keyword
 * is a text scan, so an exact count into the tens of thousands would cost more than the page itself.
 */
export const ARCHIVE_COUNT_CAP = 1_000;

/**
 * 档案查询: sealed records, newest first, narrowed to what the reader may see exactly as the order list
 * is (units: orders their subtree is or was on). The count is capped like the order list.
 */
export async function searchArchive(
  deps: CoreDeps,
  actor: Actor,
  query: ArchiveQuery,
  opts = { countCap: ARCHIVE_COUNT_CAP },
) {
  const paging = parsePaging(query);
  for (const key of ['from', 'to'] as const) {
    const value = query[key];
    if (value !== undefined && !isLocalDate(value)) throw AppError.validation(key, '日期格式应为 YYYY-MM-DD');
  }
  if (query.from && query.to && query.from > query.to)
    throw AppError.validation('to', '结束日期不能早于开始日期');
  if (query.appealType !== undefined && !(APPEAL_TYPES.values as string[]).includes(query.appealType))
    throw AppError.validation('appealType', '未知的诉求类型');
  const keyword = query.q?.trim();
  if (keyword && keyword.length > 100) throw AppError.validation('q', '关键词最多 100 个字');
  const tz = deps.config.timeZone;
  const result = await searchArchives(deps.database.db, await scopeFor(deps, actor), {
    keyword: keyword || undefined,
    appealType: query.appealType,
    leadUnitId: query.unitId || undefined,
    archivedFrom: query.from ? localDateTimeToInstant(query.from, '00:00', tz).toISOString() : undefined,
    archivedBefore: query.to
      ? localDateTimeToInstant(addDays(query.to, 1), '00:00', tz).toISOString()
      : undefined,
    expiredAt: query.expired ? deps.now().toISOString() : undefined,
    page: paging.page,
    pageSize: paging.pageSize,
    countCap: opts.countCap,
  });
  return { ...result, page: paging.page, pageSize: paging.pageSize };
}
