import type { Actor } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { writeAudit } from '../storage/admin.repository.js';
import { listAttachments } from '../storage/order-files.repository.js';
import { findOrder } from '../storage/work-order.repository.js';
import { getWorkOrder } from '../use-cases/get-work-order.js';
import { renderOrderHtml } from './order-print-html.js';
import { buildOrderPrintModel } from './order-print-model.js';
import { renderOrderPdf } from './order-print-pdf.js';
import { archiveRecordOf, printContext } from './print-context.js';

export const ORDER_DOCUMENT_FORMATS = ['html', 'pdf'] as const;
export type OrderDocumentFormat = (typeof ORDER_DOCUMENT_FORMATS)[number];

export interface ExportedFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/**
 * One order as a printable 工单 (HTML or PDF). Reading goes through `getWorkOrder`, so scope (out of
 * scope = not found), masking by role and the `read_personal` audit of an unmasked number are exactly the
 * detail's; the export itself is audited (`export_order`). Internal notes never reach the form.
 */
export async function exportOrderDocument(
  deps: CoreDeps,
  actor: Actor,
  orderId: string,
  format: string,
): Promise<ExportedFile> {
  if (!(ORDER_DOCUMENT_FORMATS as readonly string[]).includes(format)) {
    throw AppError.validation('format', '格式应为 html 或 pdf');
  }
  const detail = await getWorkOrder(deps, actor, orderId);
  const db = deps.database.db;
  const [record, attachments, context, archive] = await Promise.all([
    findOrder(db, detail.id),
    listAttachments(db, detail.id),
    printContext(deps, actor),
    archiveRecordOf(deps, detail.id),
  ]);
  if (!record) throw new AppError('NOT_FOUND', '工单不存在或无权查看');
  const now = deps.now();
  const model = buildOrderPrintModel({
    detail,
    record,
    attachments,
    ...context,
    printedAt: now,
    timeZone: deps.config.timeZone,
    archive,
  });
  const file: ExportedFile =
    format === 'pdf'
      ? {
          fileName: `工单-${detail.orderNo}.pdf`,
          contentType: 'application/pdf',
          body: await renderOrderPdf(model),
        }
      : {
          fileName: `工单-${detail.orderNo}.html`,
          contentType: 'text/html; charset=utf-8',
          body: Buffer.from(renderOrderHtml(model), 'utf8'),
        };
  await writeAudit(db, {
    at: now.toISOString(),
    actorId: actor.userId,
    action: 'export_order',
    targetType: 'work_order',
    targetId: detail.id,
    detail: { format, orderNo: detail.orderNo },
  });
  return file;
}
