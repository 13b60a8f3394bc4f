import { beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../storage/migrations/index.js';
import {
  A,
  dispatched,
  expectAppError,
  manualClock,
  newOrder,
  seedPeople,
  step,
} from '../test-support/contract-helpers.js';
import { type TestCore, describeEachDatabase } from '../test-support/databases.js';
import type { WorkOrderFull } from '../use-cases/get-work-order.js';
import { archiveOrder, dropAppendOnly, restoreAppendOnly } from '../test-support/archive-helpers.js';
import { archiveChainHash, eventHash, sha256Hex } from './event-hash.js';
import { getArchiveRecord } from './get-archive-record.js';
import { searchArchive } from './search-archive.js';
import { verifyAuditChain, verifyOrderChain } from './verify-audit-chain.js';

describeEachDatabase('hash-chained event log and sealed archives', (db) => {
  const clock = manualClock('2026-09-10T02:00:00.000Z');
  let core: TestCore;
  let rejected: WorkOrderFull;
  let unitOrder: WorkOrderFull;
  let open: WorkOrderFull;

  const events = (orderId: string) =>
    core.database.db
      .selectFrom('work_order_events')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('seq')
      .execute();
  const archiveRow = (orderId: string) =>
    core.database.db
      .selectFrom('order_archives')
      .selectAll()
      .where('order_id', '=', orderId)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    core = await db.newCore({ now: clock.now });
    await seedPeople(core);
    rejected = await newOrder(core, { title: '不予受理的来电', appealType: 'consultation' });
    rejected = await step(core, rejected, A.agent, 'reject', {
      reasonCode: 'legal_channel',
      channelTold: '法院',
    });
    rejected = await archiveOrder(core, rejected, A.admin);
    clock.set('2026-09-11T02:00:00.000Z');
    unitOrder = await dispatched(core, { leadUnitId: 'east-heping' });
    // Straight to 已办结 (the reply/callback path is covered elsewhere); the version stays as is.
    await core.database.db
      .updateTable('work_orders')
      .set({ status: 'closed' })
      .where('id', '=', unitOrder.id)
      .execute();
    unitOrder = { ...unitOrder, status: 'closed' };
    unitOrder = await archiveOrder(core, unitOrder, A.supervisor);
    open = await dispatched(core, { leadUnitId: 'city-housing' });
  });

  it('every event is chained to the one before it, from create on', async () => {
    const rows = await events(unitOrder.id);
    expect(rows.map((r) => r.event)).toEqual(['create', 'submit_for_dispatch', 'dispatch', 'archive']);
    let prev = '';
    for (const r of rows) {
      expect(r.prev_hash).toBe(prev);
      expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(eventHash(prev, { ...r, seq: Number(r.seq) })).toBe(r.hash);
      prev = r.hash as string;
    }
  });

  it('archiving seals the whole case: record, hashes, retention and the archive chain', async () => {
    const first = await archiveRow(rejected.id);
    const second = await archiveRow(unitOrder.id);
    expect(Number(first.archive_seq)).toBe(1);
    expect(Number(second.archive_seq)).toBe(2);
    expect(first.prev_archive_hash).toBe('');
    expect(second.prev_archive_hash).toBe(first.record_hash);
    expect(second.chain_hash).toBe(archiveChainHash(first.record_hash, second.record_hash));
    expect(first.record_hash).toBe(sha256Hex(first.record));
    // 咨询 is kept 3 years, 投诉 10 (the default closure policy).
    expect(first.retention_until).toBe('2029-09-10T02:00:00.000Z');
    expect(second.retention_until).toBe('2036-09-11T02:00:00.000Z');
    expect(second).toMatchObject({ appeal_type: 'complaint', archived_by: 'demo-supervisor' });
    const rows = await events(unitOrder.id);
    expect(Number(second.head_event_seq)).toBe(rows.length);
    expect(second.head_event_hash).toBe(rows.at(-1)?.hash);
    const record = JSON.parse(second.record);
    expect(record.order).toMatchObject({ id: unitOrder.id, orderNo: unitOrder.orderNo, status: 'archived' });
    expect(record.events.map((e: { hash: string }) => e.hash)).toEqual(rows.map((r) => r.hash));
    expect(record.units.map((u: { unitId: string }) => u.unitId)).toEqual(['east-heping']);
    expect(record).toMatchObject({ format: 'huawu.archive/1', notesCount: 0, attachments: [] });
  });

  it('verify passes on an untouched database and counts what it checked', async () => {
    const report = await verifyAuditChain(core, { pageSize: 2 });
    expect(report).toEqual({
      ok: true,
      ordersChecked: 3,
      eventsChecked: (await events(rejected.id)).length + 4 + (await events(open.id)).length,
      archivesChecked: 2,
      breaks: 0,
    });
    expect((await verifyOrderChain(core, A.heping, unitOrder.id)).ok).toBe(true);
    await expectAppError(verifyOrderChain(core, A.market, unitOrder.id), 'NOT_FOUND');
  });

  it('the event log and the archives refuse UPDATE and DELETE', async () => {
    const d = core.database.db;
    await expect(
      d.updateTable('work_order_events').set({ comment: 'x' }).where('order_id', '=', open.id).execute(),
    ).rejects.toThrow(/只能追加/);
    await expect(d.deleteFrom('work_order_events').where('order_id', '=', open.id).execute()).rejects.toThrow(
      /只能追加/,
    );
    await expect(d.updateTable('order_archives').set({ record: '{}' }).execute()).rejects.toThrow(/只能追加/);
    await expect(d.deleteFrom('order_archives').execute()).rejects.toThrow(/只能追加/);
    expect((await verifyAuditChain(core)).ok).toBe(true);
  });

  describe('tampering (triggers dropped, as a DBA could)', () => {
    const tampered = async (change: () => Promise<unknown>, undo: () => Promise<unknown>) => {
      await dropAppendOnly(core);
      try {
        await change();
        return await verifyAuditChain(core);
      } finally {
        await undo();
        await restoreAppendOnly(core);
        expect((await verifyAuditChain(core)).ok).toBe(true);
      }
    };

    it('an edited payload is named: order and seq, kind event_hash', async () => {
      const row = (await events(open.id))[1]!;
      const set = (payload: string) =>
        core.database.db
          .updateTable('work_order_events')
          .set({ payload })
          .where('order_id', '=', open.id)
          .where('seq', '=', 2)
          .execute();
      const report = await tampered(
        () => set(row.payload.replace('}', ',"x":1}')),
        () => set(row.payload),
      );
      expect(report.ok).toBe(false);
      expect(report.firstBreak).toEqual({
        orderNo: open.orderNo,
        orderId: open.id,
        seq: 2,
        kind: 'event_hash',
        message: `工单 ${open.orderNo} 第 2 条事件的哈希不符（内容被改动）`,
      });
    });

    it('a deleted middle event breaks the next link (prev_link); a deleted last one the tail', async () => {
      const rows = await events(open.id);
      const del = (seq: number) =>
        core.database.db
          .deleteFrom('work_order_events')
          .where('order_id', '=', open.id)
          .where('seq', '=', seq)
          .execute();
      const put = (seq: number) =>
        core.database.db
          .insertInto('work_order_events')
          .values(rows[seq - 1]!)
          .execute();
      let report = await tampered(
        () => del(2),
        () => put(2),
      );
      expect(report.firstBreak).toMatchObject({ orderId: open.id, seq: 3, kind: 'prev_link' });
      report = await tampered(
        () => del(3),
        () => put(3),
      );
      expect(report.firstBreak).toMatchObject({ orderId: open.id, seq: 3, kind: 'event_tail' });
      expect(report.firstBreak?.message).toContain('末尾事件缺失');
    });

    it('an event whose hash was removed is missing_hash', async () => {
      const row = (await events(open.id))[0]!;
      const set = (hash: string | null) =>
        core.database.db
          .updateTable('work_order_events')
          .set({ hash })
          .where('order_id', '=', open.id)
          .where('seq', '=', 1)
          .execute();
      const report = await tampered(
        () => set(null),
        () => set(row.hash),
      );
      expect(report.firstBreak).toMatchObject({ orderId: open.id, seq: 1, kind: 'missing_hash' });
    });

    it('a changed archive record is archive_record; a rewritten archived event is archive_head', async () => {
      const a = await archiveRow(unitOrder.id);
      const setRecord = (record: string) =>
        core.database.db
          .updateTable('order_archives')
          .set({ record })
          .where('order_id', '=', unitOrder.id)
          .execute();
      let report = await tampered(
        () => setRecord(a.record.replace('"notesCount":0', '"notesCount":1')),
        () => setRecord(a.record),
      );
      expect(report.firstBreak).toMatchObject({
        orderId: unitOrder.id,
        archiveSeq: 2,
        kind: 'archive_record',
      });
      expect(report.firstBreak?.message).toContain(unitOrder.orderNo);
      // Someone rewrites the whole chain of an archived order consistently: the sealed head still differs.
      const rows = await events(unitOrder.id);
      const rewrite = async (comments: (string | null)[]) => {
        let prev = '';
        for (const [i, r] of rows.entries()) {
          const next = { ...r, seq: Number(r.seq), comment: comments[i] ?? null };
          const hash = eventHash(prev, next);
          await core.database.db
            .updateTable('work_order_events')
            .set({ comment: next.comment, prev_hash: prev, hash })
            .where('order_id', '=', r.order_id)
            .where('seq', '=', r.seq)
            .execute();
          prev = hash;
        }
      };
      report = await tampered(
        () => rewrite(rows.map((r, i) => (i === 0 ? '改写' : r.comment))),
        () => rewrite(rows.map((r) => r.comment)),
      );
      expect(report.breaks).toBe(1);
      expect(report.firstBreak).toMatchObject({ orderId: unitOrder.id, archiveSeq: 2, kind: 'archive_head' });
      const view = await getArchiveRecord(core, A.supervisor, rejected.id);
      expect(view.verification.ok).toBe(true);
    });

    it('a removed archive breaks the archive chain (archive_link)', async () => {
      const a = await archiveRow(rejected.id);
      const report = await tampered(
        () => core.database.db.deleteFrom('order_archives').where('order_id', '=', rejected.id).execute(),
        () => core.database.db.insertInto('order_archives').values(a).execute(),
      );
      expect(report.firstBreak).toMatchObject({ orderId: unitOrder.id, archiveSeq: 2, kind: 'archive_link' });
    });
  });

  describe('档案查询', () => {
    it('finds records by keyword, appeal type, unit and date, newest first, scoped like orders', async () => {
      let r = await searchArchive(core, A.supervisor, {});
      expect(r.items.map((i) => i.orderNo)).toEqual([unitOrder.orderNo, rejected.orderNo]);
      expect(r).toMatchObject({ total: 2, totalCapped: false, page: 1, pageSize: 20 });
      expect(r.items[0]).toMatchObject({
        archiveSeq: 2,
        appealType: 'complaint',
        leadUnitName: expect.any(String),
      });
      r = await searchArchive(core, A.supervisor, { q: '不予受理' });
      expect(r.items.map((i) => i.orderId)).toEqual([rejected.id]);
      r = await searchArchive(core, A.supervisor, { q: rejected.orderNo.slice(-4) + '%' });
      expect(r.total).toBe(0);
      r = await searchArchive(core, A.supervisor, { appealType: 'consultation' });
      expect(r.items.map((i) => i.orderId)).toEqual([rejected.id]);
      r = await searchArchive(core, A.supervisor, { unitId: 'east-heping' });
      expect(r.items.map((i) => i.orderId)).toEqual([unitOrder.id]);
      r = await searchArchive(core, A.supervisor, { from: '2026-09-11', to: '2026-09-11' });
      expect(r.items.map((i) => i.orderId)).toEqual([unitOrder.id]);
      // Units: orders their subtree is or was on (东城区 is above 和平街道).
      expect((await searchArchive(core, A.heping, {})).items.map((i) => i.orderId)).toEqual([unitOrder.id]);
      expect((await searchArchive(core, A.eastadmin, {})).items.map((i) => i.orderId)).toEqual([
        unitOrder.id,
      ]);
      expect((await searchArchive(core, A.market, {})).total).toBe(0);
      const capped = await searchArchive(core, A.supervisor, {}, { countCap: 1 });
      expect(capped).toMatchObject({ total: 1, totalCapped: true });
    });

    it('已到保管期限: records whose retention ended before now', async () => {
      expect((await searchArchive(core, A.supervisor, { expired: true })).total).toBe(0);
      clock.set('2030-01-01T00:00:00.000Z');
      try {
        const r = await searchArchive(core, A.supervisor, { expired: true });
        expect(r.items.map((i) => i.orderId)).toEqual([rejected.id]);
      } finally {
        clock.set('2026-09-12T02:00:00.000Z');
      }
    });

    it('refuses bad filters with the field named', async () => {
      for (const [query, field] of [
        [{ from: '2026-9-1' }, 'from'],
        [{ from: '2026-09-02', to: '2026-09-01' }, 'to'],
        [{ appealType: 'nope' }, 'appealType'],
        [{ pageSize: 101 }, 'pageSize'],
        [{ page: 0 }, 'page'],
      ] as const) {
        const e = await expectAppError(searchArchive(core, A.supervisor, query), 'VALIDATION_FAILED');
        expect(e.issues?.map((i) => i.field)).toEqual([field]);
      }
    });

    it('a record reads masked as the order detail would, with its verification, and is audited', async () => {
      const full = await getArchiveRecord(core, A.supervisor, unitOrder.id);
      expect(full).toMatchObject({ orderNo: unitOrder.orderNo, archiveSeq: 2, masked: false });
      expect(full.verification).toMatchObject({ ok: true, archived: true, eventsChecked: 4 });
      expect((full.record as { order: { callerPhone: string } }).order.callerPhone).toBe('13912345678');
      const dispatcher = await getArchiveRecord(core, A.dispatcher, unitOrder.id);
      expect(dispatcher.masked).toBe(true);
      expect((dispatcher.record as { order: { callerPhone: string } }).order.callerPhone).toBe('139****5678');
      expect(dispatcher.recordHash).toBe(full.recordHash);
      await expectAppError(getArchiveRecord(core, A.market, unitOrder.id), 'NOT_FOUND');
      await expectAppError(getArchiveRecord(core, A.supervisor, open.id), 'NOT_FOUND');
      const audit = await core.database.db
        .selectFrom('audit_log')
        .select(['actor_id', 'detail'])
        .where('action', '=', 'read_archive')
        .where('target_id', '=', unitOrder.id)
        .execute();
      expect(audit.map((a) => a.actor_id).sort()).toEqual(['demo-dispatcher', 'demo-supervisor']);
    });
  });
});

