import {
  type Actor,
  type DeadlineContext,
  DEFAULT_WORKING_HOURS,
  parseHolidayCnYear,
  scheduleFromYears,
} from '@huawu/domain';
import { expect } from 'vitest';
import { isAppError } from '../app-error.js';
import { BUNDLED_HOLIDAY_YEARS } from '../calendar-data/index.js';
import type { CoreDeps } from '../deps.js';
import { DEMO_UNITS, DEMO_USERS } from '../demo/demo-city.js';
import { insertUnit, insertUser } from '../storage/identity.repository.js';
import { createWorkOrder } from '../use-cases/create-work-order.js';
import { getWorkOrder } from '../use-cases/get-work-order.js';
import { transitionWorkOrder } from '../use-cases/transition-work-order.js';
import type { WorkOrderFull as WorkOrderDetail } from '../use-cases/get-work-order.js';
import type { TestCore } from './databases.js';
import { DEMO_ACTORS, VALID_INTAKE } from './fixtures.js';

/**
 * scrypt of DEMO_PASSWORD made once by `hashPassword` and kept here: hashing costs ~0.1–0.3 s of CPU per
 * call, and every test file would pay it. The login tests (auth.contract.test.ts) prove it still verifies.
 */
export const DEMO_PASSWORD_HASH =
  'scrypt$32768$8$1$NUSkzFyMmZI84UohRsT3Hg==$DV2p8lM6KJv4IfXvz7zYPgJDTlsMK5CaCxgTnjc55qY=';

/**
 * Loads only the demo city's units and accounts (no demo orders), so each test sees exactly the orders
 * it creates and a fresh database stays cheap.
 */
export async function seedPeople(core: CoreDeps): Promise<void> {
  const passwordHash = DEMO_PASSWORD_HASH;
  const at = core.now().toISOString();
  await core.database.db.transaction().execute(async (tx) => {
    let order = 0;
    for (const u of DEMO_UNITS) {
      const parentPath = u.parentId ? `/${u.parentId}/` : '/';
      await insertUnit(tx, { ...u, path: `${parentPath}${u.id}/` }, at, order++);
    }
    for (const u of DEMO_USERS) {
      await insertUser(tx, { id: `demo-${u.username}`, ...u, passwordHash, active: true }, at);
    }
  });
}

/** A clock the test moves by hand. */
export function manualClock(iso: string) {
  let current = new Date(iso);
  return {
    now: () => current,
    set: (next: string) => {
      current = new Date(next);
    },
  };
}

/** Awaits a promise that must reject with an AppError of `code`; returns the error for more checks. */
export async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected AppError ${code}`).toBeDefined();
  if (!isAppError(error)) throw error;
  expect(error.code).toBe(code);
  return error;
}

export const fieldsOf = (error: { issues?: { field: string }[] | undefined }) =>
  (error.issues ?? []).map((i) => i.field);

/** The bundled holiday years as a deadline context, independent of what the core cached. */
export function bundledCalendar(timeZone = 'Asia/Shanghai'): DeadlineContext {
  const years = BUNDLED_HOLIDAY_YEARS.map((file) => {
    const parsed = parseHolidayCnYear(file);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.value;
  });
  return { schedule: scheduleFromYears(years), workingHours: DEFAULT_WORKING_HOURS, timeZone };
}

export async function countRows(
  core: TestCore,
  table: 'work_orders' | 'work_order_events' | 'audit_log' | 'sessions' | 'holidays',
): Promise<number> {
  const row = await core.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function eventCount(core: TestCore, orderId: string): Promise<number> {
  const row = await core.database.db
    .selectFrom('work_order_events')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('order_id', '=', orderId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const A = DEMO_ACTORS;

/** Creates an order (agent) with `overrides` on top of the valid intake. */
export function newOrder(core: CoreDeps, overrides: Record<string, unknown> = {}, actor: Actor = A.agent) {
  return createWorkOrder(core, actor, { ...VALID_INTAKE, ...overrides });
}

/**
 * Applies one event and checks the invariants of every state change: version + 1, exactly one new
 * timeline entry whose seq is the new version and which names the actor, and the stored event count.
 */
export async function step(
  core: TestCore,
  order: WorkOrderDetail,
  actor: Actor,
  event: string,
  input: Record<string, unknown> = {},
): Promise<WorkOrderDetail> {
  const next = await transitionWorkOrder(core, actor, order.id, { event, input, version: order.version });
  expect(next.version).toBe(order.version + 1);
  expect(next.timeline).toHaveLength(order.timeline.length + 1);
  const last = next.timeline.at(-1)!;
  expect(last).toMatchObject({ seq: next.version, event, fromStatus: order.status, toStatus: next.status });
  expect(last.actorRole).toBe(actor.role);
  expect(last.actorName).toBeTruthy();
  expect(next.timeline.map((t) => t.seq)).toEqual(next.timeline.map((_, i) => i + 1));
  expect(await eventCount(core, order.id)).toBe(next.version);
  return next;
}

/**
 * A transition that must fail with `code` and leave the order untouched: same version, same
 * timeline, same stored row.
 */
export async function expectRefused(
  core: TestCore,
  order: WorkOrderDetail,
  actor: Actor,
  event: string,
  input: Record<string, unknown>,
  code: string,
) {
  const before = await core.database.db
    .selectFrom('work_orders')
    .selectAll()
    .where('id', '=', order.id)
    .executeTakeFirstOrThrow();
  const unitsBefore = await core.database.db
    .selectFrom('work_order_units')
    .selectAll()
    .where('order_id', '=', order.id)
    .orderBy('unit_id')
    .execute();
  const error = await expectAppError(
    transitionWorkOrder(core, actor, order.id, { event, input, version: order.version }),
    code,
  );
  const after = await core.database.db
    .selectFrom('work_orders')
    .selectAll()
    .where('id', '=', order.id)
    .executeTakeFirstOrThrow();
  const unitsAfter = await core.database.db
    .selectFrom('work_order_units')
    .selectAll()
    .where('order_id', '=', order.id)
    .orderBy('unit_id')
    .execute();
  expect(after).toEqual(before);
  expect(unitsAfter).toEqual(unitsBefore);
  expect(await eventCount(core, order.id)).toBe(order.version);
  const reread = await getWorkOrder(core, A.supervisor, order.id, { audit: false });
  expect(reread.version).toBe(order.version);
  expect(reread.timeline).toHaveLength(order.timeline.length);
  return error;
}

/** intake → pending_dispatch → dispatched (to `leadUnitId`) → optionally signed. */
export async function dispatched(
  core: TestCore,
  opts: { leadUnitId?: string; coUnitIds?: string[]; sign?: boolean; intake?: Record<string, unknown> } = {},
) {
  const lead = opts.leadUnitId ?? 'city-housing';
  let o = await newOrder(core, opts.intake);
  o = await step(core, o, A.agent, 'submit_for_dispatch');
  o = await step(core, o, A.dispatcher, 'dispatch', {
    leadUnitId: lead,
    ...(opts.coUnitIds ? { coUnitIds: opts.coUnitIds } : {}),
  });
  if (opts.sign) o = await step(core, o, handlerOf(lead), 'sign');
  return o;
}

/** The demo handler account of a unit. */
export function handlerOf(unitId: string): Actor {
  const user = DEMO_USERS.find((u) => u.unitId === unitId && u.role === 'unit_handler');
  if (!user) throw new Error(`no demo handler for ${unitId}`);
  return { userId: `demo-${user.username}`, role: 'unit_handler', unitId };
}
