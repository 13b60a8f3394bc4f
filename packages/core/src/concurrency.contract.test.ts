import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { createCore, prepareDatabase } from './create-core.js';
import { isAppError } from './app-error.js';
import {
  A,
  eventCount,
  expectAppError,
  manualClock,
  newOrder,
  seedPeople,
  step,
} from './test-support/contract-helpers.js';
import { type TestCore, describeEachDatabase } from './test-support/databases.js';
import { VALID_INTAKE } from './test-support/fixtures.js';
import { createWorkOrder } from './use-cases/create-work-order.js';
import { getWorkOrder } from './use-cases/get-work-order.js';
import { transitionWorkOrder } from './use-cases/transition-work-order.js';

/** 2026-11-27T17:00Z is already 2026-11-28 01:00 in Shanghai: order numbers use the hotline's date. */
const LATE_UTC = '2026-11-27T17:00:00.000Z';
const DIST_INDEX = fileURLToPath(new URL('../dist/index.js', import.meta.url));

const sequences = (numbers: string[], day: string) => {
  for (const n of numbers) expect(n).toMatch(new RegExp(`^${day}\\d{4}$`));
  return numbers.map((n) => Number(n.slice(8))).sort((a, b) => a - b);
};
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describeEachDatabase('concurrency', (db) => {
  const START = '2026-06-01T02:00:00.000Z';
  const clock = manualClock(START);
  let core: TestCore;
  beforeAll(async () => {
    core = await db.newCore({ now: clock.now });
    await seedPeople(core);
  });
  beforeEach(() => clock.set(START));

  it('a stale version is VERSION_CONFLICT and writes nothing', async () => {
    const stale = await newOrder(core);
    const current = await step(core, stale, A.agent, 'submit_for_dispatch');
    const row = () =>
      core.database.db
        .selectFrom('work_orders')
        .selectAll()
        .where('id', '=', stale.id)
        .executeTakeFirstOrThrow();
    const before = await row();
    // A dispatch that would succeed with the current version.
    const input = { leadUnitId: 'city-housing' };
    for (const version of [stale.version, current.version + 1, 0]) {
      const request = { event: 'dispatch', input, version };
      await expectAppError(transitionWorkOrder(core, A.dispatcher, stale.id, request), 'VERSION_CONFLICT');
    }
    expect(await row()).toEqual(before);
    expect(await eventCount(core, stale.id)).toBe(2);
    const units = await core.database.db
      .selectFrom('work_order_units')
      .selectAll()
      .where('order_id', '=', stale.id)
      .execute();
    expect(units).toEqual([]);
    const reread = await getWorkOrder(core, A.dispatcher, stale.id);
    expect(reread).toMatchObject({ version: 2, status: 'pending_dispatch' });
    const ok = await step(core, reread, A.dispatcher, 'dispatch', input);
    expect(ok).toMatchObject({ version: 3, status: 'dispatched' });
  });

  it('of two concurrent transitions with the same version exactly one succeeds', async () => {
    for (let round = 0; round < 4; round++) {
      const o = await newOrder(core, { wantsCallback: false });
      const results = await Promise.allSettled([
        transitionWorkOrder(core, A.agent, o.id, {
          event: 'answer_directly',
          input: { answer: '答' },
          version: 1,
        }),
        transitionWorkOrder(core, A.supervisor, o.id, { event: 'submit_for_dispatch', version: 1 }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const reason = (lost[0] as PromiseRejectedResult).reason;
      expect(isAppError(reason) && reason.code).toBe('VERSION_CONFLICT');
      const after = await getWorkOrder(core, A.supervisor, o.id);
      const winner = (won[0] as PromiseFulfilledResult<typeof after>).value;
      expect(after).toMatchObject({ version: 2, status: winner.status });
      expect(after.timeline.map((t) => t.seq)).toEqual([1, 2]);
      expect(await eventCount(core, o.id)).toBe(2);
    }
  });

  it('two dispatchers racing leave only the winner’s units on the order', async () => {
    let o = await newOrder(core);
    o = await step(core, o, A.agent, 'submit_for_dispatch');
    const results = await Promise.allSettled(
      ['city-housing', 'city-market', 'east-heping'].map((unit) =>
        transitionWorkOrder(core, A.dispatcher, o.id, {
          event: 'dispatch',
          input: { leadUnitId: unit },
          version: o.version,
        }),
      ),
    );
    const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(won).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'VERSION_CONFLICT' });
    }
    const rows = await core.database.db
      .selectFrom('work_order_units')
      .selectAll()
      .where('order_id', '=', o.id)
      .execute();
    expect(rows.map((r) => [r.unit_id, r.active])).toEqual([[won[0]?.leadUnitId, 1]]);
  });

  it('200 concurrent creates get unique numbers for the hotline’s local date', async () => {
    clock.set(LATE_UTC); // no other test creates orders on this local day
    const created = await Promise.all(
      Array.from({ length: 200 }, () => createWorkOrder(core, A.agent, VALID_INTAKE)),
    );
    const numbers = created.map((o) => o.orderNo);
    expect(new Set(numbers).size).toBe(200);
    expect(sequences(numbers, '20261128')).toEqual(oneTo(200));

    clock.set('2026-11-28T15:59:59.999Z'); // 23:59:59.999 local: still the 28th
    expect((await newOrder(core)).orderNo).toBe('202611280201');
    clock.set('2026-11-28T16:00:00.000Z'); // local midnight: a new day starts at 0001
    expect((await newOrder(core)).orderNo).toBe('202611290001');
  });

  it('order numbers stay unique across several processes sharing one database', {
    timeout: 90_000,
  }, async (ctx) => {
    if (db.name !== 'postgres') ctx.skip('multi-process numbering is checked on PostgreSQL');
    if (!existsSync(DIST_INDEX)) {
      console.warn(`[huawu tests] skipped: ${DIST_INDEX} is missing; run \`npx tsc -b\` first`);
      ctx.skip('packages/core/dist is missing: run `npx tsc -b`');
    }
    const url = await db.newUrl();
    const setup = createCore({ databaseUrl: url, now: () => new Date(LATE_UTC) });
    const dir = mkdtempSync(join(tmpdir(), 'huawu-procs-'));
    const children: ReturnType<typeof startChild>[] = [];
    try {
      await prepareDatabase(setup);
      await seedPeople(setup);
      const script = join(dir, 'create-orders.mjs');
      writeFileSync(script, childScript(pathToFileURL(DIST_INDEX).href));
      // Two child processes on the built core, released together once both are ready.
      for (let i = 0; i < 2; i++) {
        children.push(startChild(script, [url, '50', LATE_UTC, JSON.stringify(VALID_INTAKE)]));
      }
      await Promise.all(children.map((c) => c.ready));
      for (const c of children) c.go();
      const runs = await Promise.all(children.map((c) => c.done));
      expect(runs.map((r) => r.length)).toEqual([50, 50]);
      const numbers = runs.flat();
      expect(new Set(numbers).size).toBe(100);
      expect(sequences(numbers, '20261128')).toEqual(oneTo(100));
      const stored = await setup.database.db.selectFrom('work_orders').select('order_no').execute();
      expect(new Set(stored.map((r) => r.order_no))).toEqual(new Set(numbers));
    } finally {
      for (const c of children) c.stop();
      await setup.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * A script for a child process: opens the built core, says "ready", waits for "go" on stdin, creates
 * `count` orders in batches of 10 and prints their numbers as JSON.
 */
function childScript(coreUrl: string): string {
  return `import { createCore, createWorkOrder } from ${JSON.stringify(coreUrl)};
import { once } from 'node:events';
const [url, count, at, intake] = process.argv.slice(2);
const core = createCore({ databaseUrl: url, now: () => new Date(at), poolSize: 4 });
const actor = { userId: 'demo-agent', role: 'agent', unitId: 'centre' };
const numbers = [];
try {
  await core.database.db.selectFrom('users').select('id').limit(1).execute();
  process.stdout.write('ready\\n');
  await once(process.stdin, 'data');
  for (let done = 0; done < Number(count); done += 10) {
    const size = Math.min(10, Number(count) - done);
    const batch = await Promise.all(Array.from({ length: size }, () => createWorkOrder(core, actor, JSON.parse(intake))));
    numbers.push(...batch.map((o) => o.orderNo));
  }
  process.stdout.write(JSON.stringify(numbers) + '\\n');
} finally {
  await core.close();
  process.stdin.destroy();
}
`;
}

function startChild(script: string, args: string[]) {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let signalReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    signalReady = resolve;
  });
  child.stdout.on('data', (d) => {
    out += d;
    if (out.startsWith('ready\n')) signalReady();
  });
  child.stderr.on('data', (d) => {
    err += d;
  });
  const done = new Promise<string[]>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`child exited ${code}: ${err}`));
      resolve(JSON.parse(out.slice('ready\n'.length)) as string[]);
    });
  });
  // A child that dies before "ready" must not leave the test waiting for it.
  return {
    ready: Promise.race([ready, done.then(() => undefined)]),
    go: () => child.stdin.write('go\n'),
    done,
    stop: () => {
      if (child.exitCode === null) child.kill();
    },
  };
}
