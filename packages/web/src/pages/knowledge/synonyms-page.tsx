import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Input,
  Popconfirm,
  Result,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type SynonymChange, type SynonymGroup, deleteSynonymGroup, listSynonyms } from '../../api/knowledge';
import { useCurrentUser } from '../../auth/auth-context';
import { EMPTY, formatTime } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { SynonymModal } from './synonym-modal';
import { canEditSynonyms } from './synonym-roles';
import { SynonymTry } from './synonym-try';

const matches = (group: SynonymGroup, filter: string) =>
  !filter || group.terms.some((t) => t.includes(filter)) || (group.note ?? '').includes(filter);

/**
 * 同义词: the colloquial ↔ official groups of the knowledge search. The centre's own groups can be
 * added, edited and deleted (effective at the next search); the built-in ones are shown greyed, read-only.
 */
export function SynonymsPage() {
  const user = useCurrentUser();
  const { message, modal } = App.useApp();
  const { data, error, loading, reload } = useAsync(useCallback(() => listSynonyms(), []));
  const [editing, setEditing] = useState<SynonymGroup | 'new' | null>(null);
  const [filter, setFilter] = useState('');
  const [revision, setRevision] = useState(0);
  const [deleting, setDeleting] = useState<string | null>(null);

  const rows = useMemo(
    () => (data?.items ?? []).filter((g) => matches(g, filter.trim().toLowerCase())),
    [data, filter],
  );

  if (!canEditSynonyms(user)) {
    return <Result status="403" title="无权访问" subTitle="同义词由值班长或管理员维护" />;
  }

  const changed = (change?: SynonymChange) => {
    reload();
    setRevision((n) => n + 1);
    if (change?.warnings.length) {
      modal.warning({
        title: '已保存，但有词语已在其他同义词组中',
        content: (
          <ul data-testid="kb-synonym-warnings" style={{ paddingInlineStart: 20, margin: 0 }}>
            {change.warnings.map((w) => (
              <li key={`${w.term}:${w.groupId}`}>{w.message}</li>
            ))}
          </ul>
        ),
      });
    }
  };

  const remove = async (group: SynonymGroup) => {
    setDeleting(group.id);
    try {
      await deleteSynonymGroup(group.id);
      message.success('同义词组已删除');
      changed();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setDeleting(null);
    }
  };

  const columns: TableColumnsType<SynonymGroup> = [
    {
      title: '同义词（第一个为规范用语）',
      key: 'terms',
      render: (_: unknown, group) => (
        <Space size={[4, 4]} wrap data-testid="kb-synonym-terms-cell">
          {group.terms.map((term, i) => (
            <Tag key={term} color={i === 0 && !group.builtIn ? 'blue' : undefined}>
              {term}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '备注',
      dataIndex: 'note',
      key: 'note',
      width: 200,
      ellipsis: true,
      render: (note: string | null) => note ?? EMPTY,
    },
    {
      title: '来源',
      key: 'source',
      width: 90,
      render: (_: unknown, group) => (group.builtIn ? <Tag>内置</Tag> : <Tag color="green">自定义</Tag>),
    },
    {
      title: '更新',
      key: 'updated',
      width: 170,
      render: (_: unknown, group) =>
        group.updatedAt ? (
          <Flex vertical>
            <span>{formatTime(group.updatedAt)}</span>
            <Typography.Text type="secondary">{group.updatedByName ?? EMPTY}</Typography.Text>
          </Flex>
        ) : (
          EMPTY
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 160,
      render: (_: unknown, group) =>
        group.builtIn ? (
          <Typography.Text type="secondary">只读</Typography.Text>
        ) : (
          <Space size="small">
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => setEditing(group)}
              data-testid="kb-synonym-edit"
            >
              编辑
            </Button>
            <Popconfirm
              title="删除这组同义词？"
              description="删除后，下一次检索即不再按这组词扩展。"
              okText="删除"
              okButtonProps={
                { danger: true, 'data-testid': 'kb-synonym-delete-confirm' } as React.ComponentProps<
                  typeof Button
                >
              }
              cancelText="取消"
              onConfirm={() => remove(group)}
            >
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                loading={deleting === group.id}
                data-testid="kb-synonym-delete"
              >
                删除
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <SynonymTry revision={revision} />
      <Card
        title="同义词（口语词）"
        extra={
          <Space>
            <Input.Search
              allowClear
              placeholder="查找词语"
              onChange={(event) => setFilter(event.target.value)}
              onSearch={setFilter}
              style={{ width: 200 }}
              data-testid="kb-synonym-filter"
            />
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="kb-synonym-add"
            >
              新增同义词组
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          {'群众常用口语（如“暖气费”），办事指南写的是正式名称（如“供热费”）。'}
          {'把它们放进同一组，检索时就会互相扩展；保存后下一次检索即生效。'}
          {data && `共 ${data.custom} 组自定义、${data.builtIn} 组内置（灰色，只读）。`}
        </Typography.Paragraph>
        {error ? (
          <Alert
            type="error"
            showIcon
            title="同义词加载失败"
            description={errorMessage(error)}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Table<SynonymGroup>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={rows}
          onRow={(group) =>
            ({
              'data-testid': 'kb-synonym-row',
              'data-builtin': group.builtIn ? 'true' : 'false',
              'data-terms': group.terms.join(' '),
              style: group.builtIn ? { opacity: 0.55 } : undefined,
            }) as React.HTMLAttributes<HTMLElement>
          }
          pagination={{ pageSize: 10, showTotal: (total) => `共 ${total} 组`, showSizeChanger: false }}
          locale={{ emptyText: '没有符合的同义词组' }}
          data-testid="kb-synonym-table"
        />
      </Card>
      {editing && (
        <SynonymModal
          group={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={changed}
        />
      )}
    </Space>
  );
}
