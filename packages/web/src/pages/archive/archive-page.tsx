import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Card } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type ArchiveQuery, type AuditChainReport, searchArchive, verifyAuditChain } from '../../api/archive';
import { errorMessage } from '../../api/client';
import { useCurrentUser } from '../../auth/auth-context';
import { PagedTable } from '../../components/paged-table';
import { useAsync } from '../../lib/use-async';
import { type ArchiveTableRow, archiveColumns } from './archive-columns';
import { ArchiveFilters } from './archive-filters';
import { ArchiveRecordDrawer } from './archive-record-drawer';
import { ChainResult } from './chain-result';

const positive = (value: string | null, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** The query lives in the URL, so a search can be bookmarked and the back button works. */
function readQuery(params: URLSearchParams): ArchiveQuery & { page: number; pageSize: number } {
  return {
    q: params.get('q') ?? undefined,
    appealType: params.get('appealType') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    expired: params.get('expired') === 'true' || undefined,
    page: positive(params.get('page'), 1),
    pageSize: Math.min(100, positive(params.get('pageSize'), 20)),
  };
}

function writeQuery(query: ArchiveQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '' && value !== false) out[key] = String(value);
  }
  return out;
}

/** 档案查询: sealed archive records, their hashes and verification; 全量校验 for supervisors and admins. */
export function ArchivePage() {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const key = params.toString();
  const [openId, setOpenId] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [report, setReport] = useState<AuditChainReport | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the whole query.
  const load = useCallback(() => searchArchive(query), [key]);
  const { data, error, loading, reload } = useAsync(load);
  const rows = useMemo(
    () => data && { ...data, items: data.items.map((r) => ({ ...r, id: r.orderId })) },
    [data],
  );
  const now = useMemo(() => Date.now(), []);
  const columns = useMemo(() => archiveColumns((row) => setOpenId(row.orderId), now), [now]);
  const mayVerify = user.role === 'admin' || user.role === 'supervisor';

  const change = (patch: Partial<ArchiveQuery>) => setParams(writeQuery({ ...query, ...patch, page: 1 }));
  const runVerify = async () => {
    setVerifying(true);
    try {
      setReport(await verifyAuditChain());
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setVerifying(false);
    }
  };

  return (
    <Card
      title="档案查询"
      data-testid="archive-page"
      extra={
        mayVerify ? (
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verifying}
            onClick={() => void runVerify()}
            data-testid="archive-verify-all"
          >
            全量校验
          </Button>
        ) : null
      }
    >
      {report ? (
        <div style={{ marginBottom: 16 }}>
          <ChainResult
            ok={report.ok}
            firstBreak={report.firstBreak}
            okText={`已校验 ${report.ordersChecked} 件工单、${report.eventsChecked} 条事件、${report.archivesChecked} 份档案，哈希链完整。`}
            testId="archive-verify-result"
          />
        </div>
      ) : null}
      <ArchiveFilters query={query} onChange={change} onReset={() => setParams({})} />
      <PagedTable<ArchiveTableRow>
        columns={columns}
        data={rows}
        loading={loading}
        error={error}
        reload={reload}
        errorTitle="档案查询失败"
        page={query.page}
        pageSize={query.pageSize}
        onPage={(page, pageSize) => setParams(writeQuery({ ...query, page, pageSize }))}
        scrollX={1000}
        testId="archive-table"
        errorTestId="archive-error"
        errorStyle={{ marginBottom: 16 }}
      />
      {openId ? <ArchiveRecordDrawer orderId={openId} onClose={() => setOpenId(null)} /> : null}
    </Card>
  );
}
