import type { Database } from '../storage/database.js';

/** A CTI event as delivered to an agent's browser (screen pop). */
export interface CallEvent {
  type: 'newCall' | 'answer' | 'hangup';
  callId: string;
  /** Caller number as the switch reported it (the browser of the addressed agent may show it in full). */
  caller: string | null;
  /** User id of the agent the call is routed to. */
  agentUserId: string;
  at: string;
  cause?: string | null;
}

/** Publishes call events to the agents' live connections (SSE); in-process, or across processes. */
export interface CallEventBus {
  publish(event: CallEvent): Promise<void>;
  /** Returns an unsubscribe function. */
  subscribe(agentUserId: string, listener: (event: CallEvent) => void): () => void;
  close(): Promise<void>;
}

/** Placeholder: in-process delivery only (the intake work adds PostgreSQL LISTEN/NOTIFY). */
export function createCallEventBus(_database: Database): CallEventBus {
  const listeners = new Map<string, Set<(event: CallEvent) => void>>();
  return {
    async publish(event) {
      for (const listener of listeners.get(event.agentUserId) ?? []) listener(event);
    },
    subscribe(agentUserId, listener) {
      const set = listeners.get(agentUserId) ?? new Set();
      listeners.set(agentUserId, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    async close() {
      listeners.clear();
    },
  };
}
