import { type Kysely, sql } from 'kysely';
import pg from 'pg';

/**
 * PostgreSQL LISTEN/NOTIFY: how one process tells the others that something happened (a CTI event for
 * an agent connected to another server process). Notifications are sent through the ordinary pool; a
 * listener holds one dedicated connection, opened on first use and reopened after it drops (events
 * sent while it is down are lost — clients re-read current state when they reconnect).
 */
// biome-ignore lint/suspicious/noExplicitAny: NOTIFY works on any schema
export async function notify(db: Kysely<any>, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}

export interface PgListener {
  /** Resolves once LISTEN is active (again, after a reconnect). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export function listen(
  url: string,
  channel: string,
  onMessage: (payload: string) => void,
  options: { retryMs?: number } = {},
): PgListener {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`invalid channel name: ${channel}`);
  const retryMs = options.retryMs ?? 1000;
  let client: pg.Client | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let readyPromise: Promise<void>;
  let resolveReady: () => void = () => {};
  const resetReady = () => {
    readyPromise = new Promise<void>((resolve) => {
      resolveReady = resolve;
    });
  };
  resetReady();

  const connect = async () => {
    if (closed) return;
    const c = new pg.Client({ connectionString: url });
    client = c;
    let dropped = false;
    const drop = () => {
      if (dropped) return;
      dropped = true;
      if (client === c) client = undefined;
      c.end().catch(() => {});
      if (!closed) {
        resetReady();
        timer = setTimeout(() => void connect(), retryMs);
      }
    };
    c.on('error', drop);
    c.on('end', drop);
    c.on('notification', (msg) => {
      if (msg.channel === channel && msg.payload !== undefined) onMessage(msg.payload);
    });
    try {
      await c.connect();
      await c.query(`listen ${channel}`);
      if (closed) {
        await c.end().catch(() => {});
        return;
      }
      resolveReady();
    } catch {
      drop();
    }
  };
  void connect();

  return {
    ready: () => readyPromise,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      resolveReady();
      const c = client;
      client = undefined;
      await c?.end().catch(() => {});
    },
  };
}
