import { randomUUID } from 'node:crypto';
import {
  type ClockTimes,
  type DeadlineContext,
  type DeadlinePolicy,
  LADDER_CHANNELS,
  LADDER_NOTIFICATION_KINDS,
  LADDER_STEPS,
  type LadderStep,
  STEP_AUDIENCE,
  computeDeadline,
  escalationOpensSupervision,
  planClock,
  stageAt,
  stepInstant,
  stepsBetween,
} from '@huawu/domain';
import type { Kysely } from 'kysely';
import type { CoreDeps } from '../deps.js';
import { formatLocalDeadline, templateTexts } from '../notifications/enqueue-for-transition.js';
import { notificationRows } from '../notifications/write-notifications.js';
import type { ClockMarkRecord } from '../storage/clock-marks.repository.js';
import {
  advanceClocks,
  claimDueClocks,
  insertMarks,
  openSupervisionPairs,
  orderBriefs,
} from '../storage/clock-sweep.repository.js';
import { type UnitRecord, listUnits } from '../storage/identity.repository.js';
import { type NewNotification, insertNotifications } from '../storage/notifications.repository.js';
import {
  type ClockRecord,
  insertClock,
  refreshTaskClockSummary,
} from '../storage/order-clocks.repository.js';
import type { Schema } from '../storage/schema.js';
import { insertSupervision } from '../storage/supervisions.repository.js';
import { listActiveEndpointsFor } from '../storage/webhook-endpoints.repository.js';

export interface SweepOptions {
  /** The sweeper's clock (tests and the benchmark pass one); defaults to deps.now(). */
  now?: Date;
  /** Clocks per transaction. */
  batchSize?: number;
  /** Stop after this many batches (the server's loop keeps each tick short). */
  maxBatches?: number;
}

export interface SweepSummary {
  /** Clocks looked at. */
  examined: number;
  /** Ladder steps applied (each once: marks are unique per clock generation and step). */
  steps: number;
  /** Outbox rows written. */
  notices: number;
  /** 督办 orders opened by escalation. */
  supervisions: number;
  batches: number;
}

const timesOf = (c: ClockRecord): ClockTimes => ({
  dueAt: new Date(c.dueAt),
  warnAt: new Date(c.warnAt),
  remindAt: new Date(c.remindAt),
  escalateAt: new Date(c.escalateAt),
});

interface SweepContext {
  deps: CoreDeps;
  now: Date;
  unitById: Map<string, UnitRecord>;
  centres: readonly UnitRecord[];
  policy: DeadlinePolicy;
  calendar: DeadlineContext;
}

/**
 * The supervision sweeper: applies every due ladder step (黄牌 → 红牌 → 催办 → 督办并报上级) to the
 * clocks whose next step has come, in batches of one transaction each, with a handful of statements per
 * batch. Safe with several processes on one PostgreSQL: due clocks are claimed with FOR UPDATE SKIP
 * LOCKED, the batch update repeats each clock's stage and generation as read, and a step's mark is
 * unique per clock generation — notices and 督办 are written only for marks this sweeper inserted. So a
 * step, its notices and its 督办 are written once, whoever gets there. A sweeper that was down applies
 * the missed steps in order when it comes back.
 */
export async function sweepClocks(deps: CoreDeps, options: SweepOptions = {}): Promise<SweepSummary> {
  const now = options.now ?? deps.now();
  const batchSize = Math.max(1, Math.min(options.batchSize ?? 500, 2000));
  const maxBatches = options.maxBatches ?? Number.POSITIVE_INFINITY;
  const summary: SweepSummary = { examined: 0, steps: 0, notices: 0, supervisions: 0, batches: 0 };
  const [units, policy, calendar] = await Promise.all([
    listUnits(deps.database.db),
    deps.calendar.policy(),
    deps.calendar.context(),
  ]);
  const ctx: SweepContext = {
    deps,
    now,
    unitById: new Map(units.map((u) => [u.id, u])),
    centres: units.filter((u) => u.kind === 'centre'),
    policy,
    calendar,
  };
  while (summary.batches < maxBatches) {
    const claimed = await deps.database.db
      .transaction()
      .execute((tx) => sweepBatch(tx, ctx, batchSize, summary));
    summary.batches++;
    if (claimed < batchSize) break;
  }
  return summary;
}

