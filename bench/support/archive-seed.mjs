// Seeds the archive at scale for bench/closure-archive.bench.mjs: N archived orders, each with its
// timeline (9 or 10 hash-chained events), its unit task and a sealed `order_archives` row, written
// straight into the tables (support/bulk-writer.mjs) after the real migrations and the demo city.
//
// Every order is a copy of one real archived demo order (the one with the longest timeline that went
// through dispatch and callback): the same events, payloads and record layout, shifted in time, with its
// own id, order number, caller number, appeal type, title and lead unit. Every other order gets one
// `callback_attempt` (回访未接通) before its callback, so timelines hold 9 or 10 events. Hashes are the
// real ones: `eventHash` over the stored columns (payload: the stored JSON text), the record hashed and
// linked to the previously sealed one exactly as core sealArchive does, continuing the demo's chain,
// so `verifyAuditChain` finds no break. The append-only triggers refuse only UPDATE and DELETE.
//
// Creation dates spread evenly over 6 years ending 60 days before `now` (before the demo's own
// orders, so order numbers never collide; the 4-digit daily sequence starts at 5001). Retention follows
// the closure policy per appeal type, so consultations and praise archived over 3 years ago and help and
// suggestions over 5 years ago are past their 保管期限 (≈ 17 % of the records).
import { randomUUID } from 'node:crypto';
import { toLocalDate } from '@huawu/domain';
import * as coreApi from '../../packages/core/dist/index.js';
import { openBulkWriter } from './bulk-writer.mjs';

const { archiveChainHash, eventHash, readClosurePolicy, retentionUntil, sha256Hex } = coreApi;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SPAN_DAYS = 6 * 365;
const END_BEFORE_NOW_DAYS = 60;
const CHUNK = 2_000; // orders per transaction (≈ 14 MB of sealed records)

/** The unit of the unit-scope measurements ('handler' works there): lead of 10 % of the orders. */
export const BUSY_UNIT = 'city-housing';
const OTHER_UNITS = [
  'city-market',
  'city-hrss',
  'city-eco',
  'city-transport',
  'city-edu',
  'east',
  'east-heping',
  'east-xinhua',
  'west',
  'west-changan',
  'west-binhe',
];

/** The keyword of the keyword search: in the title of ~25 % of the orders. */
export const KEYWORD = '噪音';
// Appeal types and titles, with their share of the orders.
const CASES = [
  { appealType: 'complaint', title: '小区夜间施工噪音扰民', share: 0.25 },
  { appealType: 'complaint', title: '商户占道经营影响通行', share: 0.15 },
  { appealType: 'consultation', title: '公积金提取咨询', share: 0.12 },
  { appealType: 'consultation', title: '社保关系转移咨询', share: 0.08 },
  { appealType: 'help', title: '路灯不亮', share: 0.12 },
  { appealType: 'help', title: '道路积水', share: 0.08 },
  { appealType: 'suggestion', title: '建议增设公交站点', share: 0.1 },
  { appealType: 'report', title: '举报餐馆油烟直排', share: 0.05 },
  { appealType: 'praise', title: '表扬社区网格员', share: 0.05 },
];

