import { api } from './client';
import type { Unit } from './types';

export const fetchUnits = async (): Promise<Unit[]> => (await api.get<{ items: Unit[] }>('/api/units')).items;
