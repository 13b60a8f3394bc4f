import { DEFAULT_MACHINE_CONFIG, EVENT_DEFINITIONS, type FieldSpec, type FieldSpecs } from '@huawu/domain';
import type { DecisionEvent, DupCandidate } from '../../api/intake';

/** What opens a decision dialog, with the values it starts from. */
export type DecisionRequest =
  | {
      event: 'answer_directly';
      answer?: string;
      article?: { id: string; version: number; title: string };
    }
  | { event: 'reject'; reasonCode?: string; channelTold?: string }
  | { event: 'transfer_out'; target?: string }
  | { event: 'merge'; target?: DupCandidate };

export function eventLabel(event: DecisionEvent): string {
  return EVENT_DEFINITIONS[event]?.label ?? event;
}

/** The event's input specs from the transitions table (labels, lengths, enumerations). */
export function inputSpecs(event: DecisionEvent): FieldSpecs {
  const input = EVENT_DEFINITIONS[event]?.input;
  if (!input) return {};
  return typeof input === 'function' ? input(DEFAULT_MACHINE_CONFIG) : input;
}

export function specLabel(spec: FieldSpec | undefined, fallback: string): string {
  return spec?.label ?? fallback;
}

export function specMax(spec: FieldSpec | undefined, fallback: number): number {
  return spec?.kind === 'text' ? spec.maxLength : fallback;
}
