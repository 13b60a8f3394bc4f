import { api } from './client';

/** A unit as the unit maintenance page sees it (GET /api/units?all=1). */
export interface AdminUnit {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  parentId: string | null;
  path: string;
  dutyPhone: string | null;
  liaisonName: string | null;
  liaisonPhone: string | null;
  note: string | null;
  sortOrder: number;
  active: boolean;
}

/** The editable fields (PUT replaces them; blank optional fields are cleared). */
export interface UnitBody {
  name: string;
  kind: string;
  parentId: string | null;
  dutyPhone?: string;
  liaisonName?: string;
  liaisonPhone?: string;
  note?: string;
  sortOrder?: number;
}

export const fetchAllUnits = async (): Promise<AdminUnit[]> =>
  (await api.get<{ items: AdminUnit[] }>('/api/units?all=1')).items;

export const createUnit = (body: UnitBody & { id: string }) => api.post<AdminUnit>('/api/units', body);

export const updateUnit = (id: string, body: UnitBody) =>
  api.put<AdminUnit>(`/api/units/${encodeURIComponent(id)}`, body);

export const deactivateUnit = (id: string) =>
  api.post<AdminUnit>(`/api/units/${encodeURIComponent(id)}/deactivate`, {});

export const activateUnit = (id: string) =>
  api.post<AdminUnit>(`/api/units/${encodeURIComponent(id)}/activate`, {});
