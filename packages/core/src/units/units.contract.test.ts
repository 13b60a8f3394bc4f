import { beforeAll, expect, it } from 'vitest';
import {
  A,
  DEMO_PASSWORD_HASH,
  dispatched,
  expectAppError,
  fieldsOf,
  seedPeople,
} from '../test-support/contract-helpers.js';
import { type TestCore, describeEachDatabase } from '../test-support/databases.js';
import { insertUser } from '../storage/identity.repository.js';
import { getWorkOrder } from '../use-cases/get-work-order.js';
import { listUnits } from '../use-cases/list-units.js';
import { activateUnit, createUnit, deactivateUnit, updateUnit } from './manage-units.js';

const westAdmin = { userId: 'demo-westadmin', role: 'unit_admin' as const, unitId: 'west' };

const community = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `${id} 社区居委会`,
  kind: 'community',
  parentId: 'east-heping',
  ...extra,
});

describeEachDatabase('unit tree maintenance (承办单位)', (db) => {
  let core: TestCore;
  const pathOf = async (id: string) =>
    (await core.database.db.selectFrom('units').select('path').where('id', '=', id).executeTakeFirstOrThrow())
      .path;
  const auditOf = async (id: string) =>
    (
      await core.database.db
        .selectFrom('audit_log')
        .select(['action', 'actor_id'])
        .where('target_id', '=', id)
        .orderBy('at')
        .execute()
    ).map((r) => `${r.action}:${r.actor_id}`);

  beforeAll(async () => {
    core = await db.newCore();
    await seedPeople(core);
    await insertUser(
      core.database.db,
      {
        id: westAdmin.userId,
        username: 'westadmin',
        displayName: '西城区管理员',
        passwordHash: DEMO_PASSWORD_HASH,
        role: 'unit_admin',
        unitId: 'west',
        active: true,
      },
      core.now().toISOString(),
    );
  });

  it('admins create a community with liaison under a street; it is listed with its contacts and audited', async () => {
    const created = await createUnit(
      core,
      A.admin,
      community('heping-c1', {
        dutyPhone: '0931-8230111',
        liaisonName: '刘洋',
        liaisonPhone: '139 0000 1111',
      }),
    );
    expect(created).toMatchObject({
      id: 'heping-c1',
      path: '/east/east-heping/heping-c1/',
      kindLabel: '社区（村）',
      liaisonName: '刘洋',
      liaisonPhone: '139 0000 1111',
      active: true,
    });
    const listed = (await listUnits(core)).find((u) => u.id === 'heping-c1');
    expect(listed).toMatchObject({ dutyPhone: '0931-8230111', parentId: 'east-heping', liaisonName: '刘洋' });
    const updated = await updateUnit(core, A.admin, 'heping-c1', {
      name: '和平一社区',
      kind: 'community',
      parentId: 'east-heping',
      dutyPhone: '0931-8230199',
    });
    expect(updated).toMatchObject({ name: '和平一社区', dutyPhone: '0931-8230199', liaisonName: null });
    expect(await auditOf('heping-c1')).toEqual(['unit_create:demo-admin', 'unit_update:demo-admin']);
  });

  it('refuses bad input, duplicates, wrong placement and other roles', async () => {
    let e = await expectAppError(
      createUnit(core, A.admin, community('Bad Id', { dutyPhone: '12' })),
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(e)).toEqual(['id', 'dutyPhone']);
    e = await expectAppError(
      createUnit(core, A.admin, { ...community('heping-x'), name: '', kind: 'village' }),
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(e).sort()).toEqual(['kind', 'name']);
    e = await expectAppError(createUnit(core, A.admin, community('east')), 'CONFLICT');
    expect(fieldsOf(e)).toEqual(['id']);
    await createUnit(core, A.admin, community('heping-c2'));
    e = await expectAppError(
      createUnit(core, A.admin, { ...community('heping-c3'), name: 'heping-c2 社区居委会' }),
      'CONFLICT',
    );
    expect(fieldsOf(e)).toEqual(['name']);
    e = await expectAppError(
      createUnit(core, A.admin, community('heping-c4', { parentId: 'east' })),
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(e)).toEqual(['parentId']);
    e = await expectAppError(
      createUnit(core, A.admin, community('heping-c5', { parentId: 'nowhere' })),
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(e)).toEqual(['parentId']);
    e = await expectAppError(
      createUnit(core, A.admin, { id: 'centre2', name: '第二中心', kind: 'centre' }),
      'CONFLICT',
    );
    expect(fieldsOf(e)).toEqual(['kind']);
    await expectAppError(createUnit(core, A.supervisor, community('heping-c6')), 'ROLE_NOT_PERMITTED');
    await expectAppError(createUnit(core, A.eastadmin, community('heping-c6')), 'ROLE_NOT_PERMITTED');
    await expectAppError(
      updateUnit(core, A.dispatcher, 'heping-c2', { name: '无', kind: 'city' }),
      'ROLE_NOT_PERMITTED',
    );
    await expectAppError(deactivateUnit(core, A.eastadmin, 'heping-c2'), 'ROLE_NOT_PERMITTED');
    await expectAppError(listUnits(core, A.dispatcher, { all: true }), 'ROLE_NOT_PERMITTED');
    await expectAppError(updateUnit(core, A.admin, 'nope', { name: '无', kind: 'city' }), 'NOT_FOUND');
  });

  it('refuses moving a unit into itself or its own subtree', async () => {
    const east = { name: '东城区人民政府', kind: 'district' };
    let e = await expectAppError(
      updateUnit(core, A.admin, 'east', { ...east, parentId: 'east' }),
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(e)).toEqual(['parentId']);
    e = await expectAppError(
      updateUnit(core, A.admin, 'east', { ...east, parentId: 'east-heping' }),
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(e)).toEqual(['parentId']);
    e = await expectAppError(
      updateUnit(core, A.admin, 'east', { ...east, kind: 'city' }),
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(e)).toEqual(['kind']);
    expect(await pathOf('east')).toBe('/east/');
  });

  it('moving a street moves its subtree; access scope follows the move', async () => {
    await createUnit(core, A.admin, community('heping-m1'));
    const order = await dispatched(core, { leadUnitId: 'east-heping' });
    await expect(getWorkOrder(core, A.eastadmin, order.id, { audit: false })).resolves.toMatchObject({
      id: order.id,
    });
    await expectAppError(getWorkOrder(core, westAdmin, order.id, { audit: false }), 'NOT_FOUND');

    const street = { name: '东城区和平街道办事处', kind: 'street', dutyPhone: '0931-8230101' };
    const moved = await updateUnit(core, A.admin, 'east-heping', { ...street, parentId: 'west' });
    expect(moved.path).toBe('/west/east-heping/');
    expect(await pathOf('heping-m1')).toBe('/west/east-heping/heping-m1/');
    expect(await pathOf('heping-c1')).toBe('/west/east-heping/heping-c1/');
    await expect(getWorkOrder(core, westAdmin, order.id, { audit: false })).resolves.toMatchObject({
      id: order.id,
    });
    await expect(getWorkOrder(core, A.heping, order.id, { audit: false })).resolves.toMatchObject({
      id: order.id,
    });
    await expectAppError(getWorkOrder(core, A.eastadmin, order.id, { audit: false }), 'NOT_FOUND');
    expect(await auditOf('east-heping')).toEqual(['unit_move:demo-admin']);

    await updateUnit(core, A.admin, 'east-heping', { ...street, parentId: 'east' });
    expect(await pathOf('heping-m1')).toBe('/east/east-heping/heping-m1/');
    await expect(getWorkOrder(core, A.eastadmin, order.id, { audit: false })).resolves.toMatchObject({
      id: order.id,
    });
  });

  it('deactivation is refused while the subtree has active accounts or open tasks; inactive units leave the pickers', async () => {
    let e = await expectAppError(deactivateUnit(core, A.admin, 'east'), 'CONFLICT');
    expect(e.message).toContain('2 个启用的账号');
    expect(e.message).toContain('及其下级单位');
    await createUnit(core, A.admin, community('heping-t1'));
    await dispatched(core, { leadUnitId: 'heping-t1' });
    e = await expectAppError(deactivateUnit(core, A.admin, 'heping-t1'), 'CONFLICT');
    expect(e.message).toContain('1 项未办结工单的任务');
    await expectAppError(deactivateUnit(core, A.admin, 'centre'), 'CONFLICT');

    await createUnit(core, A.admin, { id: 'city-new', name: '市新设局', kind: 'city' });
    await createUnit(core, A.admin, {
      id: 'city-new-sub',
      name: '市新设局下属中心',
      kind: 'city',
      parentId: 'city-new',
    });
    const off = await deactivateUnit(core, A.admin, 'city-new');
    expect(off.active).toBe(false);
    const ids = (await listUnits(core)).map((u) => u.id);
    expect(ids).not.toContain('city-new');
    expect(ids).not.toContain('city-new-sub');
    const all = await listUnits(core, A.admin, { all: true });
    expect(all.find((u) => u.id === 'city-new-sub')?.active).toBe(false);
    e = await expectAppError(
      createUnit(core, A.admin, { id: 'city-new-2', name: '下属二', kind: 'city', parentId: 'city-new' }),
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(e)).toEqual(['parentId']);
    await expectAppError(activateUnit(core, A.admin, 'city-new-sub'), 'CONFLICT');
    expect((await activateUnit(core, A.admin, 'city-new')).active).toBe(true);
    expect((await listUnits(core)).map((u) => u.id)).toContain('city-new');
    expect(await auditOf('city-new')).toEqual([
      'unit_create:demo-admin',
      'unit_deactivate:demo-admin',
      'unit_activate:demo-admin',
    ]);
  });
});
