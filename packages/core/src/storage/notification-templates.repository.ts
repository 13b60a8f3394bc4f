import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

export interface TemplateOverride {
  kind: string;
  channel: string;
  text: string;
  updatedAt: string;
  updatedBy: string;
}

export async function listTemplateOverrides(db: Db): Promise<TemplateOverride[]> {
  const rows = await db.selectFrom('notification_templates').selectAll().execute();
  return rows.map((r) => ({
    kind: r.kind,
    channel: r.channel,
    text: r.text,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  }));
}

export async function upsertTemplate(db: Db, t: TemplateOverride): Promise<void> {
  const values = { text: t.text, updated_at: t.updatedAt, updated_by: t.updatedBy };
  await db
    .insertInto('notification_templates')
    .values({ kind: t.kind, channel: t.channel, ...values })
    .onConflict((oc) => oc.columns(['kind', 'channel']).doUpdateSet(values))
    .execute();
}

export async function deleteTemplate(db: Db, kind: string, channel: string): Promise<void> {
  await db
    .deleteFrom('notification_templates')
    .where('kind', '=', kind)
    .where('channel', '=', channel)
    .execute();
}
