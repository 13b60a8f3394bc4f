#!/usr/bin/env node
// Diagnostic: where the CPU of one "create work order" goes, without HTTP and without the load
// generator competing for the cores. Runs in one process on a temp SQLite file and reports CPU
// microseconds per operation (process.cpuUsage, robust against a noisy shared machine).
//
//   node bench/support/core-breakdown.mjs [ITERATIONS]
//
// Variants:
//   core.createWorkOrder      the use case as the server runs it (transaction + getWorkOrder)
//   core.getWorkOrder         the read-back alone (detail with units, timeline, allowed events)
//   create tx only            the use case's transaction alone (nextOrderNumber, insertOrder, insertEvent)
//   … with statement cache    the same through Kysely on a better-sqlite3 handle whose prepare() is cached
//   raw better-sqlite3 tx     the same three writes with cached prepared statements, no Kysely (the floor)
//   JSON.stringify(detail)    serialising the response body
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import {
  createCore,
  createWorkOrder,
  getWorkOrder,
  prepareDatabase,
  seedDemo,
} from '../../packages/core/dist/index.js';
import {
  insertEvent,
  insertOrder,
  nextOrderNumber,
} from '../../packages/core/dist/storage/work-order.repository.js';
import { createCalendarService } from '../../packages/core/dist/calendar-service.js';
import { parseIntake, toLocalDate } from '../../packages/domain/dist/index.js';

const ITER = Number(process.argv[2] ?? 3000);
const dir = mkdtempSync(join(os.tmpdir(), 'huawu-breakdown-'));
const body = {
  channel: 'phone',
  callerName: '张先生',
  callerPhone: '13912345678',
  appealType: 'complaint',
  title: '小区夜间施工噪音扰民',
  content: '反映和平路附近工地连续多日夜间22点后仍在施工，噪音很大，影响休息，希望有关部门处理。',
  address: '东城区和平路18号',
  urgency: 'normal',
  wantsCallback: true,
};

const ROUNDS = 3;
const variants = [];
/** Registers a variant; all variants then run ROUNDS times interleaved and report medians. */
function measure(name, iterations, fn) {
  variants.push({ name, iterations, fn, cpu: [], wall: [] });
}
async function runVariants() {
  for (const v of variants) for (let i = 0; i < Math.min(300, v.iterations); i++) await v.fn(i); // warm-up (JIT)
  for (let r = 0; r < ROUNDS; r++) {
    for (const v of variants) {
      const { cpu, wall } = await timeOnce(v.iterations, v.fn);
      v.cpu.push(cpu);
      v.wall.push(wall);
    }
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const out = {};
  for (const v of variants) {
    out[v.name] = med(v.cpu);
    console.log(
      `  ${v.name.padEnd(44)} ${med(v.cpu).toFixed(1).padStart(8)} µs cpu/op ${med(v.wall).toFixed(1).padStart(8)} µs wall/op`,
    );
  }
  return out;
}
async function timeOnce(iterations, fn) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  for (let i = 0; i < iterations; i++) await fn(i);
  const used = process.cpuUsage(cpu);
  const wall = performance.now() - t;
  return { cpu: (used.user + used.system) / iterations, wall: (wall * 1000) / iterations };
}

