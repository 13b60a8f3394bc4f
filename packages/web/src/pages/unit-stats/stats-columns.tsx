import {
  formatUnitRate,
  UNIT_COUNT_KEYS,
  UNIT_COUNT_LABELS,
  UNIT_RATE_KEYS,
  UNIT_RATE_LABELS,
  type UnitDispatchCounts,
  type UnitDispatchRates,
} from '@huawu/domain';
import type { TableColumnsType } from 'antd';
import type { UnitStatsRow } from '../../api/desk';

/** The figures of 回访 and 申诉 (the rest are dispatch and handling figures). */
const CLOSURE_COUNTS: readonly (keyof UnitDispatchCounts)[] = [
  'callbacks',
  'satisfied',
  'dissatisfied',
  'resolved',
  'ratingsExcluded',
  'redone',
  'appealsFiled',
  'appealsUpheld',
];

const countColumn = (key: keyof UnitDispatchCounts) => ({
  title: UNIT_COUNT_LABELS[key],
  dataIndex: key,
  key,
  width: 88,
  align: 'right' as const,
  sorter: (a: UnitStatsRow, b: UnitStatsRow) => a[key] - b[key],
});

const rateColumn = (key: keyof UnitDispatchRates) => ({
  title: UNIT_RATE_LABELS[key],
  dataIndex: key,
  key,
  width: 96,
  align: 'right' as const,
  sorter: (a: UnitStatsRow, b: UnitStatsRow) => (a[key] ?? -1) - (b[key] ?? -1),
  render: (rate: number | null | undefined) => formatUnitRate(rate ?? null),
});

/** Counts (dispatch, then callbacks and appeals) then rates, labelled and formatted by the domain — as the CSV. */
export const statsColumns: TableColumnsType<UnitStatsRow> = [
  { title: '单位', dataIndex: 'unitName', key: 'unitName', width: 180, fixed: 'left', ellipsis: true },
  {
    title: '派单与办理',
    key: 'dispatch',
    children: UNIT_COUNT_KEYS.filter((k) => !CLOSURE_COUNTS.includes(k)).map(countColumn),
  },
  { title: '回访与申诉', key: 'closure', children: CLOSURE_COUNTS.map(countColumn) },
  { title: '考核指标', key: 'rates', children: UNIT_RATE_KEYS.map(rateColumn) },
];
