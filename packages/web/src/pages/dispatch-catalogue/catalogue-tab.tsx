import { EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Space, Switch, Table, type TableColumnsType, Tag } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type DispatchEntry, fetchDispatchCatalogue, updateDispatchEntry } from '../../api/dispatch';
import { fetchCategories } from '../../api/intake';
import { buildCategoryTree } from '../../lib/category-tree';
import { EMPTY } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { useUnits } from '../../lib/use-units';
import { bodyOfEntry, EntryModal } from './entry-modal';

/** 目录: the catalogue table; supervisors and admins add, edit and deactivate entries. */
export function CatalogueTab({ editable }: { editable: boolean }) {
  const { message } = App.useApp();
  const [activeOnly, setActiveOnly] = useState(false);
  const catalogue = useAsync(useCallback(() => fetchDispatchCatalogue(activeOnly), [activeOnly]));
  const categories = useAsync(useCallback(() => fetchCategories(), []));
  const units = useUnits();
  const categoryTree = useMemo(() => buildCategoryTree(categories.data?.items ?? []), [categories.data]);
  const paths = useMemo(
    () => new Map((categories.data?.items ?? []).map((c) => [c.code, c.path])),
    [categories.data],
  );
  const [editing, setEditing] = useState<DispatchEntry | 'new' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const deactivate = async (entry: DispatchEntry) => {
    setBusy(entry.id);
    try {
      await updateDispatchEntry(entry.id, { ...bodyOfEntry(entry), active: false });
      message.success('条目已停用');
      catalogue.reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const columns: TableColumnsType<DispatchEntry> = [
    {
      title: '诉求分类',
      key: 'category',
      render: (_: unknown, entry) => (
        <span data-testid="entry-category">
          {paths.get(entry.categoryCode) ?? entry.categoryName ?? entry.categoryCode}
          <Tag style={{ marginLeft: 8 }}>{entry.categoryCode}</Tag>
        </span>
      ),
    },
    {
      title: '行政区划',
      dataIndex: 'divisionCode',
      key: 'division',
      width: 100,
      render: (code: string | null) => code ?? '全部',
    },
    {
      title: '主办单位',
      key: 'lead',
      width: 180,
      render: (_: unknown, entry) => (
        <span data-testid="entry-lead">{entry.leadUnitName ?? entry.leadUnitId}</span>
      ),
    },
    {
      title: '协办单位',
      key: 'co',
      width: 200,
      render: (_: unknown, entry) =>
        entry.coUnits.length === 0 ? (
          EMPTY
        ) : (
          <Space size={[0, 4]} wrap>
            {entry.coUnits.map((unit) => (
              <Tag key={unit.id}>{unit.name ?? unit.id}</Tag>
            ))}
          </Space>
        ),
    },
    { title: '说明', dataIndex: 'note', key: 'note', ellipsis: true, render: (note) => note ?? EMPTY },
    {
      title: '状态',
      dataIndex: 'active',
      key: 'active',
      width: 70,
      render: (active: boolean) => (active ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>),
    },
  ];
  if (editable) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 160,
      render: (_: unknown, entry) => (
        <Space size="small">
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(entry)}
            data-testid="entry-edit"
          >
            编辑
          </Button>
          {entry.active && (
            <Popconfirm title="停用该条目？" onConfirm={() => deactivate(entry)} okText="停用">
              <Button
                size="small"
                danger
                icon={<StopOutlined />}
                loading={busy === entry.id}
                data-testid="entry-deactivate"
              >
                停用
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }

  const items = catalogue.data?.items ?? [];
  return (
    <Card
      title="派单目录"
      extra={
        <Space>
          <span>
            只看启用{' '}
            <Switch
              size="small"
              checked={activeOnly}
              onChange={setActiveOnly}
              data-testid="entry-active-only"
            />
          </span>
          {editable && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="entry-new"
            >
              新增条目
            </Button>
          )}
        </Space>
      }
    >
      {catalogue.error ? (
        <Alert
          type="error"
          showIcon
          title="派单目录加载失败"
          description={errorMessage(catalogue.error)}
          style={{ marginBottom: 16 }}
          data-testid="entry-load-error"
        />
      ) : null}
      <Table<DispatchEntry>
        rowKey="id"
        size="small"
        loading={catalogue.loading}
        columns={columns}
        dataSource={items}
        pagination={items.length > 30 ? { pageSize: 30 } : false}
        data-testid="entry-table"
        onRow={(entry) =>
          ({
            'data-testid': 'entry-row',
            'data-category': entry.categoryCode,
            'data-active': String(entry.active),
            style: entry.active ? {} : { opacity: 0.55 },
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
      {editing && (
        <EntryModal
          {...(editing === 'new' ? {} : { entry: editing })}
          categories={categoryTree}
          unitTree={units.handlingTree}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            catalogue.reload();
          }}
        />
      )}
    </Card>
  );
}
