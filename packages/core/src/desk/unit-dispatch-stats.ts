import {
  type Actor,
  UNIT_COUNT_KEYS,
  UNIT_COUNT_LABELS,
  UNIT_RATE_KEYS,
  UNIT_RATE_LABELS,
  type UnitDispatchCounts,
  addDays,
  emptyUnitCounts,
  formatUnitRate,
  isLocalDate,
  localDateTimeToInstant,
  unitDispatchRates,
} from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { toSafeCsv } from '../export/safe-csv.js';
import { writeAudit } from '../storage/admin.repository.js';
import {
  type StatsEvent,
  allUnits,
  coUnitsOf,
  eventsInPeriod,
  eventsOfOrders,
  marksInPeriod,
  supervisionsInPeriod,
} from '../storage/desk-stats.repository.js';
import { assertUnitStatsReader } from './desk-access.js';
import { countClosure } from './closure-stats.js';

export interface UnitStatsQuery {
  from?: string;
  to?: string;
}

const RECEIVING = ['dispatch', 'approve_return', 'negotiate'];
const PERIOD_EVENTS = [
  ...RECEIVING,
  'request_return',
  'reject_return',
  'request_extension',
  'approve_extension',
  'reply',
  'callback',
  'appeal_rating',
  'decide_appeal',
];

function period(deps: CoreDeps, query: UnitStatsQuery) {
  for (const key of ['from', 'to'] as const) {
    const value = query[key];
    if (!value) throw AppError.validation(key, '请填写统计起止日期（YYYY-MM-DD）');
    if (!isLocalDate(value)) throw AppError.validation(key, '日期格式应为 YYYY-MM-DD');
  }
  const from = query.from as string;
  const to = query.to as string;
  if (from > to) throw AppError.validation('to', '结束日期不能早于开始日期');
  const tz = deps.config.timeZone;
  return {
    from,
    to,
    fromAt: localDateTimeToInstant(from, '00:00', tz).toISOString(),
    toAt: localDateTimeToInstant(addDays(to, 1), '00:00', tz).toISOString(),
  };
}

/** The unit of the last `request` event before `e` on the same order (the unit a decision answers). */
function requesterOf(e: StatsEvent, requests: Map<string, StatsEvent[]>): string | null {
  let best: StatsEvent | null = null;
  for (const r of requests.get(e.orderId) ?? []) if (r.seq < e.seq && (!best || r.seq > best.seq)) best = r;
  return best?.actorUnitId ?? null;
}

/**
 * 承办单位考核统计: per unit, what happened in the period [from, to] (local dates, inclusive) — orders
 * received as lead or co-unit, returns, negotiations, extensions, red cards on sign/handle clocks,
 * escalations, 督办, replies, callbacks (满意/解决/重办, 核减 excluded) and appeals — with the rates of
 * domain `unitDispatchRates`.
 */
