import { beforeAll, expect, it } from 'vitest';
import { type TestGuide, insertTestGuides } from '../../../core/src/accuracy/test-support/guides.js';
import { describeEachDatabase } from '../../../core/src/test-support/databases.js';
import { expectError, issueFields, useCity } from '../test-support/http.js';

interface Round {
  id: string;
  status: string;
  items: { id: string; articleId: string; question: string; phone: string; task: { id: string } | null }[];
}

describeEachDatabase('HTTP accuracy checks', (db) => {
  const city = useCity(db, { logins: ['supervisor', 'inspector', 'handler', 'market', 'agent'] });
  let guides: TestGuide[];
  let round: Round;

  const call = async (user: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    city.app.inject({
      method,
      url,
      headers: user ? await city.auth(user) : {},
      ...(payload === undefined ? {} : { payload }),
    });
  const plan = (body: Record<string, unknown>) =>
    call('supervisor', 'POST', '/api/accuracy/rounds', {
      name: 'HTTP 检查',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      unitIds: ['city-housing'],
      checkerId: 'demo-inspector',
      ...body,
    });

  beforeAll(async () => {
    guides = await insertTestGuides(city.core, [
      { title: 'HTTP 测试指南甲', ownerUnitId: 'city-housing' },
      { title: 'HTTP 测试指南乙', ownerUnitId: 'city-housing' },
    ]);
    const res = await plan({ items: guides.map((g) => ({ articleId: g.id })) });
    expect(res.statusCode, res.body).toBe(201);
    round = res.json<Round>();
  });

  it('plans a round (201) and reads it back with its items', async () => {
    expect(round.status).toBe('planned');
    expect(round.items.map((i) => i.question)).toEqual([
      '办理HTTP 测试指南甲需要哪些材料？',
      '办理HTTP 测试指南乙需要哪些材料？',
    ]);
    const res = await call('inspector', 'GET', `/api/accuracy/rounds/${round.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<Round>().items).toHaveLength(2);
    const item = await call(
      'inspector',
      'GET',
      `/api/accuracy/rounds/${round.id}/items/${round.items[0]!.id}`,
    );
    expect(item.json()).toMatchObject({ canRecord: true, expected: { version: 1 } });
    const candidates = await call('supervisor', 'GET', '/api/accuracy/guides?unitIds=city-housing');
    expect(candidates.json<{ items: { articleId: string }[] }>().items.map((g) => g.articleId)).toEqual(
      expect.arrayContaining(guides.map((g) => g.id)),
    );
  });

  it('reports plan errors field by field', async () => {
    let body = expectError(
      await call('supervisor', 'POST', '/api/accuracy/rounds', { colour: 'red' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(issueFields(body).sort()).toEqual(
      ['checkerId', 'colour', 'name', 'periodEnd', 'periodStart', 'unitIds'].sort(),
    );
    body = expectError(await plan({ periodStart: '2026-02-30', items: [{ articleId: guides[0]!.id }] }), 400);
    expect(issueFields(body)).toEqual(['periodStart']);
    body = expectError(await plan({ items: [{ articleId: 'no-such-guide', phone: 'x'.repeat(41) }] }), 400);
    expect(issueFields(body)).toEqual(['items[0].phone']);
    body = expectError(await plan({ items: [{ articleId: 'no-such-guide' }] }), 400);
    expect(issueFields(body)).toEqual(['items[0].articleId']);
    body = expectError(await plan({ unitIds: ['city-market'], items: [{ articleId: guides[0]!.id }] }), 400);
    expect(issueFields(body)).toEqual(['items[0].articleId']);
    body = expectError(await plan({ samplePerUnit: 0 }), 400);
    expect(issueFields(body)).toEqual(['samplePerUnit']);
    body = expectError(await plan({}), 400);
    expect(issueFields(body)).toEqual(['items']);
    // The body's shape is checked first, then the role.
    expectError(await call('inspector', 'POST', '/api/accuracy/rounds', {}), 400, 'VALIDATION_FAILED');
    const valid = {
      name: '质检员安排',
      periodStart: '2026-01-01',
      periodEnd: '2026-01-31',
      unitIds: ['city-housing'],
      checkerId: 'demo-inspector',
      samplePerUnit: 1,
    };
    expectError(await call('inspector', 'POST', '/api/accuracy/rounds', valid), 403, 'ROLE_NOT_PERMITTED');
  });

  it('records checks, refusing bad fields and unit users', async () => {
    const url = `/api/accuracy/rounds/${round.id}/items/${round.items[1]!.id}/checks`;
    let body = expectError(
      await call('inspector', 'POST', url, { reached: 'yes', verdict: 'maybe', answerSeconds: -1 }),
      400,
    );
    expect(issueFields(body).sort()).toEqual(['answerSeconds', 'reached', 'verdict']);
    body = expectError(await call('inspector', 'POST', url, { reached: false, verdict: 'accurate' }), 400);
    expect(issueFields(body)).toEqual(['verdict']);
    expectError(
      await call('handler', 'POST', url, { reached: true, verdict: 'accurate' }),
      403,
      'ROLE_NOT_PERMITTED',
    );
    expectError(
      await call(null, 'POST', url, { reached: true, verdict: 'accurate' }),
      401,
      'UNAUTHENTICATED',
    );
    expectError(
      await call('inspector', 'POST', `/api/accuracy/rounds/${round.id}/items/nope/checks`, {
        reached: true,
        verdict: 'accurate',
      }),
      404,
      'NOT_FOUND',
    );
    const ok = await call('inspector', 'POST', url, {
      reached: true,
      answerSeconds: 25,
      verdict: 'wrong',
      notes: '答复的材料清单与指南不一致',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      roundStatus: 'in_progress',
      check: { verdict: 'wrong' },
      task: { status: 'open' },
    });
    expectError(
      await call('inspector', 'POST', url, { reached: true, verdict: 'accurate' }),
      409,
      'CONFLICT',
    );
  });

  it('scopes correction tasks to the owner unit: others get 404', async () => {
    const detail = (await call('supervisor', 'GET', `/api/accuracy/rounds/${round.id}`)).json<Round>();
    const taskId = detail.items[1]!.task!.id;
    const own = await call('handler', 'GET', '/api/accuracy/tasks?status=open');
    expect(own.json<{ items: { id: string }[] }>().items.map((t) => t.id)).toContain(taskId);
    const other = await call('market', 'GET', '/api/accuracy/tasks?pageSize=100');
    expect(other.json<{ items: { id: string }[] }>().items.map((t) => t.id)).not.toContain(taskId);
    expectError(await call('market', 'GET', `/api/accuracy/tasks/${taskId}`), 404, 'NOT_FOUND');
    expectError(await call('handler', 'GET', '/api/accuracy/tasks/no-such-task'), 404, 'NOT_FOUND');
    expectError(await call('agent', 'GET', '/api/accuracy/tasks'), 403, 'ROLE_NOT_PERMITTED');
    expectError(await call('handler', 'GET', `/api/accuracy/rounds/${round.id}`), 403, 'ROLE_NOT_PERMITTED');

    const act = (user: string, payload: unknown) =>
      call(user, 'POST', `/api/accuracy/tasks/${taskId}/actions`, payload);
    let body = expectError(
      await act('handler', { action: 'mark_fixed', input: { fixNote: '', extra: 1 } }),
      400,
    );
    expect(issueFields(body)).toEqual(['input.extra', 'input.fixNote']);
    body = expectError(await act('handler', { input: {} }), 400);
    expect(issueFields(body)).toEqual(['action']);
    expectError(await act('handler', { action: 'teleport' }), 400, 'UNKNOWN_EVENT');
    expectError(await act('market', { action: 'mark_fixed', input: { fixNote: '已改' } }), 404, 'NOT_FOUND');
    const fixed = await act('handler', { action: 'mark_fixed', input: { fixNote: '已更新窗口答复口径' } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ status: 'fixed', allowedActions: [] });
    const recheck = await act('inspector', {
      action: 'record_recheck',
      input: { reached: true, verdict: 'accurate' },
    });
    expect(recheck.json()).toMatchObject({ status: 'closed', recheckCount: 1 });
  });

  it('validates list queries and period reports under querystring.*', async () => {
    let body = expectError(await call('inspector', 'GET', '/api/accuracy/rounds?status=lost'), 400);
    expect(issueFields(body)).toEqual(['querystring.status']);
    body = expectError(await call('inspector', 'GET', '/api/accuracy/rounds?pageSize=500'), 400);
    expect(issueFields(body)).toEqual(['querystring.pageSize']);
    body = expectError(
      await call('inspector', 'GET', '/api/accuracy/report?from=2026-1-1&to=2026-12-31'),
      400,
    );
    expect(issueFields(body)).toEqual(['querystring.from']);
    body = expectError(await call('inspector', 'GET', '/api/accuracy/tasks?overdue=yes'), 400);
    expect(issueFields(body)).toEqual(['querystring.overdue']);
    body = expectError(await call('supervisor', 'GET', '/api/accuracy/guides'), 400);
    expect(issueFields(body)).toEqual(['querystring.unitIds']);
    const period = await call('supervisor', 'GET', '/api/accuracy/report?from=2026-01-01&to=2026-12-31');
    expect(period.statusCode).toBe(200);
  });

  it('exports the round report as CSV and audits the export', async () => {
    const report = await call('inspector', 'GET', `/api/accuracy/rounds/${round.id}/report`);
    expect(report.json()).toMatchObject({ total: { items: 2, checks: 1, accuracyRate: 0 } });
    const res = await call('supervisor', 'GET', `/api/accuracy/rounds/${round.id}/report.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="accuracy-report-/);
    expect(res.body).toContain('市住房和城乡建设局,2,1,1,1,100.0%,25');
    const audit = await call('supervisor', 'GET', `/api/audit?targetId=${round.id}&action=export`);
    expect(audit.json<{ items: unknown[] }>().items).toHaveLength(1);
    expectError(await call('handler', 'GET', `/api/accuracy/rounds/${round.id}/report.csv`), 403);
    expectError(await call('supervisor', 'GET', '/api/accuracy/rounds/nope/report.csv'), 404, 'NOT_FOUND');
  });

  it('reads and changes settings (supervisor/admin only)', async () => {
    expect((await call('handler', 'GET', '/api/accuracy/settings')).json()).toMatchObject({
      partlyWeight: 0.5,
    });
    let body = expectError(
      await call('supervisor', 'PUT', '/api/accuracy/settings', { partlyWeight: 2 }),
      400,
    );
    expect(issueFields(body)).toEqual(['partlyWeight']);
    body = expectError(
      await call('supervisor', 'PUT', '/api/accuracy/settings', { correctionDays: 1.5 }),
      400,
    );
    expect(issueFields(body)).toEqual(['correctionDays']);
    expectError(
      await call('inspector', 'PUT', '/api/accuracy/settings', { warningDays: 2 }),
      403,
      'ROLE_NOT_PERMITTED',
    );
    const res = await call('supervisor', 'PUT', '/api/accuracy/settings', { warningDays: 2 });
    expect(res.json()).toMatchObject({ warningDays: 2, correctionDays: 5 });
    await call('supervisor', 'PUT', '/api/accuracy/settings', { warningDays: 1 });
  });
});