describeEachDatabase('event chain migration backfill', (db) => {
  it('hashes events written before the chain existed, order by order', async () => {
    const { openDatabase, migrateToLatest } = await import('../storage/database.js');
    const { Migrator } = await import('kysely');
    const database = openDatabase(await db.newUrl());
    try {
      const before = Object.fromEntries(
        Object.entries(MIGRATIONS).filter(([name]) => name < '2026-11-29T10'),
      );
      const { error } = await new Migrator({
        db: database.db,
        provider: { getMigrations: async () => before },
      }).migrateToLatest();
      expect(error).toBeUndefined();
      // biome-ignore lint/suspicious/noExplicitAny: the schema before the chain columns
      const d = database.db as any;
      const at = '2026-01-05T01:00:00.000Z';
      await d
        .insertInto('units')
        .values({
          id: 'centre',
          parent_id: null,
          name: '中心',
          kind: 'centre',
          path: '/centre/',
          created_at: at,
        })
        .execute();
      await d
        .insertInto('users')
        .values({
          id: 'u1',
          username: 'u1',
          display_name: '甲',
          password_hash: 'x',
          role: 'agent',
          unit_id: 'centre',
          created_at: at,
          updated_at: at,
        })
        .execute();
      const orders = ['o-a', 'o-b', 'o-c'];
      for (const [i, id] of orders.entries()) {
        await d
          .insertInto('work_orders')
          .values({
            id,
            order_no: `2026010500${i}`,
            status: 'intake',
            version: 3,
            channel: 'phone',
            caller_type: 'person',
            anonymous: 0,
            confidential: 0,
            wants_callback: 1,
            appeal_type: 'help',
            title: 't',
            content: 'c',
            urgency: 'normal',
            created_by: 'u1',
            created_at: at,
            updated_at: at,
          })
          .execute();
        for (const seq of [1, 2, 3]) {
          await d
            .insertInto('work_order_events')
            .values({
              order_id: id,
              seq,
              event: seq === 1 ? 'create' : 'e',
              from_status: null,
              to_status: 'intake',
              actor_id: 'u1',
              actor_role: 'agent',
              at,
              comment: seq === 2 ? '备注' : null,
              payload: `{"n":${seq}}`,
            })
            .execute();
        }
      }
      // 1,100 more events of one order: more than one backfill page.
      for (let seq = 4; seq <= 1103; seq++) {
        await d
          .insertInto('work_order_events')
          .values({
            order_id: 'o-b',
            seq,
            event: 'e',
            from_status: null,
            to_status: 'intake',
            actor_id: 'u1',
            actor_role: 'agent',
            at,
            comment: null,
            payload: '{}',
          })
          .execute();
      }
      await d.updateTable('work_orders').set({ version: 1103 }).where('id', '=', 'o-b').execute();
      await migrateToLatest(database);
      const rows = await database.db
        .selectFrom('work_order_events')
        .selectAll()
        .orderBy('order_id')
        .orderBy('seq')
        .execute();
      expect(rows).toHaveLength(1109);
      let prev = { order: '', hash: '' };
      for (const r of rows) {
        const link = r.order_id === prev.order ? prev.hash : '';
        expect(r.prev_hash).toBe(link);
        expect(r.hash).toBe(eventHash(link, { ...r, seq: Number(r.seq) }));
        prev = { order: r.order_id, hash: r.hash as string };
      }
      const report = await verifyAuditChain({ database } as TestCore);
      expect(report).toMatchObject({ ok: true, ordersChecked: 3, eventsChecked: 1109, archivesChecked: 0 });
    } finally {
      await database.close();
    }
  });
});

describeEachDatabase('concurrent archiving', (db) => {
  it('two archiving transactions at once take consecutive archive numbers, chained', async () => {
    const core = await db.newCore();
    await seedPeople(core);
    const orders = await Promise.all([newOrder(core), newOrder(core), newOrder(core)]);
    const { findOrder } = await import('../storage/work-order.repository.js');
    const { sealArchive } = await import('./seal-archive.js');
    // sealArchive does not look at the status: sealing three fresh orders at once exercises the lock.
    const sealed = await Promise.all(
      orders.map((o) =>
        core.database.db.transaction().execute(async (tx) => {
          const order = await findOrder(tx, o.id);
          return sealArchive(core, tx, { order: order!, actor: A.admin, at: core.now().toISOString() });
        }),
      ),
    );
    expect(sealed.map((s) => s.archiveSeq).sort()).toEqual([1, 2, 3]);
    expect(await verifyAuditChain(core)).toMatchObject({ ok: true, archivesChecked: 3 });
  });
});
