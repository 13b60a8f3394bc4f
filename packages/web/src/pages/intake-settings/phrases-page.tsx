import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { PHRASE_STEPS } from '@huawu/domain';
import { Alert, App, Button, Card, Space, Switch, Table, type TableColumnsType, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type EditablePhrase, fetchEditablePhrases, updatePhrase } from '../../api/intake';
import { useCurrentUser } from '../../auth/auth-context';
import { useAsync } from '../../lib/use-async';
import { PhraseModal, PhrasePreviewView } from './phrase-modal';

type Editing = { phrase: EditablePhrase } | { step: string } | null;

/**
 * 服务用语: the phrase library by call step (开场 … 无声电话) as agents get it on the workbench, each
 * phrase with its text filled in with sample values; editors change wording, add phrases, switch them off.
 */
export function PhrasesPage() {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useAsync(useCallback(() => fetchEditablePhrases(), []));
  const [editing, setEditing] = useState<Editing>(null);
  const [toggling, setToggling] = useState<string | null>(null);
  const agentNo = user.username;

  const toggle = async (phrase: EditablePhrase, active: boolean) => {
    setToggling(phrase.id);
    try {
      await updatePhrase(phrase.id, { title: phrase.title, text: phrase.text, active });
      message.success(active ? '已启用' : '已停用（话务员不再看到）');
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setToggling(null);
    }
  };

  const columns: TableColumnsType<EditablePhrase> = [
    { title: '标题', dataIndex: 'title', key: 'title', width: 200 },
    {
      title: '话术内容 / 预览',
      key: 'text',
      render: (_: unknown, phrase) => (
        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
          <Typography.Text type="secondary" data-testid="phrase-text-raw">
            {phrase.text}
          </Typography.Text>
          <PhrasePreviewView text={phrase.text} agentNo={agentNo} testId="phrase-preview" />
        </Space>
      ),
    },
    {
      title: '启用',
      dataIndex: 'active',
      key: 'active',
      width: 80,
      render: (active: boolean, phrase) => (
        <Switch
          size="small"
          checked={active}
          loading={toggling === phrase.id}
          onChange={(checked) => void toggle(phrase, checked)}
          data-testid="phrase-toggle"
        />
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_: unknown, phrase) => (
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={() => setEditing({ phrase })}
          data-testid="phrase-edit"
        >
          编辑
        </Button>
      ),
    },
  ];

  const items = data?.items ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="phrases-page">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        话务员在受理台按通话环节使用这些服务用语。占位符（如 {'{热线名称}'}、{'{称呼}'}
        ）由受理台按本次来电自动填写， 下面的预览使用示例值。停用的用语话务员看不到。
      </Typography.Paragraph>
      {error ? (
        <Alert type="error" showIcon title="服务用语加载失败" description={errorMessage(error)} />
      ) : null}
      {PHRASE_STEPS.values.map((step) => (
        <Card
          key={step}
          size="small"
          title={PHRASE_STEPS.labels[step]}
          extra={
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ step })}
              data-testid={`phrase-add-${step}`}
            >
              新增
            </Button>
          }
          data-testid={`phrase-step-${step}`}
        >
          <Table<EditablePhrase>
            rowKey="id"
            size="small"
            loading={loading && !data}
            pagination={false}
            columns={columns}
            dataSource={items.filter((phrase) => phrase.step === step)}
            onRow={(phrase) =>
              ({
                'data-testid': 'phrase-row',
                'data-phrase-id': phrase.id,
                'data-active': String(phrase.active),
                style: phrase.active ? undefined : { opacity: 0.55 },
              }) as React.HTMLAttributes<HTMLElement>
            }
            locale={{ emptyText: '该环节暂无服务用语' }}
          />
        </Card>
      ))}
      {editing && (
        <PhraseModal
          {...('phrase' in editing ? { phrase: editing.phrase } : { step: editing.step })}
          agentNo={agentNo}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </Space>
  );
}
