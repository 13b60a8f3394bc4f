import type { Actor } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { scopeFor } from '../security/access-scope.js';
import { writeAudit } from '../storage/admin.repository.js';
import { listOrders } from '../storage/work-order.repository.js';
import { toSummary } from '../views/work-order.view.js';
import type { ExportedFile } from './export-order-document.js';
import { ORDER_EXPORT_COLUMNS, exportRow } from './order-export-columns.js';
import { type ListQuery, auditedFilter, orderFilterOf } from '../use-cases/order-list-filter.js';
import { toXlsx } from './order-xlsx.js';
import { toSafeCsv } from './safe-csv.js';

export const ORDER_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
/** The most rows one export may hold; a larger match is refused (narrow the filter). */
export const ORDER_EXPORT_MAX_ROWS = 50_000;
const PAGE_SIZE = 1000;

/**
 * Many orders as CSV or XLSX: the list's filters and scope, the list's masking (never a full number),
 * local times. More than `maxRows` matches (default {@link ORDER_EXPORT_MAX_ROWS}) is refused before any row is read. Audited as
 * `export_orders` with the filter and the row count.
 */
export async function exportOrders(
  deps: CoreDeps,
  actor: Actor,
  query: ListQuery,
  format: string,
  maxRows = ORDER_EXPORT_MAX_ROWS,
): Promise<ExportedFile> {
  if (!(ORDER_EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw AppError.validation('format', '格式应为 csv 或 xlsx');
  }
  const [filter, scope, calendar, policy] = await Promise.all([
    orderFilterOf(deps, query),
    scopeFor(deps, actor),
    deps.calendar.context(),
    deps.calendar.policy(),
  ]);
  const db = deps.database.db;
  const now = deps.now();
  const view = { actor, now, calendar, policy };
  const rows: string[][] = [];
  const seen = new Set<string>();
  for (let page = 1; ; page++) {
    // The first page counts up to the cap (one past it tells "too many"); later pages skip the count.
    const result = await listOrders(db, scope, {
      ...filter,
      page,
      pageSize: PAGE_SIZE,
      countCap: page === 1 ? maxRows : 0,
    });
    if (page === 1 && result.totalCapped) {
      throw AppError.validation(
        'filter',
        `符合条件的工单超过 ${maxRows} 条，请缩小筛选范围（如时间段、状态或单位）后再导出`,
      );
    }
    for (const order of result.items) {
      // Offsets shift when an order is created meanwhile (newest first): never write a row twice.
      if (seen.has(order.id)) continue;
      seen.add(order.id);
      rows.push(exportRow(toSummary(order, view, 'list'), deps.config.timeZone));
    }
    if (result.items.length < PAGE_SIZE || rows.length >= maxRows) break;
  }
  const stamp = now.toISOString().slice(0, 10).replaceAll('-', '');
  const file: ExportedFile =
    format === 'xlsx'
      ? {
          fileName: `工单导出-${stamp}.xlsx`,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          body: await toXlsx('工单', ORDER_EXPORT_COLUMNS, rows),
        }
      : {
          fileName: `工单导出-${stamp}.csv`,
          contentType: 'text/csv; charset=utf-8',
          body: Buffer.from(
            toSafeCsv(
              rows,
              ORDER_EXPORT_COLUMNS.map((c) => c.header),
            ),
            'utf8',
          ),
        };
  await writeAudit(db, {
    at: now.toISOString(),
    actorId: actor.userId,
    action: 'export_orders',
    targetType: 'work_order',
    detail: { format, filter: auditedFilter(query), rows: rows.length },
  });
  return file;
}
