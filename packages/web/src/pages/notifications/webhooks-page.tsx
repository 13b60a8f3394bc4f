import { NOTIFICATION_KIND_LABELS } from '@huawu/domain';
import { Alert, Button, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { listWebhooks, type Webhook } from '../../api/notifications-admin';
import { formatTime, labelOf } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { useUnits } from '../../lib/use-units';
import { LoadError } from './load-error';
import { WebhookModal } from './webhook-modal';

/** Webhook: endpoints receiving signed POSTs of notifications; a new endpoint's secret is shown once. */
export function WebhooksPage() {
  const { data, loading, error, reload } = useResource('webhooks', () => listWebhooks());
  const { nameOf } = useUnits();
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const [secret, setSecret] = useState<string | null>(null);

  const columns: TableColumnsType<Webhook> = [
    { title: '接收地址', dataIndex: 'url', ellipsis: true },
    {
      title: '接收单位',
      dataIndex: 'unitId',
      width: 180,
      render: (v: string | null) => (v ? (nameOf(v) ?? v) : '全部'),
    },
    {
      title: '通知类型',
      dataIndex: 'kinds',
      render: (kinds: string[]) =>
        kinds.length === 0
          ? '全部'
          : kinds.map((k) => <Tag key={k}>{labelOf(NOTIFICATION_KIND_LABELS, k)}</Tag>),
    },
    { title: '密钥', dataIndex: 'secretHint', width: 90 },
    {
      title: '状态',
      dataIndex: 'active',
      width: 80,
      render: (active: boolean) => <Tag color={active ? 'green' : 'default'}>{active ? '启用' : '停用'}</Tag>,
    },
    { title: '修改时间', dataIndex: 'updatedAt', width: 150, render: (v: string) => formatTime(v) },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_, w) => (
        <Button size="small" onClick={() => setEditing(w)} data-testid="webhook-edit">
          编辑
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setEditing('new')} data-testid="webhook-add">
        新增 Webhook
      </Button>
      {secret && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setSecret(null)}
          title="签名密钥仅显示这一次，请立即复制保存"
          description={
            <Typography.Text code copyable data-testid="webhook-secret-once">
              {secret}
            </Typography.Text>
          }
        />
      )}
      {error ? <LoadError title="Webhook 加载失败" error={error} reload={() => void reload()} /> : null}
      <Table<Webhook>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: '暂无 Webhook' }}
        data-testid="webhook-table"
      />
      {editing && (
        <WebhookModal
          webhook={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(created) => {
            setEditing(null);
            setSecret(created ?? null);
            void reload();
          }}
        />
      )}
    </Space>
  );
}
