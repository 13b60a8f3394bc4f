import { CheckCircleOutlined, EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type AdminUnit, activateUnit, deactivateUnit, fetchAllUnits } from '../../api/unit-admin';
import { EMPTY } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { UnitModal } from './unit-modal';
import { mayHaveChildren, nestUnits, type UnitTreeRow } from './unit-tree-rows';

type Editing = { unit: AdminUnit } | { parent?: AdminUnit } | null;

/** 单位管理 (system administrators): the unit tree with duty phones and liaisons; add, edit, move, (de)activate. */
export function UnitsPage() {
  const { message } = App.useApp();
  const units = useAsync(useCallback(() => fetchAllUnits(), []));
  const items = units.data ?? [];
  const rows = useMemo(() => nestUnits(items), [items]);
  const [expanded, setExpanded] = useState<readonly React.Key[] | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    if (units.data && expanded === null) setExpanded(units.data.map((u) => u.id));
  }, [units.data, expanded]);

  const toggle = async (unit: AdminUnit) => {
    setBusy(unit.id);
    try {
      await (unit.active ? deactivateUnit(unit.id) : activateUnit(unit.id));
      message.success(unit.active ? '单位已停用' : '单位已启用');
      units.reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const columns: TableColumnsType<UnitTreeRow> = [
    {
      title: '单位名称',
      key: 'name',
      render: (_: unknown, unit) => (
        <span data-testid="unit-name">
          {unit.name}
          <Tag style={{ marginLeft: 8 }}>{unit.id}</Tag>
        </span>
      ),
    },
    { title: '类型', dataIndex: 'kindLabel', key: 'kind', width: 110 },
    {
      title: '值班电话',
      dataIndex: 'dutyPhone',
      key: 'dutyPhone',
      width: 140,
      render: (phone: string | null) => <span data-testid="unit-duty-phone">{phone ?? EMPTY}</span>,
    },
    {
      title: '联络人',
      key: 'liaison',
      width: 190,
      render: (_: unknown, unit) => (
        <span data-testid="unit-liaison">
          {unit.liaisonName || unit.liaisonPhone
            ? `${unit.liaisonName ?? ''} ${unit.liaisonPhone ?? ''}`.trim()
            : EMPTY}
        </span>
      ),
    },
    {
      title: '状态',
      dataIndex: 'active',
      key: 'active',
      width: 80,
      render: (active: boolean) => (active ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>),
    },
    {
      title: '操作',
      key: 'actions',
      width: 290,
      render: (_: unknown, unit) => (
        <Space size="small">
          {unit.active && mayHaveChildren(unit.kind) && (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ parent: unit })}
              data-testid="unit-add-child"
            >
              新增下级单位
            </Button>
          )}
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing({ unit })}
            data-testid="unit-edit"
          >
            编辑
          </Button>
          {unit.kind !== 'centre' &&
            (unit.active ? (
              <Popconfirm
                title="停用该单位及其全部下级单位？"
                onConfirm={() => toggle(unit)}
                okText="停用"
                okButtonProps={{ danger: true }}
              >
                <Button
                  size="small"
                  danger
                  icon={<StopOutlined />}
                  loading={busy === unit.id}
                  data-testid="unit-deactivate"
                >
                  停用
                </Button>
              </Popconfirm>
            ) : (
              <Button
                size="small"
                icon={<CheckCircleOutlined />}
                loading={busy === unit.id}
                onClick={() => toggle(unit)}
                data-testid="unit-activate"
              >
                启用
              </Button>
            ))}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="单位管理"
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({})}
          data-testid="unit-new-root"
        >
          新增顶级单位
        </Button>
      }
    >
      {units.error ? (
        <Alert
          type="error"
          showIcon
          title="单位加载失败"
          description={errorMessage(units.error)}
          style={{ marginBottom: 16 }}
          data-testid="unit-load-error"
        />
      ) : null}
      <Table<UnitTreeRow>
        rowKey="id"
        size="small"
        loading={units.loading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        expandable={{ expandedRowKeys: expanded ?? [], onExpandedRowsChange: (keys) => setExpanded(keys) }}
        data-testid="unit-table"
        onRow={(unit) =>
          ({
            'data-testid': 'unit-row',
            'data-unit': unit.id,
            'data-active': String(unit.active),
            style: unit.active ? {} : { opacity: 0.55 },
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
      {editing && (
        <UnitModal
          {...('unit' in editing ? { unit: editing.unit } : {})}
          {...('parent' in editing && editing.parent ? { parent: editing.parent } : {})}
          units={items}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            units.reload();
          }}
        />
      )}
    </Card>
  );
}
