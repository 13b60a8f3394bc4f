import { randomUUID } from 'node:crypto';
import type { Database } from './database.js';
import { type PgListener, listen, notify } from './pg-notify.js';

/**
 * Live events for browsers holding an event stream (SSE), keyed by who receives them (an agent, a
 * unit): in-process listeners, and on PostgreSQL the same event to the other server processes.
 */
export interface LiveBus<E> {
  /** Delivers to this process's subscribers of the event's key at once (returns how many) and, on PostgreSQL, to other processes. */
  publish(event: E): Promise<number>;
  /** Returns an unsubscribe function. */
  subscribe(key: string, listener: (event: E) => void): () => void;
  /** Resolves when events from other processes are being received (at once on SQLite; at most ~3 s). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

const READY_TIMEOUT_MS = 3000;

/**
 * Local subscribers get an event straight away; on PostgreSQL it is also sent with NOTIFY on `channel`,
 * tagged with this process's origin id so the process ignores its own notification when it comes back.
 * The LISTEN connection opens when the first browser subscribes, so processes without live streams
 * (CLI, tests) hold no extra connection.
 */
export function createLiveBus<E>(options: {
  database: Database;
  databaseUrl?: string;
  channel: string;
  /** Who receives the event; an event from another process without a key is ignored. */
  keyOf: (event: E) => string | undefined;
}): LiveBus<E> {
  const { database, databaseUrl, channel, keyOf } = options;
  const origin = randomUUID();
  const listeners = new Map<string, Set<(event: E) => void>>();
  const cross = database.dialect === 'postgres' && databaseUrl !== undefined;
  let listener: PgListener | undefined;
  let closed = false;

  const deliver = (key: string, event: E): number => {
    let count = 0;
    for (const l of listeners.get(key) ?? []) {
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
    listener = listen(databaseUrl as string, channel, (payload) => {
      try {
        const message = JSON.parse(payload) as { origin: string; event: E };
        const key = message.event ? keyOf(message.event) : undefined;
        if (message.origin !== origin && key) deliver(key, message.event);
      } catch {
        // not ours
      }
    });
  };

  return {
    async publish(event) {
      const key = keyOf(event);
      const delivered = key ? deliver(key, event) : 0;
      if (cross && !closed) await notify(database.db, channel, JSON.stringify({ origin, event }));
      return delivered;
    },
    subscribe(key, l) {
      const set = listeners.get(key) ?? new Set();
      listeners.set(key, set);
      set.add(l);
      startListening();
      return () => {
        set.delete(l);
        if (set.size === 0) listeners.delete(key);
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
