import { createHash, randomUUID } from 'node:crypto';
import type { Actor } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { writeAudit } from '../storage/admin.repository.js';
import {
  type AttachmentMeta,
  findAttachmentMeta,
  insertAttachment,
  listAttachments,
  readAttachmentContent,
} from '../storage/order-files.repository.js';
import { type AttachmentUpload, checkUpload } from './attachment-input.js';
import { scopeFor } from '../security/access-scope.js';
import { orderForFiles, orderInScope } from './order-file-access.js';

/** An order's attachments: metadata only. */
export async function listOrderAttachments(deps: CoreDeps, actor: Actor, orderId: string) {
  const order = await orderForFiles(deps, actor, orderId, 'read');
  return { items: await listAttachments(deps.database.db, order.id) };
}

/** Stores an attachment (type from the extension, SHA-256 of the bytes); the upload is audited in its transaction. */
export async function uploadOrderAttachment(
  deps: CoreDeps,
  actor: Actor,
  orderId: string,
  upload: AttachmentUpload,
): Promise<AttachmentMeta> {
  const file = checkUpload(upload);
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  const scope = await scopeFor(deps, actor);
  return deps.database.db.transaction().execute(async (tx) => {
    const order = await orderInScope(tx, scope, orderId, 'add');
    const row = {
      id: randomUUID(),
      orderId: order.id,
      unitId: actor.unitId,
      uploadedBy: actor.userId,
      fileName: file.fileName,
      mimeType: file.mimeType,
      size: file.content.byteLength,
      sha256,
      visibility: file.visibility,
      content: file.content,
      createdAt: deps.now().toISOString(),
    };
    await insertAttachment(tx, row);
    await writeAudit(tx, {
      at: row.createdAt,
      actorId: actor.userId,
      action: 'attachment_upload',
      targetType: 'work_order',
      targetId: order.id,
      detail: {
        attachmentId: row.id,
        fileName: row.fileName,
        size: row.size,
        sha256: row.sha256,
        visibility: row.visibility,
      },
    });
    const meta = await findAttachmentMeta(tx, order.id, row.id);
    if (!meta) throw new AppError('INTERNAL');
    return meta;
  });
}

/** One attachment's bytes with its metadata; every download is written to the audit log (it may hold personal data). */
export async function downloadOrderAttachment(
  deps: CoreDeps,
  actor: Actor,
  orderId: string,
  attachmentId: string,
): Promise<AttachmentMeta & { content: Uint8Array }> {
  const order = await orderForFiles(deps, actor, orderId, 'read');
  return deps.database.db.transaction().execute(async (tx) => {
    const meta = await findAttachmentMeta(tx, order.id, attachmentId);
    const content = meta ? await readAttachmentContent(tx, order.id, attachmentId) : undefined;
    if (!meta || !content) throw new AppError('NOT_FOUND', '附件不存在');
    await writeAudit(tx, {
      at: deps.now().toISOString(),
      actorId: actor.userId,
      action: 'attachment_download',
      targetType: 'work_order',
      targetId: order.id,
      detail: { attachmentId: meta.id, fileName: meta.fileName, size: meta.size },
    });
    return { ...meta, content };
  });
}
