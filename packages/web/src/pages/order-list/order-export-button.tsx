import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { exportOrderList } from '../../api/order-export';
import type { OrderQuery } from '../../api/types';
import { saveBlob } from '../../lib/save-blob';

/**
 * 导出 CSV / 导出 Excel of the orders matching the list's current filters (every page, up to the
 * server's cap of 50,000 — beyond it the server asks to narrow the filter). Numbers are masked.
 */
export function OrderExportButton({ query }: { query: OrderQuery }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const run = async (format: 'csv' | 'xlsx') => {
    setBusy(format);
    try {
      const { blob, filename } = await exportOrderList(query, format);
      saveBlob(blob, filename);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space>
      <Button
        icon={<DownloadOutlined />}
        loading={busy === 'csv'}
        disabled={busy !== null}
        onClick={() => void run('csv')}
        data-testid="orders-export-csv"
      >
        导出 CSV
      </Button>
      <Button
        icon={<FileExcelOutlined />}
        loading={busy === 'xlsx'}
        disabled={busy !== null}
        onClick={() => void run('xlsx')}
        data-testid="orders-export-xlsx"
      >
        导出 Excel
      </Button>
    </Space>
  );
}
