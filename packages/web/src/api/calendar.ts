import { api } from './client';
import type { CalendarYear } from './types';

export const fetchCalendar = (year: number) => api.get<CalendarYear>(`/api/calendar/${year}`);
