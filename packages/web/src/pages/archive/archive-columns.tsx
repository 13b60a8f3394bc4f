import { APPEAL_TYPES } from '@huawu/domain';
import { Button, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import type { ArchiveRow } from '../../api/archive';
import { formatTime, labelOf } from '../../lib/format';

/** A table row: the record's order id doubles as the row key. */
export type ArchiveTableRow = ArchiveRow & { id: string };

/** The 档案查询 table; `onOpen` shows the sealed record in the drawer. */
export function archiveColumns(
  onOpen: (row: ArchiveTableRow) => void,
  now: number,
): ColumnsType<ArchiveTableRow> {
  return [
    {
      title: '工单号',
      dataIndex: 'orderNo',
      width: 150,
      render: (orderNo: string, row) => (
        <Link to={`/orders/${row.orderId}`} data-testid="archive-order-link">
          {orderNo}
        </Link>
      ),
    },
    { title: '标题', dataIndex: 'title', ellipsis: true },
    {
      title: '诉求类型',
      dataIndex: 'appealType',
      width: 100,
      render: (value: string) => labelOf(APPEAL_TYPES.labels, value),
    },
    { title: '归档时间', dataIndex: 'archivedAt', width: 150, render: (at: string) => formatTime(at) },
    {
      title: '保管期限至',
      dataIndex: 'retentionUntil',
      width: 150,
      render: (at: string) => (
        <span>
          {formatTime(at, 'YYYY-MM-DD')}
          {Date.parse(at) < now ? (
            <Tag color="orange" style={{ marginInlineStart: 8 }}>
              已到期
            </Tag>
          ) : null}
        </span>
      ),
    },
    { title: '档案序号', dataIndex: 'archiveSeq', width: 90, align: 'right' },
    {
      title: '操作',
      key: 'open',
      width: 100,
      render: (_: unknown, row) => (
        <Button type="link" size="small" onClick={() => onOpen(row)} data-testid="archive-open">
          档案记录
        </Button>
      ),
    },
  ];
}