/** A better-sqlite3 handle whose prepare() returns cached statements (what Kysely's driver lacks). */
function withStatementCache(sqlite, max = 500) {
  const cache = new Map();
  return new Proxy(sqlite, {
    get(target, prop) {
      if (prop === 'prepare') {
        return (sql) => {
          let stmt = cache.get(sql);
          if (!stmt) {
            if (cache.size >= max) cache.clear();
            stmt = target.prepare(sql);
            cache.set(sql, stmt);
          }
          return stmt;
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function openSqlite(file) {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

try {
  const file = join(dir, 'huawu.db');
  const core = createCore({ databaseUrl: file });
  await prepareDatabase(core);
  await seedDemo(core);
  const agent = await core.database.db
    .selectFrom('users')
    .select(['id', 'unit_id'])
    .where('username', '=', 'agent')
    .executeTakeFirstOrThrow();
  const actor = { userId: agent.id, role: 'agent', unitId: agent.unit_id };
  console.log(
    `CPU per operation, ${ITER} iterations × ${ROUNDS} interleaved rounds, medians (node ${process.version}):`,
  );

  measure('core.createWorkOrder (tx + read-back)', ITER, () => createWorkOrder(core, actor, body));
  const sample = await createWorkOrder(core, actor, body);
  measure('core.getWorkOrder (read-back alone)', ITER, () =>
    getWorkOrder(core, actor, sample.id, { audit: false }),
  );

  const txOnly = async (deps) => {
    const parsed = parseIntake(body);
    const input = parsed.value;
    const now = new Date();
    const at = now.toISOString();
    const id = randomUUID();
    await deps.database.db.transaction().execute(async (tx) => {
      const orderNo = await nextOrderNumber(tx, toLocalDate(now, deps.config.timeZone));
      await insertOrder(tx, {
        id,
        orderNo,
        status: 'intake',
        version: 1,
        ...input,
        leadUnitId: null,
        redoCount: 0,
        extensionCount: 0,
        pendingExtensionDays: null,
        mergedIntoId: null,
        signDeadlineAt: null,
        deadlineAt: null,
        signedAt: null,
        repliedAt: null,
        closedAt: null,
        archivedAt: null,
        satisfaction: null,
        createdBy: actor.userId,
        createdAt: at,
        updatedAt: at,
      });
      await insertEvent(tx, {
        orderId: id,
        seq: 1,
        event: 'create',
        fromStatus: null,
        toStatus: 'intake',
        actorId: actor.userId,
        actorRole: actor.role,
        at,
        comment: null,
        payload: { channel: input.channel, appealType: input.appealType, urgency: input.urgency },
      });
    });
    return id;
  };
  measure('create tx only (Kysely as shipped)', ITER, () => txOnly(core));

  // Same database, Kysely over a statement-caching handle.
  const cachedSqlite = openSqlite(file);
  const cachedDb = new Kysely({ dialect: new SqliteDialect({ database: withStatementCache(cachedSqlite) }) });
  const cachedDeps = {
    ...core,
    database: { db: cachedDb, dialect: 'sqlite', close: () => cachedDb.destroy() },
  };
  cachedDeps.calendar = createCalendarService(cachedDeps.database, core.config.timeZone);
  measure('create tx only (Kysely + statement cache)', ITER, () => txOnly(cachedDeps));
  measure('core.createWorkOrder (+ statement cache)', ITER, () => createWorkOrder(cachedDeps, actor, body));
  measure('core.getWorkOrder (+ statement cache)', ITER, () =>
    getWorkOrder(cachedDeps, actor, sample.id, { audit: false }),
  );

  // The floor: the same three writes on raw better-sqlite3 with cached statements.
  const raw = openSqlite(file);
  const counter = raw.prepare(`insert into order_counters (day, last) values (?, 1)
    on conflict (day) do update set last = order_counters.last + 1 returning last`);
  const cols = [
    'id',
    'order_no',
    'status',
    'version',
    'channel',
    'caller_name',
    'caller_phone',
    'caller_type',
    'anonymous',
    'confidential',
    'wants_callback',
    'appeal_type',
    'category',
    'title',
    'content',
    'address',
    'division_code',
    'urgency',
    'call_id',
    'lead_unit_id',
    'redo_count',
    'extension_count',
    'pending_extension_days',
    'merged_into_id',
    'sign_deadline_at',
    'deadline_at',
    'signed_at',
    'replied_at',
    'closed_at',
    'archived_at',
    'satisfaction',
    'created_by',
    'created_at',
    'updated_at',
  ];
  const insOrder = raw.prepare(
    `insert into work_orders (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`,
  );
  const insEvent = raw.prepare(
    `insert into work_order_events (order_id, seq, event, from_status, to_status, actor_id, actor_role, at, comment, payload) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const rawTx = raw.transaction((id, day, at) => {
    const { last } = counter.get(day);
    const orderNo = `${day.replaceAll('-', '')}${String(last).padStart(4, '0')}-${id.slice(0, 4)}`;
    insOrder.run(
      id,
      orderNo,
      'intake',
      1,
      'phone',
      '张先生',
      '13912345678',
      'person',
      0,
      0,
      1,
      'complaint',
      null,
      body.title,
      body.content,
      body.address,
      null,
      'normal',
      null,
      null,
      0,
      0,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      actor.userId,
      at,
      at,
    );
    insEvent.run(
      id,
      1,
      'create',
      null,
      'intake',
      actor.userId,
      'agent',
      at,
      null,
      JSON.stringify({ channel: 'phone' }),
    );
  });
  measure('raw better-sqlite3 tx (cached statements)', ITER, () => {
    const now = new Date();
    rawTx(randomUUID(), toLocalDate(now, 'Asia/Shanghai'), now.toISOString());
  });
  const begin = raw.prepare('begin');
  const commit = raw.prepare('commit');
  measure('raw begin + commit (nothing written)', ITER, () => {
    begin.run();
    commit.run();
  });
  measure('raw prepare() of the insert (uncached)', ITER, () => {
    raw.prepare(`insert into work_orders (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`);
  });

  measure('JSON.stringify(detail)', ITER, () => JSON.stringify(sample));
  const m = await runVariants();
  await core.close();
  await cachedDb.destroy();
  raw.close();
  const full = m['core.createWorkOrder (tx + read-back)'];
  const fullCached = m['core.createWorkOrder (+ statement cache)'];
  console.log(
    `\n  response body: ${Buffer.byteLength(JSON.stringify(sample))} bytes, ${sample.allowedEvents.length} allowed events`,
  );
  console.log(
    `  read-back share of create: ${((100 * m['core.getWorkOrder (read-back alone)']) / full).toFixed(0)} %; ` +
      `Kysely tx / raw tx: ${(m['create tx only (Kysely as shipped)'] / m['raw better-sqlite3 tx (cached statements)']).toFixed(1)}×; ` +
      `statement cache saves ${(full - fullCached).toFixed(0)} µs/create (${((100 * (full - fullCached)) / full).toFixed(0)} %)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
