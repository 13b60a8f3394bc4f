import type { Database } from '../storage/database.js';
import { createLiveBus } from '../storage/live-bus.js';

/** "Something new for this unit": the browsers of the unit's users reload their notices. */
export interface NoticeEvent {
  /** The recipient unit (a centre user's unit is the centre unit). */
  unitId: string;
  noticeId?: string;
  kind?: string;
  orderNo?: string | null;
}

/** Pushes in-app notice news to the units' live connections (SSE); across processes on PostgreSQL. */
export interface NoticeBus {
  /** Delivers to this process's subscribers of the unit at once (returns how many) and, on PostgreSQL, to other processes. */
  publish(event: NoticeEvent): Promise<number>;
  /** One event per distinct unit id (empty ids ignored); returns how many local subscribers got one. */
  publishUnits(unitIds: readonly string[]): Promise<number>;
  /** Returns an unsubscribe function. */
  subscribe(unitId: string, listener: (event: NoticeEvent) => void): () => void;
  /** Resolves when events from other processes are being received (at once on SQLite; at most ~3 s). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export const NOTICE_CHANNEL = 'huawu_notices';

/**
 * The bus, keyed by recipient unit id. Publish only after the transaction that wrote the notices has
 * committed (`publishNewNotices`), or a browser could reload before the rows are visible.
 */
export function createNoticeBus(database: Database, databaseUrl?: string): NoticeBus {
  const bus = createLiveBus<NoticeEvent>({
    database,
    databaseUrl,
    channel: NOTICE_CHANNEL,
    keyOf: (event) => (typeof event.unitId === 'string' && event.unitId ? event.unitId : undefined),
  });
  return {
    ...bus,
    async publishUnits(unitIds) {
      let delivered = 0;
      for (const unitId of new Set(unitIds.filter((id) => id))) delivered += await bus.publish({ unitId });
      return delivered;
    },
  };
}
