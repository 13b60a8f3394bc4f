import { ROLE_LABELS, STATUS_LABELS } from '@huawu/domain';
import dayjs from 'dayjs';

export const EMPTY = '—';

/** Formats an ISO 8601 instant in the browser's local time. */
export function formatTime(iso: string | null | undefined, pattern = 'YYYY-MM-DD HH:mm'): string {
  if (!iso) return EMPTY;
  const value = dayjs(iso);
  return value.isValid() ? value.format(pattern) : iso;
}

/** Looks up a Chinese label, falling back to the raw value (never an empty cell). */
export function labelOf(labels: Record<string, string>, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  return labels[value] ?? value;
}

export function statusLabel(status: string | null | undefined): string {
  return labelOf(STATUS_LABELS, status);
}

export function roleLabel(role: string | null | undefined): string {
  return labelOf(ROLE_LABELS, role);
}

export function yesNo(value: boolean | null | undefined): string {
  if (value === null || value === undefined) return EMPTY;
  return value ? '是' : '否';
}

export function orEmpty(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? EMPTY : String(value);
}
