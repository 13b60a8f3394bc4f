import type { Kysely } from 'kysely';

/**
 * Unit maintenance (issue 4): each 承办单位 carries its liaison (联络人) and a note for the hotline
 * (e.g. office hours); the duty phone (值班电话) already exists. Units are looked up by parent when
 * names are checked among siblings.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('units').addColumn('liaison_name', 'text').execute();
  await db.schema.alterTable('units').addColumn('liaison_phone', 'text').execute();
  await db.schema.alterTable('units').addColumn('note', 'text').execute();
  await db.schema.alterTable('units').addColumn('updated_at', 'text').execute();
  await db.schema.createIndex('units_parent_idx').on('units').column('parent_id').execute();
}