/** One batch: claim, advance, record marks, write the new marks' notices and 督办. Returns clocks claimed. */
async function sweepBatch(tx: Kysely<Schema>, s: SweepContext, limit: number, summary: SweepSummary) {
  const at = s.now.toISOString();
  const clocks = await claimDueClocks(tx, s.deps.database.dialect, { now: at, limit });
  if (clocks.length === 0) return 0;
  summary.examined += clocks.length;
  const marks: { mark: ClockMarkRecord; clock: ClockRecord; step: LadderStep }[] = [];
  const moves = clocks.map((clock) => {
    const times = timesOf(clock);
    const target = Math.max(stageAt(times, s.now), clock.stage);
    for (const step of stepsBetween(clock.stage, target)) {
      marks.push({ mark: markFor(clock, step, times, s), clock, step });
    }
    return { clock, stage: target, nextAt: stepInstant(times, target)?.toISOString() ?? null };
  });
  await advanceClocks(tx, moves);
  const inserted = await insertMarks(
    tx,
    marks.map((m) => m.mark),
  );
  const fresh = marks.filter((m) => inserted.has(m.mark.id));
  summary.steps += fresh.length;
  if (fresh.length === 0) return clocks.length;

  const briefs = new Map(
    (
      await orderBriefs(
        tx,
        fresh.map((m) => m.clock.orderId),
      )
    ).map((o) => [o.id, o]),
  );
  const textOf = await templateTexts(tx);
  const endpoints = await listActiveEndpointsFor(tx, [...s.unitById.keys()]);
  const rows: NewNotification[] = [];
  for (const { clock, step } of fresh) {
    const order = briefs.get(clock.orderId);
    if (!order) continue;
    const unit = s.unitById.get(clock.unitId);
    rows.push(
      ...notificationRows({
        kind: LADDER_NOTIFICATION_KINDS[step],
        channels: LADDER_CHANNELS[step],
        order: { id: order.id, orderNo: order.order_no, title: order.title, deadlineAt: order.deadline_at },
        // The texts name the unit whose clock it is (the centre and the superior read about it).
        recipients: recipientsOf(step, unit, s).map((r) => ({
          unitId: r.id,
          unitName: unit?.name ?? null,
          dutyPhone: r.kind === 'centre' ? null : r.dutyPhone,
        })),
        deadline: formatLocalDeadline(clock.dueAt, s.deps.config.timeZone),
        seq: `c:${clock.id}:${clock.generation}:${step}`,
        at,
        extra: { event: `ladder_${step}`, step, clockKind: clock.kind },
        endpoints,
        textOf,
      }),
    );
  }
  summary.notices += await insertNotifications(tx, rows);

  const escalations = fresh.filter((m) => m.step === 'escalate' && escalationOpensSupervision(m.clock.kind));
  const open = await openSupervisionPairs(
    tx,
    escalations.map((m) => m.clock.orderId),
  );
  for (const { clock } of escalations) {
    const key = `${clock.orderId}|${clock.unitId}`;
    if (open.has(key)) continue;
    open.add(key);
    await openAutoSupervision(tx, clock, s);
    summary.supervisions++;
  }
  return clocks.length;
}

/** The unit's superior for escalation: its parent, unless that is the hotline centre or there is none. */
function superiorOf(unit: UnitRecord | undefined, unitById: Map<string, UnitRecord>): UnitRecord | undefined {
  const parent = unit?.parentId ? unitById.get(unit.parentId) : undefined;
  return parent && parent.kind !== 'centre' ? parent : undefined;
}

function recipientsOf(step: LadderStep, unit: UnitRecord | undefined, s: SweepContext): UnitRecord[] {
  const audience = STEP_AUDIENCE[step];
  const recipients = new Map<string, UnitRecord>();
  if (audience.unit && unit) recipients.set(unit.id, unit);
  if (audience.centre) for (const c of s.centres) recipients.set(c.id, c);
  const superior = audience.superior ? superiorOf(unit, s.unitById) : undefined;
  if (superior) recipients.set(superior.id, superior);
  return [...recipients.values()];
}

/** A step's mark: `at` is the instant it fell due, never before the clock started. */
function markFor(clock: ClockRecord, step: LadderStep, times: ClockTimes, s: SweepContext): ClockMarkRecord {
  const due = stepInstant(times, LADDER_STEPS.indexOf(step))?.getTime() ?? s.now.getTime();
  const superior = step === 'escalate' ? superiorOf(s.unitById.get(clock.unitId), s.unitById) : undefined;
  return {
    id: randomUUID(),
    clockId: clock.id,
    orderId: clock.orderId,
    unitId: clock.unitId,
    clockKind: clock.kind,
    generation: clock.generation,
    step,
    dueAt: clock.dueAt,
    // a clock started on a Friday evening may be yellow at once: its step shows at the start
    at: new Date(Math.max(due, Date.parse(clock.startedAt))).toISOString(),
    detail: {
      appliedAt: s.now.toISOString(),
      superiorUnitId: superior?.id ?? null,
      superiorUnitName: superior?.name ?? null,
    },
  };
}

/** The automatic 督办 an escalation opens, with its own clock. */
async function openAutoSupervision(tx: Kysely<Schema>, clock: ClockRecord, s: SweepContext): Promise<void> {
  const id = randomUUID();
  const at = s.now.toISOString();
  const deadline = computeDeadline(s.now, s.policy.supervision, s.calendar).deadline;
  await insertSupervision(tx, {
    id,
    orderId: clock.orderId,
    unitId: clock.unitId,
    kind: 'auto',
    requirement: `${clock.kind === 'sign' ? '签收' : '办理'}超期未完成，请说明原因并限期办结`,
    issuedBy: null,
    issuedAt: at,
    deadlineAt: deadline.toISOString(),
  });
  const t = planClock(deadline, s.policy, s.calendar);
  await insertClock(tx, {
    id: randomUUID(),
    orderId: clock.orderId,
    unitId: clock.unitId,
    kind: 'supervision',
    supervisionId: id,
    startedAt: at,
    dueAt: t.dueAt.toISOString(),
    warnAt: t.warnAt.toISOString(),
    remindAt: t.remindAt.toISOString(),
    escalateAt: t.escalateAt.toISOString(),
    stage: 0,
    generation: 1,
    nextAt: stepInstant(t, 0)?.toISOString() ?? null,
    open: true,
    pausedAt: null,
    stoppedAt: null,
    stopReason: null,
  });
  await refreshTaskClockSummary(tx, clock.orderId);
}
