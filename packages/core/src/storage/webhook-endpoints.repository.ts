import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

export interface WebhookEndpointRecord {
  id: string;
  unitId: string | null;
  url: string;
  secret: string;
  active: boolean;
  /** Empty = every kind. */
  kinds: string[];
  createdAt: string;
  updatedAt: string;
}

function toRecord(r: Schema['webhook_endpoints']): WebhookEndpointRecord {
  return {
    id: r.id,
    unitId: r.unit_id,
    url: r.url,
    secret: r.secret,
    active: r.active === 1,
    kinds: JSON.parse(r.kinds) as string[],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function insertWebhookEndpoint(db: Db, e: WebhookEndpointRecord): Promise<void> {
  await db
    .insertInto('webhook_endpoints')
    .values({
      id: e.id,
      unit_id: e.unitId,
      url: e.url,
      secret: e.secret,
      active: e.active ? 1 : 0,
      kinds: JSON.stringify(e.kinds),
      created_at: e.createdAt,
      updated_at: e.updatedAt,
    })
    .execute();
}

export async function updateWebhookEndpoint(db: Db, e: WebhookEndpointRecord): Promise<boolean> {
  const result = await db
    .updateTable('webhook_endpoints')
    .set({
      unit_id: e.unitId,
      url: e.url,
      secret: e.secret,
      active: e.active ? 1 : 0,
      kinds: JSON.stringify(e.kinds),
      updated_at: e.updatedAt,
    })
    .where('id', '=', e.id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function findWebhookEndpoint(db: Db, id: string): Promise<WebhookEndpointRecord | undefined> {
  const row = await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export async function listWebhookEndpoints(db: Db): Promise<WebhookEndpointRecord[]> {
  const rows = await db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toRecord);
}

/** Active endpoints of these units plus the unit-less (all recipients) ones. */
export async function listActiveEndpointsFor(
  db: Db,
  unitIds: readonly string[],
): Promise<WebhookEndpointRecord[]> {
  let query = db.selectFrom('webhook_endpoints').selectAll().where('active', '=', 1);
  query = query.where((eb) =>
    unitIds.length > 0
      ? eb.or([eb('unit_id', 'is', null), eb('unit_id', 'in', unitIds)])
      : eb('unit_id', 'is', null),
  );
  const rows = await query.orderBy('id').execute();
  return rows.map(toRecord);
}
