import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Database } from '../../storage/database.js';
import { type TestArticle, insertArticles, insertUnits } from './kb-articles.js';

/**
 * The shipped corpus: 1,135 real service items of Guang'an district, Sichuan (Apache-2.0, see
 * core/data/service-items/). One guide per item: title = item_name, keywords = main_item unless
 * 未分类, owner = the department (a unit under a district unit `guangan`).
 */

export const SERVICE_ITEMS_CSV = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../data/service-items/sichuan_guangan_district_service_items.csv',
);

export interface ServiceItem {
  department: string;
  main_item: string;
  item_name: string;
  item_code: string;
  link: string;
}

export function readServiceItems(file = SERVICE_ITEMS_CSV): ServiceItem[] {
  return parse(readFileSync(file, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
  }) as ServiceItem[];
}

export const GUANGAN_UNIT = 'guangan';

/** Unit id of each department, in order of first appearance. */
export function departmentUnits(items: readonly ServiceItem[]): Map<string, string> {
  const units = new Map<string, string>();
  for (const item of items) {
    if (!units.has(item.department))
      units.set(item.department, `ga-${String(units.size + 1).padStart(2, '0')}`);
  }
  return units;
}

export function serviceItemArticles(
  items: readonly ServiceItem[],
  units: Map<string, string>,
): TestArticle[] {
  return items.map((item, i) => ({
    // Stable ids: equal scores are ordered by id, so measurements repeat exactly.
    id: `ga-item-${String(i + 1).padStart(4, '0')}`,
    kind: 'guide' as const,
    title: item.item_name,
    itemCode: item.item_code,
    ownerUnitId: units.get(item.department) ?? null,
    ownerUnitName: item.department,
    keywords: item.main_item === '未分类' ? '' : item.main_item,
    fields: item.link ? { onlineUrl: item.link } : ({} as Record<string, string>),
  }));
}

/** Loads the whole corpus (units + published guides) into a migrated database. */
export async function loadServiceItems(database: Database): Promise<{ items: ServiceItem[]; ids: string[] }> {
  const items = readServiceItems();
  const units = departmentUnits(items);
  await insertUnits(database.db, [{ id: GUANGAN_UNIT, name: '广安区' }]);
  await insertUnits(
    database.db,
    [...units].map(([name, id]) => ({ id, name, parentId: GUANGAN_UNIT })),
  );
  const ids = await insertArticles(database, serviceItemArticles(items, units));
  return { items, ids };
}
