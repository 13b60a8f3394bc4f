// Seeds the dispatch network at scale for bench/dispatch-scale.bench.mjs: N open orders with their unit
// tasks (lead + ~20 % with a co-unit), running clocks (sign / handle / 督办) and some 督办 orders, written
// straight into the tables (support/bulk-writer.mjs) after the real migrations and the demo city.
//
// Deterministic: order i always gets the same ids, units, statuses and instants. The clock ladder uses
// fixed offsets instead of the working-day calendar (planClock per clock is too slow at this size):
// warn = due − 24 h, remind = due + 24 h, escalate = due + 7 days; `stage` and `next_at` are always
// consistent with them (next_at = the instant of step `stage`, like domain stepInstant).
//
// At NOW, ~2 % of the running clocks have a ladder step due (next_at in [NOW − 6 h, NOW)): most the
// yellow card, some red, a few 催办 and 督办/escalation; ~5 % are already yellow and ~3 % already red
// with their next step later; the rest are green. Handling clocks of orders waiting for an extension
// decision are paused (next_at null).
import { openBulkWriter } from './bulk-writer.mjs';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const DUE_WINDOW_MS = 6 * HOUR;

/** The busy and the quiet unit of the inbox measurements (city-housing gets 10 % of the leads). */
export const BUSY_UNIT = 'city-housing';
export const QUIET_UNIT = 'west-s24';
export const QUIET_USER = 'bench-quiet';

