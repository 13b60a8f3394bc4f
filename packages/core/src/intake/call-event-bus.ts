import { randomUUID } from 'node:crypto';
import type { Database } from '../storage/database.js';
import { type PgListener, listen, notify } from '../storage/pg-notify.js';

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
export interface CallEventBus {
  /** Delivers to this process's subscribers at once (returns how many) and, on PostgreSQL, to other processes. */
  publish(event: CallEvent): Promise<number>;
  /** Returns an unsubscribe function. */
  subscribe(agentUserId: string, listener: (event: CallEvent) => void): () => void;
  /** Resolves when events from other processes are being received (at once on SQLite; at most ~3 s). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export const CALL_CHANNEL = 'huawu_calls';
const READY_TIMEOUT_MS = 3000;

/**
 * The bus. Local subscribers get an event straight away; on PostgreSQL it is also sent with NOTIFY,
 * tagged with this process's origin id so the process ignores its own notification when it comes back.
 * The LISTEN connection opens when the first agent subscribes, so processes without live agents (CLI,
 * tests) hold no extra connection.
 */
export function createCallEventBus(database: Database, databaseUrl?: string): CallEventBus {
  const origin = randomUUID();
  const listeners = new Map<string, Set<(event: CallEvent) => void>>();
  const cross = database.dialect === 'postgres' && databaseUrl !== undefined;
  let listener: PgListener | undefined;
  let closed = false;

  const deliver = (event: CallEvent): number => {
    let count = 0;
    for (const l of listeners.get(event.agentUserId) ?? []) {
      try {
        l(event);
        count++;
      } catch {
        // one broken connection must not stop the others
      }
    }
    return count;
  };

  const startListening = () => {
    if (!cross || listener || closed) return;
    listener = listen(databaseUrl as string, CALL_CHANNEL, (payload) => {
      try {
        const message = JSON.parse(payload) as { origin: string; event: CallEvent };
        if (message.origin !== origin && message.event?.agentUserId) deliver(message.event);
      } catch {
        // not ours
      }
    });
  };

  return {
    async publish(event) {
      const delivered = deliver(event);
      if (cross && !closed) await notify(database.db, CALL_CHANNEL, JSON.stringify({ origin, event }));
      return delivered;
    },
    subscribe(agentUserId, l) {
      const set = listeners.get(agentUserId) ?? new Set();
      listeners.set(agentUserId, set);
      set.add(l);
      startListening();
      return () => {
        set.delete(l);
        if (set.size === 0) listeners.delete(agentUserId);
      };
    },
    async ready() {
      startListening();
      if (!listener) return;
      // A database that cannot be reached must not hold a browser's stream open forever: after a few
      // seconds the stream starts anyway (local events flow; others follow once LISTEN is back).
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, READY_TIMEOUT_MS);
      });
      await Promise.race([listener.ready(), timeout]);
      clearTimeout(timer);
    },
    async close() {
      closed = true;
      listeners.clear();
      await listener?.close();
    },
  };
}
