import { createSessionCache } from '@huawu/core';
import { DEFAULT_CLOSURE_POLICY } from '@huawu/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../core/src/test-support/databases.js';
import type { TestCore } from '../../../core/src/test-support/databases.js';
import { seedCity } from '../../../core/src/test-support/fixtures.js';
import { buildApp } from '../app.js';
import { expectError, issueFields, loginToken } from '../test-support/http.js';
import { closureRoutes } from './closure.routes.js';

describeEachDatabase('HTTP 办结与归档规则 (closure policy)', (db) => {
  let app: FastifyInstance;
  let core: TestCore;
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    core = await db.newCore();
    await seedCity(core);
    app = await buildApp({ core });
    // Registered here until app.ts registers it (then the route exists already).
    if (!app.hasRoute({ method: 'GET', url: '/api/admin/closure-policy' }))
      closureRoutes(app, { core, sessions: createSessionCache() });
    for (const u of ['admin', 'supervisor', 'reviewer', 'callback', 'handler', 'dispatcher'])
      tokens.set(u, await loginToken(app, u));
  });
  afterAll(async () => {
    await app?.close();
  });
  const call = (method: 'GET' | 'PUT', user?: string, payload?: unknown) =>
    app.inject({
      method,
      url: '/api/admin/closure-policy',
      headers: user ? { authorization: `Bearer ${tokens.get(user)}` } : {},
      ...(payload === undefined ? {} : { payload: payload as string }),
    });

  it('everyone signed in reads the policy (the defaults at first)', async () => {
    for (const user of ['callback', 'handler']) {
      const res = await call('GET', user);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual(DEFAULT_CLOSURE_POLICY);
    }
    expectError(await call('GET'), 401, 'UNAUTHENTICATED');
  });

  it('supervisors and admins change it, audited; others are refused', async () => {
    const policy = {
      ...DEFAULT_CLOSURE_POLICY,
      satisfactionScale: 5,
      attemptGapMinutes: 30,
      reviewChecklist: [{ id: 'only_check', label: '答复针对诉求', required: true }],
    };
    for (const user of ['reviewer', 'callback', 'handler']) expectError(await call('PUT', user, policy), 403);
    const saved = await call('PUT', 'supervisor', policy);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ satisfactionScale: 5, attemptGapMinutes: 30 });
    expect((await call('GET', 'callback')).json()).toMatchObject({
      satisfactionScale: 5,
      reviewChecklist: [{ id: 'only_check', required: true }],
    });
    const back = await call('PUT', 'admin', DEFAULT_CLOSURE_POLICY);
    expect(back.json()).toEqual(DEFAULT_CLOSURE_POLICY);
    const audit = await core.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('target_id', '=', 'closure_policy')
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['settings_change', 'settings_change']);
  });

  it('the 回访台 queues answer callback staff and reviewers, not dispatchers or units', async () => {
    const queue = (name: string, user: string) =>
      app.inject({
        method: 'GET',
        url: `/api/desk/queues/${name}?pageSize=5`,
        headers: { authorization: `Bearer ${tokens.get(user)}` },
      });
    for (const name of ['review', 'reply', 'callback', 'escalated', 'appeals']) {
      const res = await queue(name, 'callback');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ queue: name, page: 1, pageSize: 5, totalCapped: false });
    }
    // The demo city has orders waiting for a callback, each with its attempts and limit.
    const callback = (await queue('callback', 'reviewer')).json<{
      items: { attempts: number; maxAttempts: number }[];
    }>();
    expect(callback.items.length).toBeGreaterThan(0);
    expect(callback.items[0]).toMatchObject({ maxAttempts: 3 });
    expectError(await queue('callback', 'dispatcher'), 403, 'ROLE_NOT_PERMITTED');
    expectError(await queue('appeals', 'handler'), 403, 'ROLE_NOT_PERMITTED');
  });

  it('a bad policy is a 400 naming each field', async () => {
    const body = expectError(
      await call('PUT', 'admin', {
        satisfactionScale: 4,
        attemptGapMinutes: -1,
        directAnswerSampleRate: 2,
        retentionYears: { complaint: 0 },
        reviewChecklist: [{ id: 'Bad', label: '' }],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(issueFields(body)).toEqual(
      expect.arrayContaining([
        'satisfactionScale',
        'attemptGapMinutes',
        'directAnswerSampleRate',
        'retentionYears.complaint',
        'reviewChecklist.0.id',
        'reviewChecklist.0.label',
      ]),
    );
    expectError(await call('PUT', 'admin', []), 400, 'VALIDATION_FAILED');
  });
});
