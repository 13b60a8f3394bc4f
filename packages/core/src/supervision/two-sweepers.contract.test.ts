/**
 * Two sweepers in two OS processes on one PostgreSQL, at the same instant, several rounds each: every
 * ladder step, notice and automatic 督办 is written exactly once, and both processes share the work
 * (FOR UPDATE SKIP LOCKED + compare-and-set + unique marks; see sweep-clocks.ts).
 * The children run the built core: `npx tsc -b` first.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LADDER_STEPS } from '@huawu/domain';
import { describe, expect, it } from 'vitest';
import { createCore, prepareDatabase } from '../create-core.js';
import { A, manualClock, newOrder, seedPeople } from '../test-support/contract-helpers.js';
import { describeEachDatabase } from '../test-support/databases.js';
import { startSweeperChild, sweeperChildScript } from '../test-support/sweeper-child.js';
import { transitionWorkOrder } from '../use-cases/transition-work-order.js';

const DIST_INDEX = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const DISPATCH_AT = '2026-09-30T02:00:00.000Z';
/** Long after every sign and handling clock of these orders reached escalation (10-16 at the latest). */
const SWEEP_AT = '2026-11-02T02:00:00.000Z';
const ORDERS = 300;
const LEADS = ['east-heping', 'east-xinhua', 'city-housing', 'city-market'];

if (!process.env.HUAWU_TEST_PG_URL) {
  describe('two sweepers in two processes on one PostgreSQL', () => {
    it.skip('needs PostgreSQL: set HUAWU_TEST_PG_URL=postgres://postgres@127.0.0.1:5432/postgres', () => {});
  });
}

describeEachDatabase('two sweepers in two processes', (db) => {
  it('apply every step, notice and 督办 exactly once and share the work', {
    timeout: 300_000,
  }, async (ctx) => {
    if (db.name !== 'postgres')
      ctx.skip('several sweeper processes are checked on PostgreSQL (SQLite has one writer)');
    if (!existsSync(DIST_INDEX)) ctx.skip('packages/core/dist is missing: run `npx tsc -b`');
    const url = await db.newUrl();
    const clock = manualClock(DISPATCH_AT);
    const setup = createCore({ databaseUrl: url, now: clock.now });
    const dir = mkdtempSync(join(tmpdir(), 'huawu-sweepers-'));
    const children: ReturnType<typeof startSweeperChild>[] = [];
    try {
      await prepareDatabase(setup);
      await seedPeople(setup);
      // 300 dispatched, unsigned orders: a sign and a handling clock each (600 clocks), all long overdue.
      for (let i = 0; i < ORDERS; i += 20) {
        await Promise.all(
          Array.from({ length: 20 }, async (_, j) => {
            const o = await newOrder(setup, { appealType: 'consultation', title: `并发督办-${i + j}` });
            const s = await transitionWorkOrder(setup, A.agent, o.id, {
              event: 'submit_for_dispatch',
              input: {},
              version: o.version,
            });
            const leadUnitId = LEADS[(i + j) % LEADS.length];
            await transitionWorkOrder(setup, A.dispatcher, o.id, {
              event: 'dispatch',
              input: { leadUnitId },
              version: s.version,
            });
          }),
        );
      }
      const clocksBefore = await setup.database.db
        .selectFrom('order_clocks')
        .select(['id', 'kind'])
        .execute();
      expect(clocksBefore).toHaveLength(2 * ORDERS);

      const script = join(dir, 'sweep.mjs');
      writeFileSync(script, sweeperChildScript(pathToFileURL(DIST_INDEX).href));
      for (let i = 0; i < 2; i++) children.push(startSweeperChild(script, [url, SWEEP_AT, '3', '10']));
      await Promise.all(children.map((c) => c.ready));
      for (const c of children) c.go();
      const totals = await Promise.all(children.map((c) => c.done));

      // Both did some of the work, and together exactly all of it.
      for (const t of totals) expect(t.steps, JSON.stringify(totals)).toBeGreaterThan(0);
      expect(totals[0]!.steps + totals[1]!.steps).toBe(4 * 2 * ORDERS);
      expect(totals[0]!.supervisions + totals[1]!.supervisions).toBe(ORDERS);

      const db_ = setup.database.db;
      const marks = await db_.selectFrom('clock_marks').select(['clock_id', 'generation', 'step']).execute();
      const markKeys = marks.map((m) => `${m.clock_id}:${m.generation}:${m.step}`);
      expect(new Set(markKeys).size).toBe(markKeys.length);
      const expectedKeys = clocksBefore.flatMap((c) => LADDER_STEPS.map((s) => `${c.id}:1:${s}`)).sort();
      expect([...markKeys].sort()).toEqual(expectedKeys);

      const notices = await db_
        .selectFrom('notifications')
        .select(['dedupe_key', 'kind'])
        .where('kind', 'like', 'clock_%')
        .execute();
      expect(notices.length).toBe(totals[0]!.notices + totals[1]!.notices);
      expect(new Set(notices.map((n) => n.dedupe_key)).size).toBe(notices.length);
      // Every mark has its in-app notices (at least the unit's).
      const noticed = new Set(
        notices.map((n) => /:c:([^:]+):(\d+):(\w+):/.exec(n.dedupe_key)?.slice(1).join(':')),
      );
      for (const k of markKeys) expect(noticed.has(k), k).toBe(true);

      const clocks = await db_
        .selectFrom('order_clocks')
        .select(['kind', 'stage', 'next_at', 'open'])
        .execute();
      for (const c of clocks.filter((x) => x.kind !== 'supervision'))
        expect(c).toMatchObject({ stage: 4, next_at: null, open: 1 });

      const sups = await db_.selectFrom('supervisions').select(['order_id', 'kind', 'status']).execute();
      expect(sups).toHaveLength(ORDERS);
      expect(new Set(sups.map((s) => s.order_id)).size).toBe(ORDERS);
      expect(sups.every((s) => s.kind === 'auto' && s.status === 'open')).toBe(true);
      // One 督办 clock each, not yet due at SWEEP_AT + 2 WD.
      expect(clocks.filter((c) => c.kind === 'supervision')).toHaveLength(ORDERS);
      console.info(`[two sweepers] steps per process: ${totals.map((t) => t.steps).join(' + ')}`);
    } finally {
      for (const c of children) c.stop();
      await setup.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
