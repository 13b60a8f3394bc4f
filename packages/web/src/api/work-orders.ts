import { api, buildQuery } from './client';
import type { CreateOrderBody, OrderDetail, OrderQuery, OrderSummary, Page, TransitionInput } from './types';

const base = '/api/work-orders';

export function listOrders(query: OrderQuery): Promise<Page<OrderSummary>> {
  const search = buildQuery({
    status: query.status?.length ? query.status.join(',') : undefined,
    appealType: query.appealType,
    urgency: query.urgency,
    unitId: query.unitId,
    from: query.from,
    to: query.to,
    overdue: query.overdue ? 'true' : undefined,
    q: query.q,
    page: query.page,
    pageSize: query.pageSize,
  });
  return api.get<Page<OrderSummary>>(`${base}${search}`);
}

export const getOrder = (id: string) => api.get<OrderDetail>(`${base}/${encodeURIComponent(id)}`);

export const createOrder = (body: CreateOrderBody) => api.post<OrderDetail>(base, body);

export const transitionOrder = (id: string, event: string, input: TransitionInput, version: number) =>
  api.post<OrderDetail>(`${base}/${encodeURIComponent(id)}/transitions`, { event, input, version });
