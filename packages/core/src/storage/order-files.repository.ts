import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

export interface WorkNoteRow {
  id: string;
  orderId: string;
  unitId: string;
  unitName: string | null;
  authorId: string;
  authorName: string | null;
  text: string;
  createdAt: string;
}

export interface AttachmentMeta {
  id: string;
  orderId: string;
  unitId: string;
  unitName: string | null;
  uploadedBy: string;
  uploaderName: string | null;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  visibility: string;
  createdAt: string;
}

export interface NewWorkNote {
  id: string;
  orderId: string;
  unitId: string;
  authorId: string;
  text: string;
  createdAt: string;
}

export interface NewAttachment {
  id: string;
  orderId: string;
  unitId: string;
  uploadedBy: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  visibility: string;
  content: Uint8Array;
  createdAt: string;
}

export async function insertWorkNote(db: Db, n: NewWorkNote): Promise<void> {
  await db
    .insertInto('work_notes')
    .values({
      id: n.id,
      order_id: n.orderId,
      unit_id: n.unitId,
      author_id: n.authorId,
      text: n.text,
      created_at: n.createdAt,
    })
    .execute();
}

/** An order's work notes (or just `noteId`), oldest first, with the author's and the unit's names. */
export async function listWorkNotes(db: Db, orderId: string, noteId?: string): Promise<WorkNoteRow[]> {
  let query = db
    .selectFrom('work_notes as n')
    .leftJoin('users as u', 'u.id', 'n.author_id')
    .leftJoin('units as un', 'un.id', 'n.unit_id')
    .select([
      'n.id',
      'n.order_id',
      'n.unit_id',
      'un.name as unit_name',
      'n.author_id',
      'u.display_name as author_name',
      'n.text',
      'n.created_at',
    ])
    .where('n.order_id', '=', orderId);
  if (noteId) query = query.where('n.id', '=', noteId);
  const rows = await query.orderBy('n.created_at', 'asc').orderBy('n.id', 'asc').execute();
  return rows.map((r) => ({
    id: r.id,
    orderId: r.order_id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    authorId: r.author_id,
    authorName: r.author_name,
    text: r.text,
    createdAt: r.created_at,
  }));
}

export async function insertAttachment(db: Db, a: NewAttachment): Promise<void> {
  await db
    .insertInto('attachments')
    .values({
      id: a.id,
      order_id: a.orderId,
      unit_id: a.unitId,
      uploaded_by: a.uploadedBy,
      file_name: a.fileName,
      mime_type: a.mimeType,
      size: a.size,
      sha256: a.sha256,
      visibility: a.visibility,
      // Both drivers bind a Buffer as a blob / bytea.
      content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
      created_at: a.createdAt,
    })
    .execute();
}

function metaQuery(db: Db) {
  return db
    .selectFrom('attachments as a')
    .leftJoin('users as u', 'u.id', 'a.uploaded_by')
    .leftJoin('units as un', 'un.id', 'a.unit_id')
    .select([
      'a.id',
      'a.order_id',
      'a.unit_id',
      'un.name as unit_name',
      'a.uploaded_by',
      'u.display_name as uploader_name',
      'a.file_name',
      'a.mime_type',
      'a.size',
      'a.sha256',
      'a.visibility',
      'a.created_at',
    ]);
}

type MetaRow = Awaited<ReturnType<ReturnType<typeof metaQuery>['executeTakeFirstOrThrow']>>;

function toMeta(r: MetaRow): AttachmentMeta {
  return {
    id: r.id,
    orderId: r.order_id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    uploadedBy: r.uploaded_by,
    uploaderName: r.uploader_name,
    fileName: r.file_name,
    mimeType: r.mime_type,
    size: Number(r.size),
    sha256: r.sha256,
    visibility: r.visibility,
    createdAt: r.created_at,
  };
}

/** An order's attachments (metadata only, never the bytes), oldest first. */
export async function listAttachments(db: Db, orderId: string): Promise<AttachmentMeta[]> {
  const rows = await metaQuery(db)
    .where('a.order_id', '=', orderId)
    .orderBy('a.created_at', 'asc')
    .orderBy('a.id', 'asc')
    .execute();
  return rows.map(toMeta);
}

export async function findAttachmentMeta(
  db: Db,
  orderId: string,
  attachmentId: string,
): Promise<AttachmentMeta | undefined> {
  const row = await metaQuery(db)
    .where('a.order_id', '=', orderId)
    .where('a.id', '=', attachmentId)
    .executeTakeFirst();
  return row ? toMeta(row) : undefined;
}

/** The stored bytes of one attachment of an order. */
export async function readAttachmentContent(
  db: Db,
  orderId: string,
  attachmentId: string,
): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom('attachments')
    .select('content')
    .where('order_id', '=', orderId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  return row ? new Uint8Array(row.content.buffer, row.content.byteOffset, row.content.byteLength) : undefined;
}
