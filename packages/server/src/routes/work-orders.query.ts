import type { ListQuery } from '@huawu/core';
import { AppError } from '@huawu/core';

/** Query-string text to the list use case's typed query (the schema has checked shapes already). */
export function parseListQuery(q: Record<string, string | undefined>): ListQuery {
  const page = q.page ? Number(q.page) : 1;
  const pageSize = q.pageSize ? Number(q.pageSize) : 20;
  if (page < 1) throw AppError.validation('querystring.page', '页码从 1 开始');
  if (pageSize < 1 || pageSize > 100) throw AppError.validation('querystring.pageSize', '每页 1–100 条');
  return {
    status: q.status ? q.status.split(',').map((s) => s.trim()) : undefined,
    appealType: q.appealType || undefined,
    urgency: q.urgency || undefined,
    unitId: q.unitId || undefined,
    from: q.from || undefined,
    to: q.to || undefined,
    overdue: q.overdue === 'true',
    q: q.q,
    page,
    pageSize,
  };
}
