import { isStatus } from '@huawu/domain';
import type { OrderQuery } from '../../api/types';

export const DEFAULT_PAGE_SIZE = 20;

/** Reads the list filters from the URL query string (the URL is the single source of truth). */
export function parseListQuery(params: URLSearchParams): OrderQuery {
  const positive = (raw: string | null, fallback: number, max: number) => {
    const value = Number(raw);
    return Number.isInteger(value) && value >= 1 ? Math.min(value, max) : fallback;
  };
  const text = (key: string) => params.get(key)?.trim() || undefined;
  const status = (params.get('status') ?? '').split(',').filter(isStatus);
  return {
    status: status.length ? status : undefined,
    appealType: text('appealType'),
    urgency: text('urgency'),
    unitId: text('unitId'),
    from: text('from'),
    to: text('to'),
    overdue: params.get('overdue') === 'true' || undefined,
    q: text('q'),
    page: positive(params.get('page'), 1, 100_000),
    pageSize: positive(params.get('pageSize'), DEFAULT_PAGE_SIZE, 100),
  };
}

/** Writes filters back; defaults are left out so URLs stay short. */
export function toSearchParams(query: OrderQuery): URLSearchParams {
  const params = new URLSearchParams();
  const set = (key: string, value: string | undefined) => value && params.set(key, value);
  set('status', query.status?.join(','));
  set('appealType', query.appealType);
  set('urgency', query.urgency);
  set('unitId', query.unitId);
  set('from', query.from);
  set('to', query.to);
  set('overdue', query.overdue ? 'true' : undefined);
  set('q', query.q);
  if (query.page !== 1) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  return params;
}

export type FilterPatch = Partial<Omit<OrderQuery, 'page' | 'pageSize'>>;
