import { type Result, fail, ok } from './errors.js';
import { type FieldSpecs, type ParsedInput, parseFields } from './input-fields.js';
import type { Actor } from './roles.js';
import type { Status } from './work-order.status.js';
import { EVENT_DEFINITIONS, EVENT_NAMES, type EventName, isEventName } from './work-order.events.js';
import {
  DEFAULT_MACHINE_CONFIG,
  type EventDefinition,
  type MachineConfig,
  type MachineOrder,
} from './work-order.machine-types.js';

export interface TransitionOutcome {
  event: EventName;
  from: Status;
  to: Status;
  input: ParsedInput;
  patch: Partial<MachineOrder>;
}

export function inputSpecs(event: EventName, config: MachineConfig = DEFAULT_MACHINE_CONFIG): FieldSpecs {
  const spec = EVENT_DEFINITIONS[event].input;
  return typeof spec === 'function' ? spec(config) : spec;
}

function actorMayAct(def: EventDefinition, order: MachineOrder, actor: Actor): boolean {
  if (!def.roles.includes(actor.role)) return false;
  if (!isUnitRole(actor.role)) return true;
  if (def.leadUnitOnly) return order.leadUnitId !== null && order.leadUnitId === actor.unitId;
  const states = def.taskUnitOnly;
  if (states) {
    return order.tasks.some(
      (t) => t.unitId === actor.unitId && t.role !== 'lead' && states.includes(t.status),
    );
  }
  return true;
}

const isUnitRole = (role: Actor['role']) => role === 'unit_handler' || role === 'unit_admin';

/** The events this actor may trigger on this order now: what the UI shows as buttons. */
export function allowedEvents(
  order: MachineOrder,
  actor: Actor,
  config: MachineConfig = DEFAULT_MACHINE_CONFIG,
): EventName[] {
  const ctx = { order, actor, config };
  return EVENT_NAMES.filter((name) => {
    const def = EVENT_DEFINITIONS[name];
    return def.from.includes(order.status) && actorMayAct(def, order, actor) && !def.guard?.(ctx);
  });
}

/** The one way an order changes status. Pure: checks event, status, role, input and guards, in that order. */
export function transition(
  order: MachineOrder,
  actor: Actor,
  event: string,
  rawInput: unknown,
  config: MachineConfig = DEFAULT_MACHINE_CONFIG,
): Result<TransitionOutcome> {
  if (!isEventName(event)) return fail('UNKNOWN_EVENT', `未知的操作：${String(event).slice(0, 40)}`);
  const def = EVENT_DEFINITIONS[event];
  if (!def.from.includes(order.status)) {
    return fail('TRANSITION_NOT_ALLOWED', `当前状态下不能执行「${def.label}」`);
  }
  if (!actorMayAct(def, order, actor)) return fail('ROLE_NOT_PERMITTED', `您无权执行「${def.label}」`);
  const parsed = parseFields(inputSpecs(event, config), rawInput);
  if (!parsed.ok) return parsed;
  const ctx = { order, actor, config };
  const reason = def.guard?.(ctx, parsed.value);
  if (reason) return fail('GUARD_FAILED', reason);
  return ok({
    event,
    from: order.status,
    to: def.to(ctx, parsed.value),
    input: parsed.value,
    patch: def.patch?.(ctx, parsed.value) ?? {},
  });
}
