import { api, buildQuery } from './client';

/** One 派单目录 entry as GET /api/dispatch/catalogue shows it (docs/DISPATCH.md). */
export interface DispatchEntry {
  id: string;
  categoryCode: string;
  categoryName: string | null;
  divisionCode: string | null;
  leadUnitId: string;
  leadUnitName: string | null;
  coUnitIds: string[];
  coUnits: { id: string; name: string | null }[];
  note: string | null;
  active: boolean;
}

export interface DispatchEntryBody {
  categoryCode: string;
  divisionCode?: string;
  leadUnitId: string;
  coUnitIds?: string[];
  note?: string;
  active?: boolean;
}

export interface DispatchSuggestion {
  entryId: string;
  leadUnitId: string;
  leadUnitName: string | null;
  coUnits: { id: string; name: string | null }[];
  note: string | null;
  matchedCategory: string;
  matchedDivision: string | null;
  categoryMatch: 'exact' | 'parent';
  divisionMatch: 'exact' | 'prefix' | 'any';
  reason: string;
}

export interface DispatchOverride {
  id: string;
  orderId: string;
  orderNo: string;
  category: string | null;
  divisionCode: string | null;
  event: string;
  suggestedEntryId: string | null;
  suggestedLeadUnitId: string;
  suggestedLeadUnitName: string | null;
  chosenLeadUnitId: string;
  chosenLeadUnitName: string | null;
  reason: string;
  actorId: string;
  actorName: string | null;
  at: string;
}

export const fetchDispatchCatalogue = (activeOnly = false) =>
  api.get<{ items: DispatchEntry[] }>(`/api/dispatch/catalogue${activeOnly ? '?active=1' : ''}`);

export const createDispatchEntry = (body: DispatchEntryBody) =>
  api.post<DispatchEntry>('/api/dispatch/catalogue', body);

export const updateDispatchEntry = (id: string, body: DispatchEntryBody) =>
  api.put<DispatchEntry>(`/api/dispatch/catalogue/${encodeURIComponent(id)}`, body);

export const fetchDispatchSuggestion = (orderId: string) =>
  api.get<{ orderId: string; suggestion: DispatchSuggestion | null }>(
    `/api/work-orders/${encodeURIComponent(orderId)}/dispatch-suggestion`,
  );

export const fetchDispatchOverrides = (limit: number, offset: number) =>
  api.get<{ total: number; items: DispatchOverride[] }>(
    `/api/dispatch/overrides${buildQuery({ limit, offset })}`,
  );
