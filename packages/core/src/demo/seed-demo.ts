import { type Actor, INITIAL_STATUS, type Role, isOpen, isRole } from '@huawu/domain';
import type { CoreDeps } from '../deps.js';
import { hashPassword } from '../security/password.js';
import { countUsers, insertUnit, insertUser } from '../storage/identity.repository.js';
import { createWorkOrder } from '../use-cases/create-work-order.js';
import { transitionWorkOrder } from '../use-cases/transition-work-order.js';
import { CALLER_NAMES, DEMO_APPEALS, DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS } from './demo-city.js';
import { DEMO_PLANS, type PlanStep } from './demo-plans.js';
import { seedDemoAccuracy } from './demo-accuracy.js';
import { seedDemoDispatch } from './demo-dispatch.js';
import { seedDemoKnowledge } from './demo-knowledge.js';
import { sweepClocks } from '../supervision/sweep-clocks.js';

export interface DemoSummary {
  created: boolean;
  orders: number;
  logins: { username: string; password: string; role: string; displayName: string }[];
}

const logins = () =>
  DEMO_USERS.map((u) => ({
    username: u.username,
    password: DEMO_PASSWORD,
    role: u.role,
    displayName: u.displayName,
  }));

/**
 * Loads the demo city when the database has no users yet: units, one account per role, and orders
 * driven through the real lifecycle (so every state has examples and every timeline is genuine).
 * Orders are spread over the past weeks with a moving clock; some are overdue.
 */
export async function seedDemo(deps: CoreDeps): Promise<DemoSummary> {
  const { db } = deps.database;
  if ((await countUsers(db)) > 0) return { created: false, orders: 0, logins: logins() };
  const at = deps.now().toISOString();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const actors = new Map<string, Actor>();
  await db.transaction().execute(async (tx) => {
    let order = 0;
    for (const u of DEMO_UNITS) {
      const parentPath = u.parentId ? `/${u.parentId}/` : '/';
      await insertUnit(tx, { ...u, path: `${parentPath}${u.id}/` }, at, order++);
    }
    for (const u of DEMO_USERS) {
      const id = `demo-${u.username}`;
      await insertUser(tx, { id, ...u, passwordHash, active: true }, at);
      actors.set(u.role === 'unit_handler' ? `unit:${u.unitId}` : u.role, {
        userId: id,
        role: u.role as Role,
        unitId: u.unitId,
      });
    }
  });
  await seedDemoKnowledge(deps);
  const realNow = deps.now();
  const openOrders: string[] = [];
  const handlerUnits = DEMO_USERS.filter((u) => u.role === 'unit_handler').map((u) => u.unitId as string);
  let count = 0;
  for (const [i, plan] of DEMO_PLANS.entries()) {
    const appeal = DEMO_APPEALS[i % DEMO_APPEALS.length]!;
    const unit = handlerUnits.includes(appeal.u) ? appeal.u : handlerUnits[i % handlerUnits.length]!;
    let clock = new Date(realNow.getTime() - plan.daysAgo * 86_400_000 - (i % 7) * 3_600_000);
    const timed: CoreDeps = { ...deps, now: () => clock };
    const agent = actors.get('agent')!;
    let detail = await createWorkOrder(timed, agent, {
      channel: i % 5 === 0 ? 'web' : 'phone',
      callerName: CALLER_NAMES[i % CALLER_NAMES.length],
      callerPhone: `139${String(10_000_000 + i * 7_919).padStart(8, '0')}`,
      appealType: appeal.t,
      title: appeal.title,
      category: appeal.k,
      content: appeal.c,
      address: appeal.a ?? undefined,
      urgency: i % 11 === 3 ? 'urgent' : 'normal',
      confidential: i % 13 === 5,
      wantsCallback: plan.wantsCallback ?? true,
    });
    for (const step of plan.steps) {
      clock = new Date(clock.getTime() + (step.afterHours ?? 2) * 3_600_000);
      const co = coUnitOf(unit, handlerUnits);
      const actor = actorFor(step, actors, unit, co);
      const input =
        typeof step.input === 'function' ? step.input({ unit, co, orders: openOrders }) : step.input;
      detail = await transitionWorkOrder(timed, actor, detail.id, {
        event: step.event,
        input,
        version: detail.version,
      });
    }
    if (isOpen(detail.status) && detail.status !== INITIAL_STATUS) openOrders.push(detail.id);
    count++;
  }
  await seedDemoAccuracy(deps);
  await seedDemoDispatch(deps); // after the orders: the demo dispatches predate the catalogue
  await sweepClocks(deps); // the overdue demo orders show their yellow/red cards and 督办 at once
  return { created: true, orders: count, logins: logins() };
}

/** A second handling unit for co-unit and reassignment examples (another city bureau). */
function coUnitOf(unit: string, handlerUnits: readonly string[]): string {
  return (
    handlerUnits.find((u) => u !== unit && u.startsWith('city-')) ?? handlerUnits.find((u) => u !== unit)!
  );
}

function actorFor(step: PlanStep, actors: Map<string, Actor>, unitId: string, coUnitId: string): Actor {
  if (step.as === 'unit') return actors.get(`unit:${unitId}`)!;
  if (step.as === 'co') return actors.get(`unit:${coUnitId}`)!;
  if (step.as.startsWith('unit:')) return actors.get(step.as)!;
  const key = isRole(step.as) ? step.as : 'supervisor';
  return actors.get(key)!;
}
