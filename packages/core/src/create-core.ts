import { DEFAULT_MACHINE_CONFIG } from '@huawu/domain';
import { createCalendarService } from './calendar-service.js';
import type { CoreConfig, CoreDeps } from './deps.js';
import { type Database, migrateToLatest, openDatabase } from './storage/database.js';
import { loadHolidays } from './storage/admin.repository.js';
import { BUNDLED_HOLIDAY_YEARS } from './calendar-data/index.js';
import { importHolidayCnYear } from './use-cases/manage-calendar.js';
import { createCallEventBus } from './intake/call-event-bus.js';
import { createNoticeBus } from './notifications/notice-bus.js';
import { createKnowledgeSearch } from './search/knowledge-search.js';
import { seedIntakeDefaults } from './intake/seed-intake-defaults.js';

export const DEFAULT_CONFIG: CoreConfig = {
  timeZone: 'Asia/Shanghai',
  machine: DEFAULT_MACHINE_CONFIG,
  sessionTtlHours: 12,
  loginMaxFailures: 5,
  loginLockMinutes: 15,
};

export interface CoreOptions {
  databaseUrl: string;
  config?: Partial<CoreConfig>;
  now?: () => Date;
  poolSize?: number;
}

/** The composition root: opens storage and wires the dependencies every use case receives. */
export function createCore(options: CoreOptions): CoreDeps & { close(): Promise<void> } {
  const database: Database = openDatabase(options.databaseUrl, { poolSize: options.poolSize });
  const config = { ...DEFAULT_CONFIG, ...options.config };
  const search = createKnowledgeSearch(database);
  const calls = createCallEventBus(database, options.databaseUrl);
  const notices = createNoticeBus(database, options.databaseUrl);
  return {
    database,
    config,
    now: options.now ?? (() => new Date()),
    calendar: createCalendarService(database, config.timeZone),
    search,
    calls,
    notices,
    close: async () => {
      search.close();
      await calls.close();
      await notices.close();
      await database.close();
    },
  };
}

/**
 * Migrates and, on an empty calendar, loads the holiday years shipped with Huawu; fills empty intake
 * tables (category taxonomy, phrases, scope rules) with their defaults.
 */
export async function prepareDatabase(
  deps: CoreDeps,
): Promise<{ migrations: string[]; calendarYears: number[] }> {
  const migrations = await migrateToLatest(deps.database);
  const { years } = await loadHolidays(deps.database.db);
  const loaded: number[] = [];
  if (years.length === 0) {
    for (const file of BUNDLED_HOLIDAY_YEARS) {
      const result = await importHolidayCnYear(deps, null, file, 'bundled holiday-cn');
      loaded.push(result.year);
    }
  }
  await seedIntakeDefaults(deps);
  return { migrations, calendarYears: loaded };
}
