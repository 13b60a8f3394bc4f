import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { isOpen, type Status } from '@huawu/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useState } from 'react';
import { errorMessage } from '../../api/client';
import {
  type Attachment,
  type AttachmentVisibility,
  addNote,
  downloadAttachment,
  listAttachments,
  listNotes,
  uploadAttachment,
} from '../../api/order-files';
import { formatTime } from '../../lib/format';
import { saveBlob } from '../../lib/save-blob';
import { useAsync } from '../../lib/use-async';

const NOTE_MAX = 4000;
const VISIBILITY_LABELS: Record<AttachmentVisibility, string> = { internal: '内部', public: '可公开' };

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const who = (name: string | null, unit: string | null) =>
  [name, unit && `（${unit}）`].filter(Boolean).join('');

function NotesTab({ orderId, canAdd }: { orderId: string; canAdd: boolean }) {
  const load = useCallback(() => listNotes(orderId), [orderId]);
  const notes = useAsync(load);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await addNote(orderId, text);
      setText('');
      notes.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const items = notes.data?.items ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {notes.error ? <Alert type="error" showIcon title={errorMessage(notes.error)} /> : null}
      {items.length === 0 && !notes.loading ? (
        <Empty description="暂无办理记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Flex vertical gap={12} data-testid="work-notes">
          {items.map((n) => (
            <div key={n.id} data-testid="work-note">
              <Typography.Text type="secondary">
                {formatTime(n.createdAt)} · {who(n.authorName, n.unitName)}
              </Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {n.text}
              </Typography.Paragraph>
            </div>
          ))}
        </Flex>
      )}
      {canAdd ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={NOTE_MAX}
            showCount
            autoSize={{ minRows: 2, maxRows: 8 }}
            placeholder="记录办理情况（仅内部可见，不向来电人公开）"
            data-testid="work-note-input"
          />
          {error ? <Alert type="error" showIcon title={error} /> : null}
          <Button
            type="primary"
            disabled={text.trim() === ''}
            loading={busy}
            onClick={() => void submit()}
            data-testid="work-note-submit"
          >
            添加办理记录
          </Button>
        </Space>
      ) : (
        <Typography.Text type="secondary">工单已办结，不能再添加办理记录。</Typography.Text>
      )}
    </Space>
  );
}

function AttachmentsTab({ orderId, canAdd }: { orderId: string; canAdd: boolean }) {
  const { message } = App.useApp();
  const load = useCallback(() => listAttachments(orderId), [orderId]);
  const files = useAsync(load);
  const [visibility, setVisibility] = useState<AttachmentVisibility>('internal');
  const [error, setError] = useState<string | null>(null);

  const save = async (a: Attachment) => {
    try {
      const { blob, filename } = await downloadAttachment(orderId, a);
      saveBlob(blob, filename);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {files.error ? <Alert type="error" showIcon title={errorMessage(files.error)} /> : null}
      <Table<Attachment>
        rowKey="id"
        size="small"
        loading={files.loading}
        pagination={false}
        dataSource={files.data?.items ?? []}
        locale={{ emptyText: '暂无附件' }}
        data-testid="attachments"
        columns={[
          {
            title: '文件名',
            dataIndex: 'fileName',
            render: (_, a) => (
              <Space size={4} wrap>
                <Button
                  type="link"
                  icon={<PaperClipOutlined />}
                  onClick={() => void save(a)}
                  style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                  data-testid="attachment-download"
                >
                  {a.fileName}
                </Button>
                <Tag
                  color={a.visibility === 'public' ? 'green' : 'default'}
                  data-testid="attachment-visibility-tag"
                >
                  {VISIBILITY_LABELS[a.visibility] ?? a.visibility}
                </Tag>
              </Space>
            ),
          },
          {
            title: '大小',
            dataIndex: 'size',
            width: 90,
            render: (size: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatSize(size)}</span>,
          },
          {
            title: '上传',
            key: 'uploaded',
            width: 170,
            render: (_, a) => (
              <Flex vertical>
                <Typography.Text>{who(a.uploaderName, a.unitName)}</Typography.Text>
                <Typography.Text type="secondary">{formatTime(a.createdAt)}</Typography.Text>
              </Flex>
            ),
          },
        ]}
      />
      {canAdd ? (
        <Space wrap>
          <Select<AttachmentVisibility>
            value={visibility}
            onChange={setVisibility}
            style={{ width: 120 }}
            options={[
              { value: 'internal', label: '内部' },
              { value: 'public', label: '可公开' },
            ]}
            data-testid="attachment-visibility"
            aria-label="可见范围"
          />
          <span data-testid="attachment-upload">
            <Upload
              showUploadList={false}
              customRequest={({ file, onSuccess, onError }) => {
                const blob = file as File;
                setError(null);
                uploadAttachment(orderId, blob, blob.name, visibility)
                  .then((a) => {
                    onSuccess?.(a);
                    void message.success(`已上传：${a.fileName}`);
                    files.reload();
                  })
                  .catch((err: unknown) => {
                    setError(errorMessage(err));
                    onError?.(err as Error);
                  });
              }}
            >
              <Button icon={<UploadOutlined />}>上传附件</Button>
            </Upload>
          </span>
          <Typography.Text type="secondary">单个文件不超过 10 MB；不支持可执行文件和脚本。</Typography.Text>
        </Space>
      ) : (
        <Typography.Text type="secondary">工单已办结，不能再上传附件。</Typography.Text>
      )}
      {error ? <Alert type="error" showIcon title={error} data-testid="attachment-error" /> : null}
    </Space>
  );
}

/** 办理记录 and 附件 of an order: internal notes, and files with their visibility. */
export function OrderFilesPanel({ orderId, status }: { orderId: string; status: string }) {
  const canAdd = isOpen(status as Status);
  return (
    <Card data-testid="order-files" style={{ marginTop: 16 }}>
      <Tabs
        items={[
          { key: 'notes', label: '办理记录', children: <NotesTab orderId={orderId} canAdd={canAdd} /> },
          { key: 'files', label: '附件', children: <AttachmentsTab orderId={orderId} canAdd={canAdd} /> },
        ]}
      />
    </Card>
  );
}
