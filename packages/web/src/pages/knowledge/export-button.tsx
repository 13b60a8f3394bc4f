import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { exportArticles } from '../../api/knowledge';
import { saveBlob } from '../../lib/save-blob';

/** 导出 CSV: GET /api/kb/export (audited by the server) downloaded as a file. */
export function ExportButton({ kind, status }: { kind?: string; status?: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const { blob, filename } = await exportArticles({ kind, status });
      saveBlob(blob, filename);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()} data-testid="kb-export">
      导出 CSV
    </Button>
  );
}