export async function unitDispatchStats(deps: CoreDeps, actor: Actor, query: UnitStatsQuery) {
  assertUnitStatsReader(actor);
  const p = period(deps, query);
  const { db } = deps.database;
  const [events, marks, supervisions, units] = await Promise.all([
    eventsInPeriod(db, PERIOD_EVENTS, p.fromAt, p.toAt),
    marksInPeriod(db, ['red', 'escalate'], p.fromAt, p.toAt),
    supervisionsInPeriod(db, p.fromAt, p.toAt),
    allUnits(db),
  ]);
  const counts = new Map<string, UnitDispatchCounts>();
  const bump = (unitId: string | null | undefined, key: keyof UnitDispatchCounts, n = 1) => {
    if (!unitId) return;
    const c = counts.get(unitId) ?? emptyUnitCounts();
    c[key] += n;
    counts.set(unitId, c);
  };

  const decisions = events.filter((e) =>
    ['approve_return', 'reject_return', 'approve_extension', 'negotiate'].includes(e.event),
  );
  const needCo = events.filter((e) => RECEIVING.includes(e.event) && !Array.isArray(e.payload.coUnitIds));
  const [earlier, coUnits] = await Promise.all([
    eventsOfOrders(
      db,
      decisions.map((e) => e.orderId),
      ['request_return', 'request_extension'],
    ),
    coUnitsOf(
      db,
      needCo.map((e) => e.orderId),
    ),
  ]);
  const requests = (event: string) => {
    const map = new Map<string, StatsEvent[]>();
    for (const e of earlier) if (e.event === event) map.set(e.orderId, [...(map.get(e.orderId) ?? []), e]);
    return map;
  };
  const returnRequests = requests('request_return');
  const extensionRequests = requests('request_extension');

  for (const e of events) {
    if (RECEIVING.includes(e.event)) {
      const lead = typeof e.payload.leadUnitId === 'string' ? e.payload.leadUnitId : null;
      const co = Array.isArray(e.payload.coUnitIds)
        ? e.payload.coUnitIds.filter((x): x is string => typeof x === 'string')
        : (coUnits.get(e.orderId) ?? []);
      for (const unitId of new Set([lead, ...co])) bump(unitId, 'received');
    }
    switch (e.event) {
      case 'request_return':
        bump(e.actorUnitId, 'returnsRequested');
        break;
      case 'approve_return':
        bump(requesterOf(e, returnRequests), 'returnsApproved');
        break;
      case 'reject_return':
        bump(requesterOf(e, returnRequests), 'returnsRejected');
        break;
      case 'negotiate':
        bump(requesterOf(e, returnRequests), 'negotiated');
        break;
      case 'request_extension':
        bump(e.actorUnitId, 'extensionsRequested');
        break;
      case 'approve_extension':
        bump(requesterOf(e, extensionRequests), 'extensionsApproved');
        break;
      case 'reply':
        bump(e.actorUnitId, 'replied');
        break;
    }
  }
  await countClosure(db, events, bump);
  for (const m of marks) {
    if (m.step === 'red' && m.clockKind === 'sign') bump(m.unitId, 'signOverdue', m.n);
    if (m.step === 'red' && m.clockKind === 'handle') bump(m.unitId, 'handleOverdue', m.n);
    if (m.step === 'escalate') bump(m.unitId, 'escalations', m.n);
  }
  for (const s of supervisions) bump(s.unitId, 'supervisions', s.n);

  const rows = units
    .filter((u) => counts.has(u.id))
    .map((u) => {
      const c = counts.get(u.id) as UnitDispatchCounts;
      return { unitId: u.id, unitName: u.name, ...c, ...unitDispatchRates(c) };
    });
  return { from: p.from, to: p.to, units: rows };
}

/** The statistics as CSV (formulas neutralised), with an `export` audit row. */
export async function exportUnitDispatchStats(deps: CoreDeps, actor: Actor, query: UnitStatsQuery) {
  const stats = await unitDispatchStats(deps, actor, query);
  const header = [
    '单位',
    ...UNIT_COUNT_KEYS.map((k) => UNIT_COUNT_LABELS[k]),
    ...UNIT_RATE_KEYS.map((k) => UNIT_RATE_LABELS[k]),
  ];
  const lines = stats.units.map((u) => [
    u.unitName,
    ...UNIT_COUNT_KEYS.map((k) => u[k]),
    ...UNIT_RATE_KEYS.map((k) => formatUnitRate(u[k])),
  ]);
  const csv = toSafeCsv([header, ...lines]);
  await writeAudit(deps.database.db, {
    at: deps.now().toISOString(),
    actorId: actor.userId,
    action: 'export',
    targetType: 'unit_dispatch_stats',
    targetId: `${stats.from}..${stats.to}`,
    detail: { what: 'unit_dispatch_stats', from: stats.from, to: stats.to, units: stats.units.length },
  });
  return { filename: `unit-dispatch-stats-${stats.from}-${stats.to}.csv`, csv };
}
