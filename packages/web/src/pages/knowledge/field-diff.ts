import type { FieldSpecs } from '@huawu/domain';

/** What two versions of an article are compared on. */
export interface Comparable {
  title: string;
  keywords: string;
  fields: Record<string, string>;
  ownerUnitId: string | null;
  validFrom: string | null;
  validTo: string | null;
  nextReviewOn: string | null;
}

export interface DiffRow {
  key: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

const META: { key: keyof Omit<Comparable, 'fields'>; label: string }[] = [
  { key: 'title', label: '标题' },
  { key: 'keywords', label: '关键词' },
  { key: 'ownerUnitId', label: '主管单位' },
  { key: 'validFrom', label: '生效日期' },
  { key: 'validTo', label: '失效日期' },
  { key: 'nextReviewOn', label: '下次复审' },
];

const clean = (value: string | null | undefined) => (value ?? '').trim();

/**
 * Field-by-field comparison of `after` against `before` (null: nothing published yet, so everything is
 * new): the article's own properties first, then the kind's fields in spec order, then any field the
 * specs do not know. `unitName` turns unit ids into names.
 */
export function diffVersions(
  before: Comparable | null,
  after: Comparable,
  specs: FieldSpecs,
  unitName: (id: string | null) => string = (id) => id ?? '',
): DiffRow[] {
  const rows: DiffRow[] = [];
  const push = (key: string, label: string, was: string, now: string) =>
    rows.push({ key, label, before: was, after: now, changed: was !== now });
  for (const { key, label } of META) {
    const show = (version: Comparable | null) =>
      version === null
        ? ''
        : key === 'ownerUnitId'
          ? clean(unitName(version.ownerUnitId))
          : clean(version[key]);
    push(key, label, show(before), show(after));
  }
  const keys = [
    ...Object.keys(specs),
    ...[...Object.keys(before?.fields ?? {}), ...Object.keys(after.fields)].filter((key) => !(key in specs)),
  ];
  for (const key of [...new Set(keys)]) {
    push(`fields.${key}`, specs[key]?.label ?? key, clean(before?.fields[key]), clean(after.fields[key]));
  }
  return rows;
}
