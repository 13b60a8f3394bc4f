import { App, Button, Popconfirm, Space, Table, type TableColumnsType, Tag } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { errorMessage } from '../../api/client';
import { listTemplates, type NotificationTemplate, saveTemplate } from '../../api/notifications-admin';
import { formatTime } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { LoadError } from './load-error';
import { TemplateModal } from './template-modal';

const keyOf = (t: NotificationTemplate) => `${t.kind}:${t.channel}`;

/** 模板: every notification kind × channel with its text (the admin's or the default). */
export function TemplatesPage() {
  const { message } = App.useApp();
  const { data, loading, error, reload } = useResource('templates', () => listTemplates());
  const [editing, setEditing] = useState<NotificationTemplate | null>(null);

  const restore = async (t: NotificationTemplate) => {
    try {
      await saveTemplate({ kind: t.kind, channel: t.channel, text: null });
      message.success('已恢复默认模板');
      await reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const columns: TableColumnsType<NotificationTemplate> = [
    { title: '通知类型', dataIndex: 'kindLabel', width: 120 },
    { title: '渠道', dataIndex: 'channelLabel', width: 100 },
    {
      title: '模板内容',
      dataIndex: 'text',
      render: (text: string, t) => (
        <span data-testid="template-row-text">
          {text} {t.custom && <Tag color="orange">已自定义</Tag>}
        </span>
      ),
    },
    { title: '修改时间', dataIndex: 'updatedAt', width: 150, render: (v: string | null) => formatTime(v) },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      render: (_, t) => (
        <Space>
          <Button size="small" onClick={() => setEditing(t)} data-testid="template-edit">
            编辑
          </Button>
          {t.custom && (
            <Popconfirm title="恢复为默认模板？" onConfirm={() => restore(t)} okText="恢复" cancelText="取消">
              <Button size="small" data-testid="template-restore">
                恢复默认
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      {error ? <LoadError title="通知模板加载失败" error={error} reload={() => void reload()} /> : null}
      <Table<NotificationTemplate>
        rowKey={keyOf}
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        onRow={(t) =>
          ({ 'data-testid': 'template-row', 'data-key': keyOf(t) }) as HTMLAttributes<HTMLElement>
        }
        data-testid="template-table"
      />
      {editing && (
        <TemplateModal
          template={editing}
          placeholders={data?.placeholders ?? []}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void reload();
          }}
        />
      )}
    </>
  );
}
