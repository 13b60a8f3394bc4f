import { Alert, Descriptions, Drawer, Spin, Table, Typography } from 'antd';
import { useCallback } from 'react';
import { type ArchiveRecordView, fetchArchiveRecord } from '../../api/archive';
import { errorMessage } from '../../api/client';
import { EMPTY, formatTime } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { ChainResult } from './chain-result';

const Hash = ({ value }: { value: string }) =>
  value ? (
    <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
      {value}
    </Typography.Text>
  ) : (
    EMPTY
  );

/** 档案记录: the sealed record's hashes and its verification (reading it is audited by the server). */
export function ArchiveRecordDrawer({ orderId, onClose }: { orderId: string; onClose: () => void }) {
  const { data, error, loading } = useAsync(useCallback(() => fetchArchiveRecord(orderId), [orderId]));
  return (
    <Drawer open width={720} title="档案记录" onClose={onClose} data-testid="archive-drawer">
      {loading ? <Spin /> : null}
      {error ? (
        <Alert type="error" showIcon title="档案记录加载失败" description={errorMessage(error)} />
      ) : null}
      {data && !loading ? <RecordBody view={data} /> : null}
    </Drawer>
  );
}

function RecordBody({ view }: { view: ArchiveRecordView }) {
  const events = view.record.events ?? [];
  const attachments = view.record.attachments ?? [];
  return (
    <>
      <ChainResult
        ok={view.verification.ok}
        firstBreak={view.verification.firstBreak}
        okText={`${view.verification.eventsChecked} 条事件的哈希链完整，档案记录与封存时一致。`}
        testId="archive-verification"
      />
      <Descriptions column={1} size="small" bordered style={{ marginTop: 16 }} data-testid="archive-hashes">
        <Descriptions.Item label="工单号">{view.orderNo}</Descriptions.Item>
        <Descriptions.Item label="档案序号">{view.archiveSeq}</Descriptions.Item>
        <Descriptions.Item label="归档时间">{formatTime(view.archivedAt)}</Descriptions.Item>
        <Descriptions.Item label="保管期限至">
          {formatTime(view.retentionUntil, 'YYYY-MM-DD')}
        </Descriptions.Item>
        <Descriptions.Item label="记录哈希">
          <Hash value={view.recordHash} />
        </Descriptions.Item>
        <Descriptions.Item label="链哈希">
          <Hash value={view.chainHash} />
        </Descriptions.Item>
        <Descriptions.Item label="前一档案哈希">
          <Hash value={view.prevArchiveHash} />
        </Descriptions.Item>
        <Descriptions.Item label={`末条事件（第 ${view.headEventSeq} 条）哈希`}>
          <Hash value={view.headEventHash} />
        </Descriptions.Item>
        <Descriptions.Item label="附件 / 办理记录">
          {attachments.length} 个附件，{view.record.notesCount ?? 0} 条办理记录
        </Descriptions.Item>
      </Descriptions>
      {view.masked ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          来电人信息已按您的角色遮蔽显示；记录哈希对应封存的原文。
        </Typography.Paragraph>
      ) : null}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        事件链
      </Typography.Title>
      <Table
        rowKey="seq"
        size="small"
        pagination={false}
        dataSource={events}
        data-testid="archive-events"
        columns={[
          { title: '序号', dataIndex: 'seq', width: 60 },
          { title: '事件', dataIndex: 'event', width: 140 },
          { title: '时间', dataIndex: 'at', width: 150, render: (at: string) => formatTime(at) },
          {
            title: '哈希',
            dataIndex: 'hash',
            render: (h: string) => <code style={{ fontSize: 11 }}>{h.slice(0, 16)}…</code>,
          },
        ]}
      />
    </>
  );
}
