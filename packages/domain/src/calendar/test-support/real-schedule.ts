/**
 * Test helper: the shipped holiday-cn files (packages/core/src/calendar-data), read from disk so the
 * tests exercise the very data that seeds storage.
 */
import { readFileSync } from 'node:fs';
import {
  type HolidaySchedule,
  type HolidayYear,
  parseHolidayCnYear,
  scheduleFromYears,
} from '../holiday-schedule.js';

const DATA_DIR = new URL('../../../../core/src/calendar-data/', import.meta.url);

export const SHIPPED_YEARS = [2024, 2025, 2026] as const;

export const readHolidayFile = (year: number): unknown =>
  JSON.parse(readFileSync(new URL(`${year}.json`, DATA_DIR), 'utf8'));

export const loadYear = (year: number): HolidayYear => {
  const parsed = parseHolidayCnYear(readHolidayFile(year));
  if (!parsed.ok) throw new Error(`${year}.json: ${JSON.stringify(parsed.error)}`);
  return parsed.value;
};

/** Schedule covering 2024–2026 (2023 and 2027 are missing on purpose). */
export const realSchedule = (): HolidaySchedule => scheduleFromYears(SHIPPED_YEARS.map(loadYear));
