import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  A,
  dispatched,
  expectAppError,
  fieldsOf,
  manualClock,
  seedPeople,
} from '../test-support/contract-helpers.js';
import { type TestCore, describeEachDatabase } from '../test-support/databases.js';
import type { WorkOrderDetail } from '../views/work-order.view.js';
import { downloadOrderAttachment, listOrderAttachments, uploadOrderAttachment } from './attachments.js';
import { ATTACHMENT_MAX_BYTES } from './attachment-types.js';
import { addOrderNote, listOrderNotes } from './work-notes.js';

/** Every byte value, NULs included, so a text round-trip anywhere would show. */
const BINARY = new Uint8Array([0, 0, 1, 255, 0, 13, 10, 26, ...Array.from({ length: 256 }, (_, i) => i), 0]);

describeEachDatabase('work notes and attachments', (db) => {
  const clock = manualClock('2026-06-01T02:00:00.000Z');
  let core: TestCore;
  let order: WorkOrderDetail;
  let secret: WorkOrderDetail;
  let closed: WorkOrderDetail;

  const auditRows = (orderId: string, action: string) =>
    core.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target_id', '=', orderId)
      .where('action', '=', action)
      .execute();
  const count = async (table: 'work_notes' | 'attachments') =>
    Number(
      (
        await core.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    core = await db.newCore({ now: clock.now });
    await seedPeople(core);
    order = await dispatched(core, { leadUnitId: 'east-heping' });
    secret = await dispatched(core, { leadUnitId: 'east-heping', intake: { confidential: true } });
    closed = await dispatched(core, { leadUnitId: 'east-heping' });
    await core.database.db
      .updateTable('work_orders')
      .set({ status: 'closed' })
      .where('id', '=', closed.id)
      .execute();
  });

  describe('work notes', () => {
    it('the order unit adds and lists notes, oldest first, with author and unit names', async () => {
      const first = await addOrderNote(core, A.heping, order.id, { text: '  已联系施工方，约定明日整改。 ' });
      expect(first).toMatchObject({
        text: '已联系施工方，约定明日整改。',
        unitId: 'east-heping',
        authorId: A.heping.userId,
      });
      expect(first.authorName).toBeTruthy();
      expect(first.unitName).toBeTruthy();
      clock.set('2026-06-01T03:00:00.000Z');
      await addOrderNote(core, A.supervisor, order.orderNo, { text: '请和平街道加快进度\n并反馈结果' });
      const { items } = await listOrderNotes(core, A.supervisor, order.id);
      expect(items.map((n) => n.text)).toEqual([
        '已联系施工方，约定明日整改。',
        '请和平街道加快进度\n并反馈结果',
      ]);
      expect(items[1]).toMatchObject({ unitId: 'centre', authorId: A.supervisor.userId });
      // The parent unit of the order's unit sees them too.
      expect((await listOrderNotes(core, A.eastadmin, order.id)).items).toHaveLength(2);
      expect(await auditRows(order.id, 'work_note_add')).toHaveLength(2);
    });

    it('other units get NOT_FOUND and write nothing', async () => {
      const before = await count('work_notes');
      await expectAppError(listOrderNotes(core, A.market, order.id), 'NOT_FOUND');
      await expectAppError(addOrderNote(core, A.handler, order.id, { text: '越权' }), 'NOT_FOUND');
      await expectAppError(addOrderNote(core, A.heping, 'no-such-order', { text: '无' }), 'NOT_FOUND');
      expect(await count('work_notes')).toBe(before);
    });

    it('refuses blank, over-long, control characters and unknown fields at their path', async () => {
      const cases: unknown[] = [
        { text: '' },
        { text: '   ' },
        { text: 'x'.repeat(4001) },
        { text: 'a\u0000b' },
        { text: 'a\u0007b' },
        { text: 42 },
        {},
      ];
      for (const body of cases) {
        const error = await expectAppError(addOrderNote(core, A.heping, order.id, body), 'VALIDATION_FAILED');
        expect(fieldsOf(error)).toEqual(['text']);
      }
      const extra = await expectAppError(
        addOrderNote(core, A.heping, order.id, { text: 'ok', public: true }),
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(extra)).toEqual(['public']);
      expect((await addOrderNote(core, A.heping, order.id, { text: 'x'.repeat(4000) })).text).toHaveLength(
        4000,
      );
    });

    it('a closed order refuses new notes but still lists its old ones', async () => {
      await expectAppError(
        addOrderNote(core, A.heping, closed.id, { text: '补记' }),
        'TRANSITION_NOT_ALLOWED',
      );
      await expectAppError(
        addOrderNote(core, A.supervisor, closed.id, { text: '补记' }),
        'TRANSITION_NOT_ALLOWED',
      );
      expect((await listOrderNotes(core, A.heping, closed.id)).items).toEqual([]);
    });

    it('confidential orders: the assigned unit works on them, other units do not see them', async () => {
      await addOrderNote(core, A.heping, secret.id, { text: '保密件办理中' });
      expect((await listOrderNotes(core, A.supervisor, secret.id)).items).toHaveLength(1);
      await expectAppError(listOrderNotes(core, A.market, secret.id), 'NOT_FOUND');
      await expectAppError(listOrderAttachments(core, A.handler, secret.id), 'NOT_FOUND');
    });
  });

  describe('attachments', () => {
    it('stores bytes exactly (NULs included) with their SHA-256, lists metadata and audits both ways', async () => {
      const meta = await uploadOrderAttachment(core, A.heping, order.id, {
        fileName: '现场照片 2026-06-01.JPG',
        visibility: 'public',
        content: BINARY,
      });
      const sha = createHash('sha256').update(BINARY).digest('hex');
      expect(meta).toMatchObject({
        fileName: '现场照片 2026-06-01.JPG',
        mimeType: 'image/jpeg',
        size: BINARY.byteLength,
        sha256: sha,
        visibility: 'public',
        unitId: 'east-heping',
        uploadedBy: A.heping.userId,
      });
      expect(meta.uploaderName).toBeTruthy();
      const listed = await listOrderAttachments(core, A.supervisor, order.id);
      expect(listed.items).toHaveLength(1);
      expect(listed.items[0]).toEqual(meta);
      expect(listed.items[0]).not.toHaveProperty('content');

      const file = await downloadOrderAttachment(core, A.supervisor, order.id, meta.id);
      expect(Buffer.from(file.content).equals(Buffer.from(BINARY))).toBe(true);
      expect(createHash('sha256').update(file.content).digest('hex')).toBe(sha);

      const uploads = await auditRows(order.id, 'attachment_upload');
      expect(uploads).toHaveLength(1);
      expect(JSON.parse(uploads[0]!.detail ?? '{}')).toMatchObject({ attachmentId: meta.id, sha256: sha });
      const downloads = await auditRows(order.id, 'attachment_download');
      expect(downloads.map((r) => r.actor_id)).toEqual([A.supervisor.userId]);
    });

    it('defaults to internal; other units cannot list, upload or download', async () => {
      const meta = await uploadOrderAttachment(core, A.supervisor, order.id, {
        fileName: '情况说明.docx',
        content: new Uint8Array([80, 75, 3, 4]),
      });
      expect(meta.visibility).toBe('internal');
      const before = await count('attachments');
      await expectAppError(listOrderAttachments(core, A.market, order.id), 'NOT_FOUND');
      await expectAppError(downloadOrderAttachment(core, A.market, order.id, meta.id), 'NOT_FOUND');
      await expectAppError(
        uploadOrderAttachment(core, A.handler, order.id, { fileName: 'a.pdf', content: BINARY }),
        'NOT_FOUND',
      );
      // An attachment id of another order is not found through this order.
      await expectAppError(downloadOrderAttachment(core, A.heping, secret.id, meta.id), 'NOT_FOUND');
      expect(await count('attachments')).toBe(before);
      expect(await auditRows(order.id, 'attachment_download')).toHaveLength(1);
    });

    it('refuses bad names, types, visibilities and empty files with field paths', async () => {
      const before = await count('attachments');
      const refused: [Record<string, unknown>, string, RegExp?][] = [
        [{ fileName: '' }, 'fileName'],
        [{ fileName: 'a'.repeat(197) + '.pdf' }, 'fileName'],
        [{ fileName: '../etc/passwd.txt' }, 'fileName'],
        [{ fileName: 'dir\\a.txt' }, 'fileName'],
        [{ fileName: 'a\u0000.txt' }, 'fileName'],
        [{ fileName: 'a\n.txt' }, 'fileName'],
        [{ fileName: 'evil\u202etxt.exe' }, 'fileName'],
        [{ fileName: 'setup.exe' }, 'fileName', /可执行/],
        [{ fileName: 'run.BAT' }, 'fileName', /可执行/],
        [{ fileName: 'x.js' }, 'fileName', /可执行/],
        [{ fileName: 'install.sh' }, 'fileName', /可执行/],
        [{ fileName: 'page.html' }, 'fileName', /可执行/],
        [{ fileName: 'a.unknownext' }, 'fileName', /不支持/],
        [{ fileName: 'noextension' }, 'fileName', /扩展名/],
        [{ fileName: 42 }, 'fileName'],
        [{ visibility: 'everyone' }, 'visibility'],
        [{ content: new Uint8Array(0) }, 'content', /为空/],
        [{ content: 'text' }, 'content'],
      ];
      for (const [patch, field, message] of refused) {
        const upload = { fileName: 'ok.pdf', content: BINARY, ...patch };
        const error = await expectAppError(
          uploadOrderAttachment(core, A.heping, order.id, upload),
          'VALIDATION_FAILED',
        );
        expect(fieldsOf(error), JSON.stringify(patch)).toEqual([field]);
        if (message) expect(error.issues?.[0]?.message).toMatch(message);
      }
      const big = await expectAppError(
        uploadOrderAttachment(core, A.heping, order.id, {
          fileName: 'big.zip',
          content: new Uint8Array(ATTACHMENT_MAX_BYTES + 1),
        }),
        'PAYLOAD_TOO_LARGE',
      );
      expect(fieldsOf(big)).toEqual(['content']);
      expect(await count('attachments')).toBe(before);
      // Exactly 200 characters is fine.
      const longest = `${'名'.repeat(196)}.pdf`;
      expect(
        (await uploadOrderAttachment(core, A.heping, order.id, { fileName: longest, content: BINARY }))
          .fileName,
      ).toBe(longest);
    });

    it('a closed order refuses uploads', async () => {
      await expectAppError(
        uploadOrderAttachment(core, A.heping, closed.id, { fileName: 'a.pdf', content: BINARY }),
        'TRANSITION_NOT_ALLOWED',
      );
      expect((await listOrderAttachments(core, A.heping, closed.id)).items).toEqual([]);
    });
  });
});
