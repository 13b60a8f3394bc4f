import type { Actor } from '@huawu/domain';
import type { CoreDeps } from '../deps.js';
import { createDispatchEntry } from '../dispatch/manage-catalogue.js';

/** The demo city's dispatch catalogue (派单目录): category → lead unit (+ co-units), one by division. */
export const DEMO_DISPATCH_ENTRIES: {
  categoryCode: string;
  divisionCode?: string;
  leadUnitId: string;
  coUnitIds?: string[];
  note?: string;
}[] = [
  { categoryCode: '01', leadUnitId: 'city-housing', note: '城乡建设与城市管理类兜底' },
  { categoryCode: '0101', leadUnitId: 'city-housing' },
  { categoryCode: '0102', leadUnitId: 'city-housing' },
  { categoryCode: '0105', divisionCode: '620102', leadUnitId: 'east', note: '东城区市容由区政府属地负责' },
  { categoryCode: '0105', divisionCode: '620103', leadUnitId: 'west', note: '西城区市容由区政府属地负责' },
  { categoryCode: '0105', leadUnitId: 'city-housing' },
  { categoryCode: '0108', leadUnitId: 'city-housing', coUnitIds: ['city-eco'] },
  { categoryCode: '0109', leadUnitId: 'city-housing' },
  { categoryCode: '0201', leadUnitId: 'city-housing' },
  { categoryCode: '0203', leadUnitId: 'city-housing' },
  { categoryCode: '0205', leadUnitId: 'city-housing', coUnitIds: ['city-market'] },
  { categoryCode: '0301', leadUnitId: 'city-transport' },
  { categoryCode: '0302', leadUnitId: 'city-transport' },
  { categoryCode: '0401', leadUnitId: 'city-eco' },
  { categoryCode: '0403', leadUnitId: 'city-eco' },
  { categoryCode: '0501', leadUnitId: 'city-market' },
  { categoryCode: '0505', leadUnitId: 'city-market' },
  { categoryCode: '0601', leadUnitId: 'city-hrss' },
  { categoryCode: '0603', leadUnitId: 'city-hrss' },
  { categoryCode: '0801', leadUnitId: 'city-edu' },
  { categoryCode: '0803', leadUnitId: 'city-edu', coUnitIds: ['city-market'] },
];

const DEMO_ADMIN: Actor = { userId: 'demo-admin', role: 'admin', unitId: 'centre' };

/** Loads the demo catalogue through the real use case (validated and audited as the demo admin). */
export async function seedDemoDispatch(deps: CoreDeps): Promise<void> {
  for (const entry of DEMO_DISPATCH_ENTRIES) await createDispatchEntry(deps, DEMO_ADMIN, entry);
}
