import type { FieldSpecs, ParsedInput } from './input-fields.js';
import type { Actor, Role } from './roles.js';
import type { Status } from './work-order.status.js';

/** What the machine needs to know about an order; storage keeps more. */
export interface MachineOrder {
  status: Status;
  leadUnitId: string | null;
  coUnitIds: readonly string[];
  redoCount: number;
  extensionCount: number;
  pendingExtension: boolean;
  wantsCallback: boolean;
}

export interface MachineConfig {
  /** How many times a dissatisfied callback may send an order back for redo (重办). */
  maxRedoCount: number;
  /** How many extensions (延期) an order may be granted. */
  maxExtensions: number;
  /** Longest single extension, in working days. */
  maxExtensionDays: number;
}

export const DEFAULT_MACHINE_CONFIG: MachineConfig = {
  maxRedoCount: 2,
  maxExtensions: 2,
  maxExtensionDays: 10,
};

export interface TransitionContext {
  order: MachineOrder;
  actor: Actor;
  config: MachineConfig;
}

export interface EventDefinition {
  label: string;
  from: readonly Status[];
  roles: readonly Role[];
  /** Unit roles may act only for the order's lead unit. */
  leadUnitOnly?: boolean;
  input: FieldSpecs | ((config: MachineConfig) => FieldSpecs);
  /** Returns a reason when the event may not happen now (besides status and role). */
  guard?: (ctx: TransitionContext, input?: ParsedInput) => string | null;
  to: (ctx: TransitionContext, input: ParsedInput) => Status;
  patch?: (ctx: TransitionContext, input: ParsedInput) => Partial<MachineOrder>;
  /** Buttons styled as dangerous or primary in user interfaces. */
  tone?: 'primary' | 'danger' | 'default';
}