// Integer hash → [0, 1): cheap, deterministic, good enough for a data mix (as support/dispatch-seed.mjs).
function hash(a, b) {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
const rand = (a, b) => hash(a, b) / 4294967296;

function caseOf(i) {
  let r = rand(i, 1);
  for (const c of CASES) {
    if (r < c.share) return c;
    r -= c.share;
  }
  return CASES[0];
}

// Same rules as core sealArchive: which events are replies and which belong to the callback stage.
const isReplyEvent = (event) => /(^|_)reply(_|$)/.test(event) && event !== 'reply_supervision';
const isCallbackEvent = (event) => /callback|redo|appeal/.test(event);

const shiftIso = (value, delta) => new Date(Date.parse(value) + delta).toISOString();
/** A copy of `row` with every non-null instant column (`*_at` / `*At`) moved by `delta` ms. */
function shifted(row, delta, suffix) {
  const out = { ...row };
  for (const [k, v] of Object.entries(row))
    if (k.endsWith(suffix) && typeof v === 'string' && v !== '') out[k] = shiftIso(v, delta);
  return out;
}

/** The real archived demo order the bulk orders copy: longest timeline through dispatch and callback. */
async function readTemplate(db) {
  const archives = await db.selectFrom('order_archives').selectAll().orderBy('archive_seq').execute();
  let best;
  for (const a of archives) {
    const events = await db
      .selectFrom('work_order_events')
      .selectAll()
      .where('order_id', '=', a.order_id)
      .orderBy('seq')
      .execute();
    const names = events.map((e) => e.event);
    if (!names.includes('dispatch') || !names.includes('callback')) continue;
    if (!best || events.length > best.events.length) best = { archive: a, events };
  }
  if (!best) throw new Error('archive-seed: the demo city has no archived order with dispatch and callback');
  const orderId = best.archive.order_id;
  const order = await db
    .selectFrom('work_orders')
    .selectAll()
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
  const units = await db.selectFrom('work_order_units').selectAll().where('order_id', '=', orderId).execute();
  const last = archives.at(-1);
  return {
    orderId,
    order,
    units,
    events: best.events.map((e) => ({ ...e, seq: Number(e.seq), payloadObject: JSON.parse(e.payload) })),
    archive: best.archive,
    record: JSON.parse(best.archive.record),
    lastSeq: Number(last.archive_seq),
    lastRecordHash: last.record_hash,
  };
}

/**
 * N archived orders (see the head of this file). Returns row counts, the seconds it took and the demo
 * order the copies were made from (an order with a full timeline, for the document export).
 */
export async function seedArchives(core, url, { n, now, log = () => {} }) {
  const started = performance.now();
  const { db } = core.database;
  const tz = core.config.timeZone;
  const t = await readTemplate(db);
  const policy = await readClosurePolicy(db);
  const unitNames = new Map(
    (await db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.id, u.name]),
  );
  const templateCreated = Date.parse(t.order.created_at);
  const templateLead = t.order.lead_unit_id;
  const callbackAt = t.events.findIndex((e) => e.event === 'callback');
  const attemptActor = t.record.events[callbackAt];
  const actorNames = new Map(t.record.events.map((e) => [e.actorId, e.actorName]));

  const end = now.getTime() - END_BEFORE_NOW_DAYS * DAY;
  const start = end - SPAN_DAYS * DAY;
  const orderColumns = Object.keys(t.order);
  const unitColumns = Object.keys(t.units[0]);
  const eventColumns = [
    'order_id',
    'seq',
    'event',
    'from_status',
    'to_status',
    'actor_id',
    'actor_role',
    'at',
    'comment',
    'payload',
    'prev_hash',
    'hash',
  ];
  const archiveColumns = Object.keys(t.archive);

  let day = '';
  let daySeq = 5000;
  let archiveSeq = t.lastSeq;
  let prevRecordHash = t.lastRecordHash;

  /** Everything of order `i`, as rows per table. Stateful (order numbers, archive chain): in i order. */
  function rowsOf(i) {
    const created = start + Math.floor((i * (end - start)) / n);
    const delta = created - templateCreated;
    const date = toLocalDate(new Date(created), tz);
    if (date !== day) [day, daySeq] = [date, 5000];
    daySeq++;
    const c = caseOf(i);
    const lead = rand(i, 2) < 0.1 ? BUSY_UNIT : OTHER_UNITS[hash(i, 3) % OTHER_UNITS.length];
    const id = randomUUID();
    const orderNo = `${date.replaceAll('-', '')}${daySeq}`;
    const phone = `139${String(hash(i, 4) % 100_000_000).padStart(8, '0')}`;
    const content = `来电人反映第${i}号事项：${c.title}，请尽快处理。`;
    const address = `东城区和平路${i % 300}号`;

    // The timeline: the template's events moved in time, with this order's appeal type and lead unit.
    const plan = t.events.map((e) => {
      const p = { ...e.payloadObject };
      if ('appealType' in p) p.appealType = c.appealType;
      if ('leadUnitId' in p) p.leadUnitId = lead;
      return { ...e, at: shiftIso(e.at, delta), payloadObject: p };
    });
    let attemptAt = null;
    if (i % 2 === 1) {
      const before = plan[callbackAt - 1];
      const callback = plan[callbackAt];
      attemptAt = new Date((Date.parse(before.at) + Date.parse(callback.at)) / 2).toISOString();
      plan.splice(callbackAt, 0, {
        event: 'callback_attempt',
        from_status: callback.from_status,
        to_status: callback.from_status,
        actor_id: attemptActor.actorId,
        actor_role: attemptActor.actorRole,
        at: attemptAt,
        comment: null,
        payloadObject: { outcome: 'no_answer' },
      });
    }
    const events = [];
    let prev = '';
    for (const [k, e] of plan.entries()) {
      const row = {
        order_id: id,
        seq: k + 1,
        event: e.event,
        from_status: e.from_status,
        to_status: e.to_status,
        actor_id: e.actor_id,
        actor_role: e.actor_role,
        at: e.at,
        comment: e.comment,
        payload: JSON.stringify(e.payloadObject),
      };
      row.prev_hash = prev;
      row.hash = eventHash(prev, row);
      prev = row.hash;
      events.push({ row, payloadObject: e.payloadObject });
    }
    const head = events.at(-1).row;

    const order = {
      ...shifted(t.order, delta, '_at'),
      id,
      order_no: orderNo,
      version: events.length,
      caller_phone: phone,
      appeal_type: c.appealType,
      title: c.title,
      content,
      address,
      lead_unit_id: lead,
      callback_attempts: attemptAt ? 1 : 0,
      last_callback_attempt_at: attemptAt,
    };
    const units = t.units.map((u) => ({
      ...shifted(u, delta, '_at'),
      order_id: id,
      unit_id: u.unit_id === templateLead ? lead : u.unit_id,
    }));

    // The sealed record, laid out as sealArchive lays it out.
    const timeline = events.map(({ row, payloadObject }) => ({
      seq: row.seq,
      event: row.event,
      fromStatus: row.from_status,
      toStatus: row.to_status,
      actorId: row.actor_id,
      actorName: actorNames.get(row.actor_id) ?? null,
      actorRole: row.actor_role,
      at: row.at,
      comment: row.comment,
      payload: payloadObject,
      prevHash: row.prev_hash,
      hash: row.hash,
    }));
    const record = JSON.stringify({
      ...t.record,
      sealedAt: shiftIso(t.record.sealedAt, delta),
      order: {
        ...shifted(t.record.order, delta, 'At'),
        id,
        orderNo,
        version: events.length,
        callerPhone: phone,
        appealType: c.appealType,
        title: c.title,
        content,
        address,
        leadUnitId: lead,
        callbackAttempts: attemptAt ? 1 : 0,
        lastCallbackAttemptAt: attemptAt,
      },
      units: t.record.units.map((u) => ({
        ...shifted(u, delta, 'At'),
        ...(u.unitId === templateLead ? { unitId: lead, unitName: unitNames.get(lead) ?? lead } : {}),
      })),
      events: timeline,
      replies: timeline.filter((e) => isReplyEvent(e.event)),
      callbacks: timeline.filter((e) => isCallbackEvent(e.event)),
    });
    const recordHash = sha256Hex(record);
    const archivedAt = shiftIso(t.archive.archived_at, delta);
    archiveSeq++;
    const archive = {
      ...t.archive,
      order_id: id,
      archive_seq: archiveSeq,
      archived_at: archivedAt,
      appeal_type: c.appealType,
      retention_until: retentionUntil(archivedAt, policy.retentionYears[c.appealType] ?? 10),
      head_event_seq: head.seq,
      head_event_hash: head.hash,
      record,
      record_hash: recordHash,
      prev_archive_hash: prevRecordHash,
      chain_hash: archiveChainHash(prevRecordHash, recordHash),
    };
    prevRecordHash = recordHash;
    return { order, units, events: events.map((e) => e.row), archive };
  }

  const values = (row, columns) => columns.map((c) => row[c] ?? null);
  const tables = [
    ['orders', 'work_orders', orderColumns, (p) => [values(p.order, orderColumns)]],
    ['unit tasks', 'work_order_units', unitColumns, (p) => p.units.map((u) => values(u, unitColumns))],
    ['events', 'work_order_events', eventColumns, (p) => p.events.map((e) => values(e, eventColumns))],
    ['archives', 'order_archives', archiveColumns, (p) => [values(p.archive, archiveColumns)]],
  ];
  const counts = Object.fromEntries(tables.map(([name]) => [name, 0]));
  let recordBytes = 0;
  const writer = await openBulkWriter(url, { rowsPerStatement: 5_000 });
  try {
    const restoreIndexes = await writer.deferIndexes(tables.map((x) => x[1]));
    const t0 = performance.now();
    for (let from = 0; from < n; from += CHUNK) {
      const plans = [];
      for (let i = from; i < Math.min(n, from + CHUNK); i++) plans.push(rowsOf(i));
      for (const p of plans) recordBytes += Buffer.byteLength(p.archive.record);
      await writer.begin();
      for (const [name, table, columns, rowsOfPlan] of tables) {
        const rows = plans.flatMap(rowsOfPlan);
        await writer.insert(table, columns, rows);
        counts[name] += rows.length;
      }
      await writer.commit();
      if ((from / CHUNK) % 25 === 24) {
        const done = from + CHUNK;
        log(`  … ${done.toLocaleString('en')} orders in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      }
    }
    log(
      `  seeded ${Object.entries(counts)
        .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
        .join(
          ', ',
        )} (${(recordBytes / 1048576).toFixed(0)} MiB of sealed records) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const t1 = performance.now();
    await restoreIndexes();
    log(`  secondary indexes rebuilt in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    const t2 = performance.now();
    // PostgreSQL: vacuum too, as autovacuum would have by then (visibility map for index-only scans).
    const pgUrl = /^postgres(ql)?:/.test(url);
    await writer.exec(pgUrl ? 'vacuum analyze' : 'analyze');
    log(`  ${pgUrl ? 'vacuum analyze' : 'analyze'} in ${((performance.now() - t2) / 1000).toFixed(1)} s`);
  } finally {
    await writer.close();
  }
  return {
    counts,
    recordMiB: recordBytes / 1048576,
    seconds: (performance.now() - started) / 1000,
    templateOrderId: t.orderId,
    firstDay: toLocalDate(new Date(start), tz),
    lastDay: toLocalDate(new Date(end), tz),
  };
}
