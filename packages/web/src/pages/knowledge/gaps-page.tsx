import { isOpenGap, KB_GAP_STATUS_LABELS, KB_GAP_STATUSES } from '@huawu/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage, isApiError } from '../../api/client';
import { type Gap, listGaps, resolveGap } from '../../api/knowledge';
import { EMPTY, formatTime } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { ArticlePicker } from './article-picker';

const STATUS_LABELS: Record<string, string> = KB_GAP_STATUS_LABELS;
const STATUS_OPTIONS = KB_GAP_STATUSES.map((value) => ({ value, label: KB_GAP_STATUS_LABELS[value] }));

function ResolveModal({
  gap,
  dismiss,
  onClose,
  onDone,
}: {
  gap: Gap;
  dismiss: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ articleId?: string; note?: string }>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    let values: { articleId?: string; note?: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await resolveGap(
        gap.id,
        dismiss
          ? { dismiss: true, note: values.note?.trim() || undefined }
          : {
              articleId: values.articleId,
              note: values.note?.trim() || undefined,
            },
      );
      message.success(dismiss ? '已忽略' : '已关联知识');
      onDone();
      onClose();
    } catch (err) {
      setError(
        isApiError(err) && err.issues.length
          ? err.issues.map((i) => i.message).join('；')
          : errorMessage(err),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={dismiss ? '忽略该问题' : '关联知识'}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'kb-gap-submit' } as React.ComponentProps<typeof Button>}
    >
      <p>{gap.question}</p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" disabled={busy}>
        {!dismiss && (
          <Form.Item
            name="articleId"
            label="答复所依据的知识"
            rules={[{ required: true, message: '请选择知识' }]}
          >
            <ArticlePicker initialQuery={gap.query ?? ''} />
          </Form.Item>
        )}
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 知识缺口: questions agents could not answer from the knowledge base, most asked first. */
export function GapsPage() {
  const [status, setStatus] = useState('open');
  const { data, error, loading, reload } = useAsync(useCallback(() => listGaps(status), [status]));
  const [active, setActive] = useState<{ gap: Gap; dismiss: boolean } | null>(null);

  const columns: TableColumnsType<Gap> = [
    { title: '问题', dataIndex: 'question', key: 'question', ellipsis: true },
    {
      title: '次数',
      dataIndex: 'count',
      key: 'count',
      width: 70,
      render: (count: number) => <Tag color={count > 1 ? 'red' : 'default'}>{count}</Tag>,
    },
    {
      title: '检索词',
      dataIndex: 'query',
      key: 'query',
      width: 140,
      ellipsis: true,
      render: (q: string | null) => q ?? EMPTY,
    },
    {
      title: '分类',
      dataIndex: 'category',
      key: 'category',
      width: 120,
      ellipsis: true,
      render: (c: string | null) => c ?? EMPTY,
    },
    {
      title: '工单',
      key: 'order',
      width: 130,
      render: (_: unknown, gap) =>
        gap.orderId ? <Link to={`/orders/${gap.orderId}`}>{gap.orderNo ?? gap.orderId}</Link> : EMPTY,
    },
    { title: '提出人', dataIndex: 'askedByName', key: 'askedByName', width: 140, ellipsis: true },
    {
      title: '时间',
      dataIndex: 'askedAt',
      key: 'askedAt',
      width: 140,
      render: (at: string) => formatTime(at),
    },
    {
      title: isOpenGap(status) ? '处理' : '状态',
      key: 'actions',
      width: 170,
      render: (_: unknown, gap) =>
        isOpenGap(gap.status) ? (
          <Space>
            <Button
              size="small"
              type="primary"
              onClick={() => setActive({ gap, dismiss: false })}
              data-testid="kb-gap-link"
            >
              关联知识
            </Button>
            <Button
              size="small"
              onClick={() => setActive({ gap, dismiss: true })}
              data-testid="kb-gap-dismiss"
            >
              忽略
            </Button>
          </Space>
        ) : gap.articleId ? (
          <Link to={`/knowledge/${gap.articleId}`}>{STATUS_LABELS[gap.status] ?? gap.status}</Link>
        ) : (
          (STATUS_LABELS[gap.status] ?? gap.status)
        ),
    },
  ];

  return (
    <Card
      title="知识缺口"
      extra={
        <Segmented
          value={status}
          onChange={(value) => setStatus(String(value))}
          options={STATUS_OPTIONS}
          data-testid="kb-gap-status"
        />
      }
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title="知识缺口加载失败"
          description={errorMessage(error)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Table<Gap>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 条` }}
        locale={{ emptyText: '暂无知识缺口' }}
        data-testid="kb-gap-table"
      />
      {active && (
        <ResolveModal
          gap={active.gap}
          dismiss={active.dismiss}
          onClose={() => setActive(null)}
          onDone={reload}
        />
      )}
    </Card>
  );
}
