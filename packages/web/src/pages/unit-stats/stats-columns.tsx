import {
  formatUnitRate,
  UNIT_COUNT_KEYS,
  UNIT_COUNT_LABELS,
  UNIT_RATE_KEYS,
  UNIT_RATE_LABELS,
} from '@huawu/domain';
import type { TableColumnsType } from 'antd';
import type { UnitStatsRow } from '../../api/desk';

/** Counts then rates, labelled and formatted by the domain (the same as the CSV export). */
export const statsColumns: TableColumnsType<UnitStatsRow> = [
  { title: '单位', dataIndex: 'unitName', key: 'unitName', width: 180, fixed: 'left', ellipsis: true },
  ...UNIT_COUNT_KEYS.map((key) => ({
    title: UNIT_COUNT_LABELS[key],
    dataIndex: key,
    key,
    width: 88,
    align: 'right' as const,
    sorter: (a: UnitStatsRow, b: UnitStatsRow) => a[key] - b[key],
  })),
  ...UNIT_RATE_KEYS.map((key) => ({
    title: UNIT_RATE_LABELS[key],
    dataIndex: key,
    key,
    width: 96,
    align: 'right' as const,
    render: (rate: number | null | undefined) => formatUnitRate(rate ?? null),
  })),
];
