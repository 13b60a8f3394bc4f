import { randomUUID } from 'node:crypto';
import type { Actor } from '@huawu/domain';
import type { CoreDeps } from '../deps.js';
import { writeAudit } from '../storage/admin.repository.js';
import { insertWorkNote, listWorkNotes } from '../storage/order-files.repository.js';
import { scopeFor } from '../security/access-scope.js';
import { orderForFiles, orderInScope } from './order-file-access.js';
import { checkNote } from './work-note-input.js';

/** An order's work notes (办理记录), oldest first. */
export async function listOrderNotes(deps: CoreDeps, actor: Actor, orderId: string) {
  const order = await orderForFiles(deps, actor, orderId, 'read');
  return { items: await listWorkNotes(deps.database.db, order.id) };
}

/** Adds a work note under the actor's unit; the note and its audit row are one transaction. */
export async function addOrderNote(deps: CoreDeps, actor: Actor, orderId: string, body: unknown) {
  const text = checkNote(body);
  const scope = await scopeFor(deps, actor);
  return deps.database.db.transaction().execute(async (tx) => {
    const order = await orderInScope(tx, scope, orderId, 'add');
    const note = {
      id: randomUUID(),
      orderId: order.id,
      unitId: actor.unitId,
      authorId: actor.userId,
      text,
      createdAt: deps.now().toISOString(),
    };
    await insertWorkNote(tx, note);
    await writeAudit(tx, {
      at: note.createdAt,
      actorId: actor.userId,
      action: 'work_note_add',
      targetType: 'work_order',
      targetId: order.id,
      detail: { noteId: note.id, length: text.length },
    });
    const [stored] = await listWorkNotes(tx, order.id, note.id);
    return stored ?? { ...note, unitName: null, authorName: null };
  });
}