const DEMO_UNITS = [
  'city-housing',
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
const STREETS = [];
for (const district of ['east', 'west']) {
  for (let s = 1; s <= 24; s++)
    STREETS.push({ id: `${district}-s${String(s).padStart(2, '0')}`, district, s });
}
/** Units that get leads and co-units at random (all but the busy and the quiet unit). */
const POOL = [...DEMO_UNITS, ...STREETS.map((s) => s.id)].filter((u) => u !== BUSY_UNIT && u !== QUIET_UNIT);

// Integer hash → [0, 1): cheap, deterministic, good enough for a data mix.
function hash(a, b) {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
const rand = (a, b) => hash(a, b) / 4294967296;
const hex8 = (a, b) => hash(a, b).toString(16).padStart(8, '0');
/** A UUID-shaped id, random-looking (index shape of real UUIDs) but reproducible. */
const idOf = (i, k) =>
  `${hex8(i, k)}-${hex8(i, k + 1).slice(0, 4)}-4${hex8(i, k + 2).slice(0, 3)}-8${hex8(i, k + 3).slice(0, 3)}-${hex8(i, k + 4)}${hex8(i, k + 5).slice(0, 4)}`;
const iso = (ms) => new Date(ms).toISOString();

const TITLES = [
  '小区夜间施工噪音扰民',
  '路灯不亮',
  '超市销售过期食品',
  '公积金提取咨询',
  '道路积水',
  '供暖不热',
];

/**
 * A clock's ladder for clock number `c` at `now`: class from a hash (2 % due, 5 % yellow, 3 % red, rest
 * green), instants with fixed offsets, stage and next_at consistent with them.
 */
function ladder(c, now) {
  const r = rand(c, 11);
  const x = rand(c, 12);
  const spread = Math.floor(x * (DUE_WINDOW_MS - 1000)) + 1000; // within the due window
  let due;
  let stage;
  if (r < 0.02) {
    const sub = rand(c, 13);
    if (sub < 0.8)
      [due, stage] = [now - spread + DAY, 0]; // warn passed
    else if (sub < 0.95)
      [due, stage] = [now - spread, 1]; // due passed → red
    else if (sub < 0.995)
      [due, stage] = [now - spread - DAY, 2]; // remind passed → 催办
    else [due, stage] = [now - spread - 7 * DAY, 3]; // escalate passed → 督办 + superior
  } else if (r < 0.07) [due, stage] = [now + HOUR + Math.floor(x * 20 * HOUR), 1];
  else if (r < 0.1) [due, stage] = [now - HOUR - Math.floor(x * 20 * HOUR), 2];
  else [due, stage] = [now + DAY + HOUR + Math.floor(x * 14 * DAY), 0];
  const t = { due, warn: due - DAY, remind: due + DAY, escalate: due + 7 * DAY };
  const next = [t.warn, due + 1, t.remind, t.escalate][stage];
  return { ...t, stage, next };
}

/** Everything order `i` consists of; called once per table so nothing is held in memory. */
export function planOrder(i, n, now) {
  const created = now - 30 * DAY + Math.floor((i / n) * 29 * DAY);
  const r = rand(i, 1);
  const status =
    r < 0.05
      ? 'pending_dispatch'
      : r < 0.35
        ? 'dispatched'
        : r < 0.4
          ? 'return_requested'
          : r < 0.45
            ? 'extension'
            : 'in_progress';
  const lead =
    status === 'pending_dispatch'
      ? null
      : i % 5000 === 1
        ? QUIET_UNIT
        : rand(i, 2) < 0.1
          ? BUSY_UNIT
          : POOL[hash(i, 3) % POOL.length];
  let co = lead && rand(i, 4) < 0.2 ? POOL[hash(i, 5) % POOL.length] : null;
  if (co === lead) co = POOL[(hash(i, 5) + 1) % POOL.length];
  const signed = status === 'in_progress' || status === 'extension';
  const coSigned = co !== null && rand(i, 6) < (signed ? 0.8 : 0.3);
  const extension = status === 'extension';
  const requested = created + 2 * DAY;

  const tasks = [];
  if (lead) tasks.push({ unit: lead, role: 'lead', signed });
  if (co) tasks.push({ unit: co, role: 'co', signed: coSigned });
  // Clocks as domain desiredClocks would want them.
  const clocks = [];
  for (const [k, task] of tasks.entries()) {
    const isLead = task.role === 'lead';
    if (isLead && status === 'return_requested') continue;
    if (!task.signed) clocks.push({ kind: 'sign', unit: task.unit, paused: false, k: 10 + k });
    if (isLead || task.signed) clocks.push({ kind: 'handle', unit: task.unit, paused: extension, k: 20 + k });
  }
  const supervised = signed && lead && rand(i, 7) < 0.015;
  const supervisionId = supervised ? idOf(i, 300) : null;
  if (supervised) clocks.push({ kind: 'supervision', unit: lead, paused: false, k: 30, supervisionId });
  const planned = clocks.map((c) => ({ ...c, id: idOf(i, c.k * 10), t: ladder(i * 64 + c.k, now) }));
  const handle = planned.find((c) => c.kind === 'handle' && c.unit === lead);
  const sign = planned.find((c) => c.kind === 'sign' && c.unit === lead);
  const deadline = handle ? handle.t.due : created + 15 * DAY;
  return {
    id: idOf(i, 100),
    i,
    status: extension ? 'in_progress' : status,
    created: Math.min(created, deadline - 3 * DAY),
    lead,
    tasks,
    clocks: planned,
    signDeadline: sign ? sign.t.due : lead ? created + DAY : null,
    deadline: lead ? deadline : null,
    extension,
    requested,
    supervisionId,
  };
}

const ORDER_COLUMNS = [
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
  'lead_unit_id',
  'redo_count',
  'extension_count',
  'pending_extension_days',
  'sign_deadline_at',
  'deadline_at',
  'signed_at',
  'created_by',
  'created_at',
  'updated_at',
  'return_count',
  'negotiated',
  'return_deadline_at',
  'extension_requested_at',
];
const UNIT_TASK_COLUMNS = [
  'order_id',
  'unit_id',
  'role',
  'assigned_at',
  'active',
  'task_status',
  'signed_at',
  'clock_id',
  'clock_due_at',
  'clock_warn_at',
  'clock_paused',
];
const CLOCK_COLUMNS = [
  'id',
  'order_id',
  'unit_id',
  'kind',
  'supervision_id',
  'started_at',
  'due_at',
  'warn_at',
  'remind_at',
  'escalate_at',
  'stage',
  'generation',
  'next_at',
  'open',
  'paused_at',
];
const SUPERVISION_COLUMNS = [
  'id',
  'order_id',
  'unit_id',
  'kind',
  'requirement',
  'issued_by',
  'issued_at',
  'deadline_at',
  'status',
];

function orderRow(o) {
  const title = TITLES[o.i % TITLES.length];
  const dispatchedAt = o.created + HOUR;
  return [
    o.id,
    `B${String(o.i).padStart(9, '0')}`,
    o.status,
    o.status === 'pending_dispatch' ? 2 : 4,
    o.i % 5 === 0 ? 'web' : 'phone',
    '来电人',
    `138${String(o.i % 200_000).padStart(8, '0')}`,
    'person',
    0,
    0,
    1,
    'complaint',
    `0${1 + (o.i % 9)}0${1 + (o.i % 5)}`,
    title,
    `来电人反映第${o.i}号事项：${title}，请尽快处理。`,
    `东城区和平路${o.i % 300}号`,
    `6201${o.i % 7}`,
    o.i % 11 === 3 ? 'urgent' : 'normal',
    o.lead,
    0,
    0,
    o.extension ? 5 : null,
    o.signDeadline === null ? null : iso(o.signDeadline),
    o.deadline === null ? null : iso(o.deadline),
    o.tasks[0]?.signed ? iso(dispatchedAt + HOUR) : null,
    'demo-agent',
    iso(o.created),
    iso(o.extension ? o.requested : dispatchedAt),
    o.status === 'return_requested' ? 1 : 0,
    0,
    o.lead ? iso(o.created + DAY) : null,
    o.extension ? iso(o.requested) : null,
  ];
}

const CHUNK = 10_000;

/** A task's clock summary, as core refreshTaskClockSummary keeps it: earliest-due running, else paused. */
function bestClock(o, unit) {
  let best = null;
  for (const c of o.clocks) {
    if (c.unit !== unit) continue;
    const better =
      !best ||
      (c.paused ? 1 : 0) < (best.paused ? 1 : 0) ||
      ((c.paused ? 1 : 0) === (best.paused ? 1 : 0) &&
        (c.t.due < best.t.due || (c.t.due === best.t.due && c.id < best.id)));
    if (better) best = c;
  }
  return best;
}

const taskRows = (o) =>
  o.tasks.map((t) => {
    const c = bestClock(o, t.unit);
    return [
      o.id,
      t.unit,
      t.role,
      iso(o.created + HOUR),
      1,
      t.signed ? 'signed' : 'pending_sign',
      t.signed ? iso(o.created + 2 * HOUR) : null,
      c ? c.id : null,
      c ? iso(c.t.due) : null,
      c ? iso(c.t.warn) : null,
      c?.paused ? 1 : 0,
    ];
  });

function supervisionRows(o) {
  if (!o.supervisionId) return [];
  const c = o.clocks.find((k) => k.kind === 'supervision');
  const at = iso(c.t.due - 2 * DAY);
  return [
    [
      o.supervisionId,
      o.id,
      o.lead,
      'manual',
      '请加快办理并反馈进展',
      'demo-supervisor',
      at,
      iso(c.t.due),
      'open',
    ],
  ];
}

const clockRows = (o) =>
  o.clocks.map((c) => [
    c.id,
    o.id,
    c.unit,
    c.kind,
    c.supervisionId ?? null,
    iso(o.created + HOUR),
    iso(c.t.due),
    iso(c.t.warn),
    iso(c.t.remind),
    iso(c.t.escalate),
    c.paused ? 0 : c.t.stage,
    1,
    c.paused ? null : iso(c.t.next),
    1,
    c.paused ? iso(o.requested) : null,
  ]);

/**
 * Extra units (48 streets under the two demo districts, so ~60 units take orders), a user of the quiet
 * unit, then orders, unit tasks, 督办 orders and clocks. Returns row counts and the seconds it took.
 */
export async function seedDispatchNetwork(url, { n, now, log = () => {} }) {
  const nowMs = now.getTime();
  const writer = await openBulkWriter(url);
  const counts = {};
  const started = performance.now();
  try {
    const at = iso(nowMs - 60 * DAY);
    await writer.insert(
      'units',
      ['id', 'parent_id', 'name', 'kind', 'path', 'duty_phone', 'sort_order', 'active', 'created_at'],
      STREETS.map((s, k) => [
        s.id,
        s.district,
        `${s.district === 'east' ? '东城区' : '西城区'}第${s.s}街道办事处`,
        'street',
        `/${s.district}/${s.id}/`,
        `0931-86${String(k).padStart(5, '0')}`,
        100 + k,
        1,
        at,
      ]),
    );
    counts.units = STREETS.length;
    await writer.exec(
      `insert into users (id, username, display_name, password_hash, role, unit_id, active, created_at, updated_at)
       select 'bench-quiet', '${QUIET_USER}', '静街道经办人', password_hash, 'unit_handler', '${QUIET_UNIT}', 1, created_at, updated_at
       from users where username = 'handler'`,
    );
    // One pass in chunks: each chunk's orders, then their tasks, 督办 and clocks (foreign keys), one
    // transaction per chunk.
    const tables = [
      ['orders', 'work_orders', ORDER_COLUMNS, (o) => [orderRow(o)]],
      ['unit tasks', 'work_order_units', UNIT_TASK_COLUMNS, taskRows],
      ['supervisions', 'supervisions', SUPERVISION_COLUMNS, supervisionRows],
      ['clocks', 'order_clocks', CLOCK_COLUMNS, clockRows],
    ];
    for (const [name] of tables) counts[name] = 0;
    const restoreIndexes = await writer.deferIndexes(tables.map((t) => t[1]));
    const t0 = performance.now();
    for (let from = 0; from < n; from += CHUNK) {
      const plans = [];
      for (let i = from; i < Math.min(n, from + CHUNK); i++) plans.push(planOrder(i, n, nowMs));
      await writer.begin();
      for (const [name, table, columns, rowsOf] of tables) {
        const rows = plans.flatMap(rowsOf);
        await writer.insert(table, columns, rows);
        counts[name] += rows.length;
      }
      await writer.commit();
      if ((from / CHUNK) % 20 === 19) {
        const done = from + CHUNK;
        log(`  … ${done.toLocaleString('en')} orders in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      }
    }
    log(
      `  seeded ${Object.entries(counts)
        .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
        .join(', ')} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const t1 = performance.now();
    await restoreIndexes();
    log(`  secondary indexes rebuilt in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    const t2 = performance.now();
    // PostgreSQL: vacuum too, as autovacuum would have by then: without a visibility map index-only scans
    // fetch every heap row (the busy inbox measured 4× slower on a never-vacuumed load).
    await writer.exec(/^postgres(ql)?:/.test(url) ? 'vacuum analyze' : 'analyze');
    log(
      `  ${/^postgres(ql)?:/.test(url) ? 'vacuum analyze' : 'analyze'} in ${((performance.now() - t2) / 1000).toFixed(1)} s`,
    );
  } finally {
    await writer.close();
  }
  return { counts, seconds: (performance.now() - started) / 1000 };
}
