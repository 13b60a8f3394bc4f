import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Input,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type Category, exportCategories, fetchCategories, updateCategory } from '../../api/intake';
import { EMPTY } from '../../lib/format';
import { saveBlob } from '../../lib/save-blob';
import { useAsync } from '../../lib/use-async';
import { CategoryImport } from './category-import';
import { CategoryModal } from './category-modal';
import { type CategoryRow, categoryRows, parentCodes } from './category-rows';

/**
 * 诉求分类: the taxonomy as a tree (code, name, emergency hint, active), edited one category at a time or
 * by CSV import; the export is the same CSV, ready to edit and import again.
 */
export function CategoriesPage() {
  const { message } = App.useApp();
  const { data, error, loading, reload } = useAsync(useCallback(() => fetchCategories(), []));
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<readonly React.Key[]>([]);
  const [editing, setEditing] = useState<Category | null>(null);
  const [switching, setSwitching] = useState<string | null>(null);
  const all = data?.items ?? [];
  const rows = useMemo(() => categoryRows(all, query), [all, query]);
  // While searching every match shows in place; otherwise the editor opens branches as needed.
  const expandedKeys = query.trim() ? parentCodes(rows) : expanded;

  const setActive = async (category: Category, active: boolean) => {
    setSwitching(category.code);
    try {
      await updateCategory(category.code, { active });
      message.success(active ? `已启用 ${category.name}` : `已停用 ${category.name}`);
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSwitching(null);
    }
  };

  // The server writes the CSV (formula-safe, the import's columns) and audits the export.
  const exportCsv = async () => {
    try {
      const { blob, filename } = await exportCategories();
      saveBlob(blob, filename);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const columns: TableColumnsType<CategoryRow> = [
    { title: '编码', dataIndex: 'code', key: 'code', width: 200 },
    {
      title: '名称',
      dataIndex: 'name',
      key: 'name',
      width: 220,
      render: (name: string) => <span data-testid="category-name-cell">{name}</span>,
    },
    {
      title: '紧急提示',
      dataIndex: 'emergencyHint',
      key: 'emergencyHint',
      render: (hint: string | null) =>
        hint ? <Typography.Text type="danger">{hint}</Typography.Text> : EMPTY,
    },
    {
      title: '状态',
      dataIndex: 'active',
      key: 'active',
      width: 80,
      render: (active: boolean) =>
        active ? <Tag color="green">启用</Tag> : <Tag data-testid="category-inactive">停用</Tag>,
    },
    {
      title: '操作',
      key: 'actions',
      width: 160,
      render: (_: unknown, category) => (
        <Space size="small">
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(category)}
            data-testid="category-edit"
          >
            编辑
          </Button>
          {category.active ? (
            <Popconfirm
              title={`停用「${category.name}」？`}
              description="停用后受理时不能再选择该分类（下级分类不受影响）。"
              okText="停用"
              cancelText="取消"
              onConfirm={() => setActive(category, false)}
            >
              <Button
                size="small"
                danger
                loading={switching === category.code}
                data-testid="category-deactivate"
              >
                停用
              </Button>
            </Popconfirm>
          ) : (
            <Button
              size="small"
              loading={switching === category.code}
              onClick={() => void setActive(category, true)}
              data-testid="category-activate"
            >
              启用
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title="诉求分类目录"
        extra={
          <Space wrap>
            <Input.Search
              allowClear
              placeholder="按编码或名称查找"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              style={{ width: 220 }}
              data-testid="category-search"
            />
            <Button
              onClick={() => setExpanded(parentCodes(categoryRows(all)))}
              data-testid="category-expand-all"
            >
              全部展开
            </Button>
            <Button onClick={() => setExpanded([])}>全部收起</Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={exportCsv}
              disabled={!data}
              data-testid="category-export"
            >
              导出 CSV
            </Button>
          </Space>
        }
      >
        {error ? (
          <Alert
            type="error"
            showIcon
            title="诉求分类加载失败"
            description={errorMessage(error)}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Typography.Paragraph type="secondary">
          共 {all.length} 个分类，其中 {all.filter((c) => !c.active).length} 个已停用。
        </Typography.Paragraph>
        <Table<CategoryRow>
          rowKey="code"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={rows}
          pagination={false}
          expandable={{
            expandedRowKeys: expandedKeys,
            onExpandedRowsChange: (keys) => setExpanded(keys),
          }}
          onRow={(category) =>
            ({
              'data-testid': 'category-row',
              'data-code': category.code,
              'data-active': String(category.active),
              style: category.active ? undefined : { opacity: 0.55 },
            }) as React.HTMLAttributes<HTMLElement>
          }
          locale={{ emptyText: query ? '没有匹配的分类' : '暂无分类' }}
        />
      </Card>
      <CategoryImport onImported={reload} />
      {editing && (
        <CategoryModal
          category={editing}
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
