import type { MachineConfig } from '@huawu/domain';
import type { CalendarService } from './calendar-service.js';
import type { CallEventBus } from './intake/call-event-bus.js';
import type { NoticeBus } from './notifications/notice-bus.js';
import type { KnowledgeSearch } from './search/knowledge-search.js';
import type { Database } from './storage/database.js';

export interface CoreConfig {
  /** IANA zone of the hotline: local dates, working days and order numbers use it. */
  timeZone: string;
  machine: MachineConfig;
  sessionTtlHours: number;
  /** Failed logins per username before a temporary lock. */
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Shared secret of the telephone switch integration (`Authorization: Bearer …` on POST /api/cti/events). */
  ctiToken?: string;
  /** How far back the intake check looks for duplicate open orders (days; default 30). */
  duplicateWindowDays?: number;
  /** SMS gateway (HTTP adapter: POST JSON to `url`, optional `Authorization: Bearer token`); absent = logging only. */
  sms?: { url: string; token?: string };
}

/** What every use case receives: storage, the clock and configuration. Nothing ambient. */
export interface CoreDeps {
  database: Database;
  now: () => Date;
  config: CoreConfig;
  calendar: CalendarService;
  /** Knowledge-base search index (kept fresh against the database). */
  search: KnowledgeSearch;
  /** CTI call events (screen pop) delivered to agents' browsers, across processes on PostgreSQL. */
  calls: CallEventBus;
  /** "New in-app notices for this unit", pushed to browsers after the writing transaction commits. */
  notices: NoticeBus;
}
