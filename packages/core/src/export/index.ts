export {
  exportOrderDocument,
  ORDER_DOCUMENT_FORMATS,
  type ExportedFile,
  type OrderDocumentFormat,
} from './export-order-document.js';
export { exportOrders, ORDER_EXPORT_FORMATS, ORDER_EXPORT_MAX_ROWS } from './export-orders.js';
export { renderOrderHtml } from './order-print-html.js';
export { renderOrderPdf } from './order-print-pdf.js';
export { buildOrderPrintModel, type OrderPrintModel } from './order-print-model.js';
