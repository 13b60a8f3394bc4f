import type { Db } from './accuracy-sql.js';
import type { Schema } from './schema.js';

/** The sampled guides of a round (one item per guide, with the question and number to call). */

export interface ItemRecord {
  id: string;
  roundId: string;
  seq: number;
  articleId: string;
  articleVersion: number;
  guideTitle: string;
  itemCode: string | null;
  ownerUnitId: string;
  ownerUnitName: string;
  question: string;
  phone: string;
  checkerId: string;
  checkerName: string;
}

export async function insertItem(db: Db, row: Schema['accuracy_items']): Promise<void> {
  await db.insertInto('accuracy_items').values(row).execute();
}

function itemQuery(db: Db) {
  return db
    .selectFrom('accuracy_items as i')
    .innerJoin('users as ck', 'ck.id', 'i.checker_id')
    .selectAll('i')
    .select('ck.display_name as checker_name');
}

export const toItem = (r: Schema['accuracy_items'] & { checker_name: string }): ItemRecord => ({
  id: r.id,
  roundId: r.round_id,
  seq: Number(r.seq),
  articleId: r.article_id,
  articleVersion: Number(r.article_version),
  guideTitle: r.guide_title,
  itemCode: r.item_code,
  ownerUnitId: r.owner_unit_id,
  ownerUnitName: r.owner_unit_name,
  question: r.question,
  phone: r.phone,
  checkerId: r.checker_id,
  checkerName: r.checker_name,
});

export async function listItems(db: Db, roundId: string): Promise<ItemRecord[]> {
  const rows = await itemQuery(db).where('i.round_id', '=', roundId).orderBy('i.seq').execute();
  return rows.map(toItem);
}

export async function findItem(db: Db, roundId: string, itemId: string): Promise<ItemRecord | undefined> {
  const row = await itemQuery(db)
    .where('i.round_id', '=', roundId)
    .where('i.id', '=', itemId)
    .executeTakeFirst();
  return row ? toItem(row) : undefined;
}

export async function findItemById(db: Db, itemId: string): Promise<ItemRecord | undefined> {
  const row = await itemQuery(db).where('i.id', '=', itemId).executeTakeFirst();
  return row ? toItem(row) : undefined;
}
