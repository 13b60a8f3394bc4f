import {
  DEFAULT_DEADLINE_POLICY,
  DEFAULT_WORKING_HOURS,
  type DeadlineContext,
  type DeadlinePolicy,
  buildSchedule,
  parseDeadlinePolicy,
  parseWorkingHours,
} from '@huawu/domain';
import { loadHolidays, readSetting } from './storage/admin.repository.js';
import type { Database } from './storage/database.js';

export const DEADLINE_POLICY_KEY = 'deadline_policy';
export const WORKING_HOURS_KEY = 'working_hours';

/**
 * Holiday schedule, working hours and deadline policy, read from the database and cached briefly.
 * Writers in this process invalidate at once; other processes see a change within `ttlMs`.
 */
export interface CalendarService {
  context(): Promise<DeadlineContext>;
  policy(): Promise<DeadlinePolicy>;
  invalidate(): void;
}

export function createCalendarService(database: Database, timeZone: string, ttlMs = 30_000): CalendarService {
  let cached: { at: number; ctx: DeadlineContext; policy: DeadlinePolicy } | undefined;
  let loading: Promise<NonNullable<typeof cached>> | undefined;

  async function load(): Promise<NonNullable<typeof cached>> {
    const { years, days } = await loadHolidays(database.db);
    const storedPolicy = await readSetting(database.db, DEADLINE_POLICY_KEY);
    const storedHours = await readSetting(database.db, WORKING_HOURS_KEY);
    const policy = storedPolicy === undefined ? undefined : parseDeadlinePolicy(storedPolicy);
    const hours = storedHours === undefined ? undefined : parseWorkingHours(storedHours);
    return {
      at: Date.now(),
      ctx: {
        schedule: buildSchedule(years, days),
        workingHours: hours?.ok ? hours.value : DEFAULT_WORKING_HOURS,
        timeZone,
      },
      policy: policy?.ok ? policy.value : DEFAULT_DEADLINE_POLICY,
    };
  }

  async function current(): Promise<NonNullable<typeof cached>> {
    if (cached && Date.now() - cached.at < ttlMs) return cached;
    loading ??= load().finally(() => {
      loading = undefined;
    });
    cached = await loading;
    return cached;
  }

  return {
    context: async () => (await current()).ctx,
    policy: async () => (await current()).policy,
    invalidate: () => {
      cached = undefined;
    },
  };
}
