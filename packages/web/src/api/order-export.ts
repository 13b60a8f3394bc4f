import { buildQuery, download } from './client';
import type { OrderQuery } from './types';

/** Printable 工单 and list exports (every one audited by the server). */

const orderBase = (orderId: string) => `/api/work-orders/${encodeURIComponent(orderId)}`;

/** The printable HTML form, opened in a new tab (same-origin cookie), printed with the browser. */
export const orderPrintUrl = (orderId: string) => `${orderBase(orderId)}/print?format=html`;

export const downloadOrderPdf = (orderId: string, orderNo: string) =>
  download(`${orderBase(orderId)}/print?format=pdf`, `工单-${orderNo}.pdf`);

/** The list's current filters (paging left out: the export holds every match, up to the server's cap). */
export const exportOrderList = (query: OrderQuery, format: 'csv' | 'xlsx') =>
  download(
    `/api/work-orders/export${buildQuery({
      format,
      status: query.status?.join(','),
      appealType: query.appealType,
      urgency: query.urgency,
      unitId: query.unitId,
      from: query.from,
      to: query.to,
      overdue: query.overdue ? 'true' : undefined,
      q: query.q,
    })}`,
    `工单导出.${format}`,
  );
