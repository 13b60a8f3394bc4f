import type { Database } from '../storage/database.js';
import { type LiveBus, createLiveBus } from '../storage/live-bus.js';

/** A call as the agent's workbench shows it (screen pop). */
export interface CallView {
  callId: string;
  /** Caller number as the switch reported it (the addressed agent sees it in full). */
  caller: string | null;
  state: 'ringing' | 'answered' | 'ended';
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  cause: string | null;
}

/** A CTI event as delivered to an agent's browser: what happened, and the call's state after it. */
export interface CallEvent extends CallView {
  type: 'newCall' | 'answer' | 'hangup';
  /** User id of the agent the call is routed to. */
  agentUserId: string;
  at: string;
}

/** Publishes call events to the agents' live connections (SSE); in-process, and across processes on PostgreSQL. */
export type CallEventBus = LiveBus<CallEvent>;

export const CALL_CHANNEL = 'huawu_calls';

/** The bus, keyed by the agent's user id (see `createLiveBus`). */
export function createCallEventBus(database: Database, databaseUrl?: string): CallEventBus {
  return createLiveBus<CallEvent>({
    database,
    databaseUrl,
    channel: CALL_CHANNEL,
    keyOf: (event) => event.agentUserId,
  });
}
