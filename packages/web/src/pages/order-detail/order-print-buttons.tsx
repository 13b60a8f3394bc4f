import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { downloadOrderPdf, orderPrintUrl } from '../../api/order-export';
import { saveBlob } from '../../lib/save-blob';

/**
 * 打印工单 (the HTML form in a new tab, printed from the browser) and 下载 PDF (with an embedded Chinese
 * font). Both are audited by the server; caller data is masked as in the detail for this reader.
 */
export function OrderPrintButtons({ orderId, orderNo }: { orderId: string; orderNo: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const pdf = async () => {
    setBusy(true);
    try {
      const { blob, filename } = await downloadOrderPdf(orderId, orderNo);
      saveBlob(blob, filename);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space>
      <Button
        icon={<PrinterOutlined />}
        href={orderPrintUrl(orderId)}
        target="_blank"
        rel="noopener noreferrer"
        data-testid="order-print"
      >
        打印工单
      </Button>
      <Button icon={<FilePdfOutlined />} loading={busy} onClick={() => void pdf()} data-testid="order-pdf">
        下载 PDF
      </Button>
    </Space>
  );
}
