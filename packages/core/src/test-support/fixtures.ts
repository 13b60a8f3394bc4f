import type { Actor } from '@huawu/domain';
import { seedDemo } from '../demo/seed-demo.js';
import type { TestCore } from './databases.js';

/** The demo city's accounts as actors (ids are stable: `demo-<username>`). */
export const DEMO_ACTORS = {
  agent: { userId: 'demo-agent', role: 'agent', unitId: 'centre' },
  dispatcher: { userId: 'demo-dispatcher', role: 'dispatcher', unitId: 'centre' },
  reviewer: { userId: 'demo-reviewer', role: 'reviewer', unitId: 'centre' },
  callback: { userId: 'demo-callback', role: 'callback', unitId: 'centre' },
  inspector: { userId: 'demo-inspector', role: 'inspector', unitId: 'centre' },
  supervisor: { userId: 'demo-supervisor', role: 'supervisor', unitId: 'centre' },
  admin: { userId: 'demo-admin', role: 'admin', unitId: 'centre' },
  handler: { userId: 'demo-handler', role: 'unit_handler', unitId: 'city-housing' },
  market: { userId: 'demo-market', role: 'unit_handler', unitId: 'city-market' },
  heping: { userId: 'demo-heping', role: 'unit_handler', unitId: 'east-heping' },
  eastadmin: { userId: 'demo-eastadmin', role: 'unit_admin', unitId: 'east' },
} satisfies Record<string, Actor>;

export const VALID_INTAKE = {
  channel: 'phone',
  callerName: '张先生',
  callerPhone: '13912345678',
  appealType: 'complaint',
  title: '小区噪音扰民',
  content: '反映小区附近工地夜间施工噪音扰民，希望处理。',
  address: '东城区和平路18号',
  urgency: 'normal',
};

/** Seeds the demo city (units, accounts and demo orders) into a fresh test database. */
export async function seedCity(core: TestCore): Promise<void> {
  await seedDemo(core);
}
