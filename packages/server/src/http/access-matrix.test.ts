import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestGuides } from '../../../core/src/accuracy/test-support/guides.js';
import { describeEachDatabase } from '../../../core/src/test-support/databases.js';
import { VALID_INTAKE } from '../../../core/src/test-support/fixtures.js';
import { checkResponse } from '../test-support/fuzz.js';
import { expectError, issueFields, useCity } from '../test-support/http.js';

/**
 * Who may do what on the endpoints of the intake desk, CTI, knowledge base and guide-accuracy checks
 * (issue 3), for every role of the demo city plus an anonymous caller, with real ids. The table below
 * IS the access policy: a change of policy changes a cell here. Followed by the data-exposure checks
 * (caller data of other orders in duplicates, related and merged orders; drafts and tasks of other
 * units; calls of other agents).
 */

const WHO = [
  'agent',
  'dispatcher',
  'reviewer',
  'callback',
  'inspector',
  'supervisor',
  'admin',
  'handler', // unit_handler of 市住建局 (city-housing)
  'eastadmin', // unit_admin of 东城区 (east, with its streets east-heping, east-xinhua)
  'anon', // no session
] as const;
type Who = (typeof WHO)[number];
const USERS = WHO.filter((w) => w !== 'anon');

/** A cell: a success status, or a refusal: U 401 UNAUTHENTICATED, R 403 ROLE_NOT_PERMITTED, F 403 FORBIDDEN, N 404 NOT_FOUND. */
type Cell = 200 | 201 | 202 | 'U' | 'R' | 'F' | 'N';
const U = 'U';
const R = 'R';
const F = 'F';
const N = 'N';

// biome-ignore format: the access matrix is laid out as a table
const MATRIX = {
  //                                                                   agent disp  rev   cb    insp  sup   admin hdl   east  anon
  // ── intake desk ──────────────────────────────────────────────────────────────────────────────────────────────────────
  'GET  /api/intake/caller-history (audited read_personal)':          [200,  R,    200,  200,  R,    200,  200,  R,    R,    U],
  'POST /api/intake/check':                                           [200,  200,  200,  200,  R,    200,  200,  R,    R,    U],
  'POST /api/intake/orders (no decision)':                            [201,  201,  201,  201,  R,    201,  201,  R,    R,    U],
  'POST /api/intake/orders decision submit_for_dispatch':             [201,  R,    R,    R,    R,    201,  R,    R,    R,    U],
  'POST /api/intake/orders decision transfer_out (one click)':        [201,  R,    R,    R,    R,    201,  R,    R,    R,    U],
  'POST /api/intake/orders decision merge':                           [201,  201,  R,    R,    R,    201,  R,    R,    R,    U],
  'GET  /api/intake/phrases':                                         [200,  200,  200,  200,  200,  200,  200,  200,  200,  U],
  'POST /api/intake/phrases':                                         [F,    F,    F,    F,    F,    201,  201,  F,    F,    U],
  'PUT  /api/intake/phrases/:id':                                     [F,    F,    F,    F,    F,    200,  200,  F,    F,    U],
  'GET  /api/intake/scope-rules':                                     [200,  200,  200,  200,  200,  200,  200,  200,  200,  U],
  'POST /api/intake/scope-rules':                                     [F,    F,    F,    F,    F,    201,  201,  F,    F,    U],
  'PUT  /api/intake/scope-rules/:id':                                 [F,    F,    F,    F,    F,    200,  200,  F,    F,    U],
  'PUT  /api/intake/callers/:phone/flag':                             [F,    F,    F,    F,    F,    200,  200,  F,    F,    U],
  'GET  /api/categories':                                             [200,  200,  200,  200,  200,  200,  200,  200,  200,  U],
  'PUT  /api/categories/:code':                                       [F,    F,    F,    F,    F,    200,  200,  F,    F,    U],
  'POST /api/categories/import':                                      [F,    F,    F,    F,    F,    200,  200,  F,    F,    U],
  // ── work orders: 关联 and 并单 ────────────────────────────────────────────────────────────────────────────────────────
  'POST /api/work-orders/:id/links':                                  [200,  200,  200,  200,  R,    200,  200,  R,    R,    U],
  'POST /api/work-orders/:id/transitions merge (order in intake)':    [200,  200,  R,    R,    R,    200,  R,    N,    N,    U],
  // ── CTI ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
  'POST /api/cti/events (session, for oneself)':                      [202,  202,  202,  202,  202,  202,  202,  202,  202,  U],
  'POST /api/cti/events (session, for another agent)':                [F,    F,    F,    F,    F,    202,  202,  F,    F,    U],
  'GET  /api/cti/calls/current':                                      [200,  200,  200,  200,  200,  200,  200,  200,  200,  U],
  'GET  /api/cti/stream':                                             [200,  200,  200,  200,  200,  200,  200,  200,  200,  U],
  // ── knowledge base (articles owned by 市住建局 unless noted) ─────────────────────────────────────────────────────────
  'GET  /api/kb/search':                                              [200,  200,  200,  200,  200,  200,  200,  200,  200,  U],
  'GET  /api/kb/search includeDrafts=1':                              [200,  200,  200,  200,  200,  200,  200,  R,    R,    U],
  'GET  /api/kb/articles?status=draft,in_review (scoped)':            [200,  200,  200,  200,  200,  200,  200,  200,  200,  U],
  'GET  /api/kb/articles/:id (never-published draft)':                [200,  200,  200,  200,  200,  200,  200,  200,  N,    U],
  'GET  /api/kb/articles/:id/versions (scoped)':                      [200,  200,  200,  200,  200,  200,  200,  200,  200,  U],
  'GET  /api/kb/articles/:id/versions/1 (published)':                 [200,  200,  200,  200,  200,  200,  200,  200,  200,  U],
  'GET  /api/kb/articles/:id/versions/2 (in review)':                 [200,  200,  200,  200,  200,  200,  200,  200,  N,    U],
  'POST /api/kb/articles (owner 市住建局)':                            [201,  201,  201,  201,  201,  201,  201,  201,  R,    U],
  'POST /api/kb/articles (owner 和平街道, under 东城区)':               [201,  201,  201,  201,  201,  201,  201,  R,    201,  U],
  'POST /api/kb/articles/:id/versions (propose; 市住建局 article)':     [201,  201,  201,  201,  201,  201,  201,  201,  R,    U],
  'POST /api/kb/articles/:id/versions (propose; 和平街道 article)':     [201,  201,  201,  201,  201,  201,  201,  R,    201,  U],
  'POST …/versions/:v/submit (draft by supervisor)':                  [200,  200,  200,  200,  200,  200,  200,  200,  N,    U],
  'POST …/versions/:v/approve':                                       [R,    R,    R,    R,    R,    200,  200,  R,    N,    U],
  'POST …/versions/:v/reject':                                        [R,    R,    R,    R,    R,    200,  200,  R,    N,    U],
  'POST …/versions/:v/withdraw (draft by agent)':                     [200,  R,    R,    R,    R,    200,  200,  R,    N,    U],
  'POST /api/kb/articles/:id/expire (published)':                     [R,    R,    R,    R,    R,    200,  200,  R,    R,    U],
  'GET  /api/kb/review-queue (scoped)':                               [200,  200,  200,  200,  200,  200,  200,  200,  200,  U],
  'GET  /api/kb/stale (scoped)':                                      [200,  200,  200,  200,  200,  200,  200,  200,  200,  U],
  'POST /api/kb/import?dryRun=1':                                     [R,    R,    R,    R,    R,    200,  200,  R,    R,    U],
  'GET  /api/kb/export (scoped, audited)':                            [200,  200,  200,  200,  200,  200,  200,  200,  200,  U],
  'GET  /api/kb/gaps':                                                [200,  200,  200,  200,  200,  200,  200,  R,    R,    U],
  'POST /api/kb/gaps':                                                [201,  201,  201,  201,  201,  201,  201,  201,  201,  U],
  'POST /api/kb/gaps/:id/resolve':                                    [R,    R,    R,    R,    R,    200,  200,  R,    R,    U],
  'GET  /api/kb/stats':                                               [200,  200,  200,  200,  200,  200,  200,  R,    R,    U],
  // ── guide-accuracy checks (tasks of 市住建局 unless noted) ───────────────────────────────────────────────────────────
  'GET  /api/accuracy/settings':                                      [200,  200,  200,  200,  200,  200,  200,  200,  200,  U],
  'PUT  /api/accuracy/settings':                                      [R,    R,    R,    R,    R,    200,  200,  R,    R,    U],
  'GET  /api/accuracy/checkers':                                      [R,    R,    R,    R,    200,  200,  200,  R,    R,    U],
  'GET  /api/accuracy/guides':                                        [R,    R,    R,    R,    R,    200,  200,  R,    R,    U],
  'GET  /api/accuracy/rounds':                                        [R,    R,    R,    R,    200,  200,  200,  R,    R,    U],
  'POST /api/accuracy/rounds':                                        [R,    R,    R,    R,    R,    201,  201,  R,    R,    U],
  'GET  /api/accuracy/rounds/:id':                                    [R,    R,    R,    R,    200,  200,  200,  R,    R,    U],
  'POST /api/accuracy/rounds/:id/actions start':                      [R,    R,    R,    R,    R,    200,  200,  R,    R,    U],
  'GET  /api/accuracy/rounds/:id/items/:itemId':                      [R,    R,    R,    R,    200,  200,  200,  R,    R,    U],
  'POST /api/accuracy/rounds/:id/items/:itemId/checks':               [R,    R,    R,    R,    201,  201,  201,  R,    R,    U],
  'GET  /api/accuracy/rounds/:id/report':                             [R,    R,    R,    R,    200,  200,  200,  R,    R,    U],
  'GET  /api/accuracy/rounds/:id/report.csv (audited)':               [R,    R,    R,    R,    200,  200,  200,  R,    R,    U],
  'GET  /api/accuracy/report?from&to':                                [R,    R,    R,    R,    200,  200,  200,  R,    R,    U],
  'GET  /api/accuracy/tasks (scoped)':                                [R,    R,    R,    R,    200,  200,  200,  200,  200,  U],
  'GET  /api/accuracy/tasks/:id (市住建局 task)':                       [R,    R,    R,    R,    200,  200,  200,  200,  N,    U],
  'GET  /api/accuracy/tasks/:id (和平街道 task)':                       [R,    R,    R,    R,    200,  200,  200,  N,    200,  U],
  'POST /api/accuracy/tasks/:id/actions mark_fixed (市住建局 task)':    [R,    R,    R,    R,    R,    R,    R,    200,  N,    U],
  'POST /api/accuracy/tasks/:id/actions mark_fixed (和平街道 task)':    [R,    R,    R,    R,    R,    R,    R,    N,    200,  U],
  'POST /api/accuracy/tasks/:id/actions record_recheck':              [R,    R,    R,    R,    200,  200,  200,  R,    N,    U],
} satisfies Record<string, readonly Cell[]>;
type RowName = keyof typeof MATRIX;

/** What the matrix compares: a success status, or the refusal's letter; anything else verbatim. */
function outcomeOf(res: Reply): Cell | string {
  if (res.statusCode < 400) return res.statusCode as Cell;
  let code = '?';
  try {
    code = res.json<{ error: { code: string } }>().error.code;
  } catch {
    // reported verbatim below
  }
  const letter: Record<string, Cell> = {
    '401 UNAUTHENTICATED': U,
    '403 ROLE_NOT_PERMITTED': R,
    '403 FORBIDDEN': F,
    '404 NOT_FOUND': N,
  };
  return letter[`${res.statusCode} ${code}`] ?? `${res.statusCode} ${code}: ${res.body.slice(0, 160)}`;
}

type Reply = Pick<LightMyRequestResponse, 'statusCode' | 'body' | 'headers' | 'json'>;

const CTI_TOKEN = 'matrix-switch-token';
const HISTORY_PHONE = '13700001111';
const IMPORT_HEADER = 'department,main_item,item_name,item_code,area_code,task_type,dept_code,link';

describeEachDatabase('HTTP access matrix (issue 3)', (db) => {
  const city = useCity(db, { logins: [...USERS] });
  let baseUrl = '';
  let n = 0;
  const unique = (prefix: string) => `${prefix}${++n}`;

  const send = async (
    who: Who,
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> =>
    city.app.inject({
      method,
      url,
      headers: { ...(who === 'anon' ? {} : await city.auth(who)), ...headers },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });
  /** A request that must succeed (fixtures). */
  const must = async (who: Who, method: InjectOptions['method'], url: string, payload?: unknown) => {
    const res = await send(who, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const countAudit = async (filter: { action: string; actorId: string; targetId?: string }) => {
    let q = city.core.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('action', '=', filter.action)
      .where('actor_id', '=', filter.actorId);
    if (filter.targetId) q = q.where('target_id', '=', filter.targetId);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };

  // ── fixtures ───────────────────────────────────────────────────────────────────────────────────────
  const newOrder = (overrides: Record<string, unknown> = {}) =>
    must('agent', 'POST', '/api/work-orders', { ...VALID_INTAKE, ...overrides });
  /** An order dispatched to a unit (so the unit's users may read it). */
  const dispatchedOrder = async (unitId: string, overrides: Record<string, unknown> = {}) => {
    const o = await must('agent', 'POST', '/api/intake/orders', {
      order: { ...VALID_INTAKE, ...overrides },
      decision: { event: 'submit_for_dispatch', input: {} },
    });
    return must('dispatcher', 'POST', `/api/work-orders/${o.id}/transitions`, {
      event: 'dispatch',
      input: { leadUnitId: unitId },
      version: o.version,
    });
  };
  /** A knowledge-base guide brought to a stage by `author` (published by the supervisor). */
  const article = async (
    ownerUnitId: string,
    stage: 'draft' | 'in_review' | 'published',
    author: Who = 'supervisor',
  ): Promise<{ id: string; latestVersion: number }> => {
    const created = await must(author, 'POST', '/api/kb/articles', {
      kind: 'guide',
      title: unique('矩阵测试指南'),
      fields: { summary: '访问矩阵测试用的办事指南' },
      ownerUnitId,
    });
    if (stage === 'draft') return created;
    await must(author, 'POST', `/api/kb/articles/${created.id}/versions/1/submit`);
    if (stage === 'in_review') return created;
    return must('supervisor', 'POST', `/api/kb/articles/${created.id}/versions/1/approve`, {});
  };
  const latestVersion = async (id: string) =>
    (await must('supervisor', 'GET', `/api/kb/articles/${id}`)).latestVersion as number;
  /** A planned round of `count` fresh guides of `unitId`. */
  const planRound = async (unitId: string, count = 1) => {
    const guides = await insertTestGuides(
      city.core,
      Array.from({ length: count }, () => ({ title: unique('矩阵抽查指南'), ownerUnitId: unitId })),
    );
    const round = await must('supervisor', 'POST', '/api/accuracy/rounds', {
      name: unique('矩阵检查'),
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      unitIds: [unitId],
      checkerId: 'demo-inspector',
      items: guides.map((g) => ({ articleId: g.id })),
    });
    return { roundId: round.id as string, itemIds: round.items.map((i: { id: string }) => i.id) as string[] };
  };
  /** An open correction task of `unitId` (a first check found the answer wrong). */
  const openTask = async (unitId: string) => {
    const { roundId, itemIds } = await planRound(unitId);
    const item = await must(
      'inspector',
      'POST',
      `/api/accuracy/rounds/${roundId}/items/${itemIds[0]}/checks`,
      {
        reached: true,
        answerSeconds: 20,
        verdict: 'wrong',
        notes: '答复的材料与指南不一致',
      },
    );
    return item.task.id as string;
  };

  const fx = {} as {
    target: { id: string };
    linkA: { id: string };
    linkB: { id: string };
    draftHousing: { id: string };
    reviewHousing: { id: string };
    pubHousing: { id: string };
    pubHeping: { id: string };
    phraseId: string;
    phrase: { title: string; text: string };
    ruleId: string;
    rule: Record<string, unknown>;
    category: { code: string; name: string; parentCode: string };
    round: { roundId: string; itemIds: string[] };
    housingTask: string;
    hepingTask: string;
  };

  beforeAll(async () => {
    city.core.config.ctiToken = CTI_TOKEN;
    baseUrl = await city.app.listen({ port: 0, host: '127.0.0.1' });
    await newOrder({ callerPhone: HISTORY_PHONE });
    fx.target = await newOrder({ title: '并单目标工单' });
    fx.linkA = await newOrder({ title: '关联甲' });
    fx.linkB = await newOrder({ title: '关联乙' });
    fx.draftHousing = await article('city-housing', 'draft');
    fx.reviewHousing = await article('city-housing', 'published');
    await must('supervisor', 'POST', `/api/kb/articles/${fx.reviewHousing.id}/versions`, {
      title: '矩阵测试指南（修订中）',
      fields: { summary: '修订中的内容' },
      changeNote: '修订',
      baseVersion: 1,
    });
    await must('supervisor', 'POST', `/api/kb/articles/${fx.reviewHousing.id}/versions/2/submit`);
    fx.pubHousing = await article('city-housing', 'published');
    fx.pubHeping = await article('east-heping', 'published');
    const phrase = (await must('supervisor', 'GET', '/api/intake/phrases')).items[0];
    fx.phraseId = phrase.id;
    fx.phrase = { title: phrase.title, text: phrase.text };
    fx.rule = {
      kind: 'not_accept',
      label: '矩阵规则',
      keywords: ['矩阵测试词'],
      reasonCode: 'excluded_by_law',
      script: '抱歉，这个问题不属于12345热线受理范围，建议您咨询相关机构。',
    };
    fx.ruleId = (await must('supervisor', 'POST', '/api/intake/scope-rules', fx.rule)).id;
    const categories = (await must('supervisor', 'GET', '/api/categories')).items;
    const child = categories.find((c: { level: number }) => c.level === 2);
    fx.category = { code: child.code, name: child.name, parentCode: child.parentCode };
    fx.round = await planRound('city-housing', 2);
    fx.housingTask = await openTask('city-housing');
    fx.hepingTask = await openTask('east-heping');
  });
  afterAll(() => {
    city.core.config.ctiToken = undefined;
  });

  /** Opens the event stream as `who` (real connection), reads its first bytes, closes it. */
  const openStream = async (who: Who): Promise<Reply> => {
    const controller = new AbortController();
    const res = await fetch(`${baseUrl}/api/cti/stream`, {
      headers: who === 'anon' ? {} : await city.auth(who),
      signal: controller.signal,
    });
    let body = '';
    if (res.status === 200) {
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const chunk = await res.body?.getReader().read();
      body = new TextDecoder().decode(chunk?.value);
      expect(body).toContain('retry: 3000');
      controller.abort();
    } else body = await res.text();
    const headers = Object.fromEntries(res.headers.entries());
    return { statusCode: res.status, body, headers, json: () => JSON.parse(body) } as Reply;
  };

  // ── how each row is exercised, per role (fresh state where a success changes it) ─────────────────
  const SENDERS: Record<RowName, (who: Who) => Promise<Reply>> = {
    'GET  /api/intake/caller-history (audited read_personal)': async (who) => {
      const audit = { action: 'read_personal', actorId: `demo-${who}`, targetId: HISTORY_PHONE };
      const before = await countAudit(audit);
      const res = await send(who, 'GET', `/api/intake/caller-history?phone=${HISTORY_PHONE}`);
      expect(await countAudit(audit), 'one read_personal row per successful read').toBe(
        before + (res.statusCode === 200 ? 1 : 0),
      );
      return res;
    },
    'POST /api/intake/check': (who) =>
      send(who, 'POST', '/api/intake/check', { title: VALID_INTAKE.title, callerPhone: HISTORY_PHONE }),
    'POST /api/intake/orders (no decision)': (who) =>
      send(who, 'POST', '/api/intake/orders', { order: VALID_INTAKE }),
    'POST /api/intake/orders decision submit_for_dispatch': (who) =>
      send(who, 'POST', '/api/intake/orders', {
        order: VALID_INTAKE,
        decision: { event: 'submit_for_dispatch', input: {} },
      }),
    'POST /api/intake/orders decision transfer_out (one click)': (who) =>
      send(who, 'POST', '/api/intake/orders', {
        order: {},
        decision: { event: 'transfer_out', input: { target: '119' } },
      }),
    'POST /api/intake/orders decision merge': (who) =>
      send(who, 'POST', '/api/intake/orders', {
        order: VALID_INTAKE,
        decision: { event: 'merge', input: { targetOrderId: fx.target.id } },
      }),
    'GET  /api/intake/phrases': (who) => send(who, 'GET', '/api/intake/phrases'),
    'POST /api/intake/phrases': (who) =>
      send(who, 'POST', '/api/intake/phrases', {
        step: 'closing',
        title: unique('矩阵'),
        text: '祝您生活愉快。',
      }),
    'PUT  /api/intake/phrases/:id': (who) =>
      send(who, 'PUT', `/api/intake/phrases/${fx.phraseId}`, fx.phrase),
    'GET  /api/intake/scope-rules': (who) => send(who, 'GET', '/api/intake/scope-rules'),
    'POST /api/intake/scope-rules': (who) =>
      send(who, 'POST', '/api/intake/scope-rules', { ...fx.rule, label: unique('矩阵规则'), active: false }),
    'PUT  /api/intake/scope-rules/:id': (who) =>
      send(who, 'PUT', `/api/intake/scope-rules/${fx.ruleId}`, fx.rule),
    'PUT  /api/intake/callers/:phone/flag': (who) =>
      send(who, 'PUT', '/api/intake/callers/13700002222/flag', { harassment: false }),
    'GET  /api/categories': (who) => send(who, 'GET', '/api/categories'),
    'PUT  /api/categories/:code': (who) =>
      send(who, 'PUT', `/api/categories/${fx.category.code}`, { active: true }),
    'POST /api/categories/import': (who) =>
      send(
        who,
        'POST',
        '/api/categories/import',
        `code,name,parent_code\n${fx.category.code},${fx.category.name},${fx.category.parentCode}\n`,
        { 'content-type': 'text/csv' },
      ),

    'POST /api/work-orders/:id/links': (who) =>
      send(who, 'POST', `/api/work-orders/${fx.linkA.id}/links`, { relatedOrderId: fx.linkB.id }),
    'POST /api/work-orders/:id/transitions merge (order in intake)': async (who) => {
      const order = await newOrder({ title: unique('待并单') });
      return send(who, 'POST', `/api/work-orders/${order.id}/transitions`, {
        event: 'merge',
        input: { targetOrderId: fx.target.id },
        version: order.version,
      });
    },

    'POST /api/cti/events (session, for oneself)': (who) =>
      send(who, 'POST', '/api/cti/events', {
        type: 'newCall',
        callId: unique('matrix-self-'),
        caller: '13700003333',
        agent: who === 'anon' ? 'agent' : who,
      }),
    'POST /api/cti/events (session, for another agent)': (who) =>
      send(who, 'POST', '/api/cti/events', {
        type: 'newCall',
        callId: unique('matrix-other-'),
        caller: '13700003333',
        agent: 'market',
      }),
    'GET  /api/cti/calls/current': (who) => send(who, 'GET', '/api/cti/calls/current'),
    'GET  /api/cti/stream': openStream,

    'GET  /api/kb/search': (who) => send(who, 'GET', `/api/kb/search?q=${encodeURIComponent('公积金')}`),
    'GET  /api/kb/search includeDrafts=1': (who) =>
      send(who, 'GET', `/api/kb/search?q=${encodeURIComponent('公积金')}&includeDrafts=1`),
    'GET  /api/kb/articles?status=draft,in_review (scoped)': (who) =>
      send(who, 'GET', '/api/kb/articles?status=draft,in_review'),
    'GET  /api/kb/articles/:id (never-published draft)': (who) =>
      send(who, 'GET', `/api/kb/articles/${fx.draftHousing.id}`),
    'GET  /api/kb/articles/:id/versions (scoped)': (who) =>
      send(who, 'GET', `/api/kb/articles/${fx.reviewHousing.id}/versions`),
    'GET  /api/kb/articles/:id/versions/1 (published)': (who) =>
      send(who, 'GET', `/api/kb/articles/${fx.reviewHousing.id}/versions/1`),
    'GET  /api/kb/articles/:id/versions/2 (in review)': (who) =>
      send(who, 'GET', `/api/kb/articles/${fx.reviewHousing.id}/versions/2`),
    'POST /api/kb/articles (owner 市住建局)': (who) =>
      send(who, 'POST', '/api/kb/articles', {
        kind: 'faq',
        fields: { question: unique('住建问题'), answer: '请咨询市住建局。' },
        ownerUnitId: 'city-housing',
      }),
    'POST /api/kb/articles (owner 和平街道, under 东城区)': (who) =>
      send(who, 'POST', '/api/kb/articles', {
        kind: 'faq',
        fields: { question: unique('街道问题'), answer: '请咨询和平街道。' },
        ownerUnitId: 'east-heping',
      }),
    'POST /api/kb/articles/:id/versions (propose; 市住建局 article)': async (who) =>
      send(who, 'POST', `/api/kb/articles/${fx.pubHousing.id}/versions`, {
        title: unique('住建指南修订'),
        fields: { summary: '修订' },
        changeNote: '矩阵修订',
        baseVersion: await latestVersion(fx.pubHousing.id),
      }),
    'POST /api/kb/articles/:id/versions (propose; 和平街道 article)': async (who) =>
      send(who, 'POST', `/api/kb/articles/${fx.pubHeping.id}/versions`, {
        title: unique('街道指南修订'),
        fields: { summary: '修订' },
        changeNote: '矩阵修订',
        baseVersion: await latestVersion(fx.pubHeping.id),
      }),
    'POST …/versions/:v/submit (draft by supervisor)': async (who) => {
      const a = await article('city-housing', 'draft');
      return send(who, 'POST', `/api/kb/articles/${a.id}/versions/1/submit`);
    },
    'POST …/versions/:v/approve': async (who) => {
      const a = await article('city-housing', 'in_review');
      return send(who, 'POST', `/api/kb/articles/${a.id}/versions/1/approve`, {});
    },
    'POST …/versions/:v/reject': async (who) => {
      const a = await article('city-housing', 'in_review');
      return send(who, 'POST', `/api/kb/articles/${a.id}/versions/1/reject`, { comment: '内容不全' });
    },
    'POST …/versions/:v/withdraw (draft by agent)': async (who) => {
      const a = await article('city-housing', 'draft', 'agent');
      return send(who, 'POST', `/api/kb/articles/${a.id}/versions/1/withdraw`, {});
    },
    'POST /api/kb/articles/:id/expire (published)': async (who) => {
      const a = await article('city-housing', 'published');
      return send(who, 'POST', `/api/kb/articles/${a.id}/expire`, { reason: '政策调整' });
    },
    'GET  /api/kb/review-queue (scoped)': (who) => send(who, 'GET', '/api/kb/review-queue'),
    'GET  /api/kb/stale (scoped)': (who) => send(who, 'GET', '/api/kb/stale'),
    'POST /api/kb/import?dryRun=1': (who) =>
      send(
        who,
        'POST',
        '/api/kb/import?dryRun=1',
        `${IMPORT_HEADER}\n"市住房和城乡建设局","未分类","矩阵导入","MATRIX-1","1","1","1","https://example.gov.cn/x"\n`,
        { 'content-type': 'text/csv' },
      ),
    'GET  /api/kb/export (scoped, audited)': async (who) => {
      const audit = { action: 'export', actorId: `demo-${who}` };
      const before = who === 'anon' ? 0 : await countAudit(audit);
      const res = await send(who, 'GET', '/api/kb/export?kind=faq');
      if (who !== 'anon') {
        expect(await countAudit(audit), 'every export is audited').toBe(
          before + (res.statusCode === 200 ? 1 : 0),
        );
      }
      return res;
    },
    'GET  /api/kb/gaps': (who) => send(who, 'GET', '/api/kb/gaps'),
    'POST /api/kb/gaps': (who) => send(who, 'POST', '/api/kb/gaps', { question: unique('矩阵缺口问题') }),
    'POST /api/kb/gaps/:id/resolve': async (who) => {
      const gap = await must('agent', 'POST', '/api/kb/gaps', { question: unique('待处理缺口') });
      return send(who, 'POST', `/api/kb/gaps/${gap.id}/resolve`, { dismiss: true, note: '矩阵' });
    },
    'GET  /api/kb/stats': (who) => send(who, 'GET', '/api/kb/stats'),

    'GET  /api/accuracy/settings': (who) => send(who, 'GET', '/api/accuracy/settings'),
    'PUT  /api/accuracy/settings': (who) => send(who, 'PUT', '/api/accuracy/settings', { warningDays: 1 }),
    'GET  /api/accuracy/checkers': (who) => send(who, 'GET', '/api/accuracy/checkers'),
    'GET  /api/accuracy/guides': (who) => send(who, 'GET', '/api/accuracy/guides?unitIds=city-housing'),
    'GET  /api/accuracy/rounds': (who) => send(who, 'GET', '/api/accuracy/rounds'),
    'POST /api/accuracy/rounds': async (who) => {
      const [guide] = await insertTestGuides(city.core, [
        { title: unique('矩阵安排'), ownerUnitId: 'city-housing' },
      ]);
      return send(who, 'POST', '/api/accuracy/rounds', {
        name: unique('矩阵安排'),
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        unitIds: ['city-housing'],
        checkerId: 'demo-inspector',
        items: [{ articleId: guide?.id }],
      });
    },
    'GET  /api/accuracy/rounds/:id': (who) => send(who, 'GET', `/api/accuracy/rounds/${fx.round.roundId}`),
    'POST /api/accuracy/rounds/:id/actions start': async (who) => {
      const { roundId } = await planRound('city-housing');
      return send(who, 'POST', `/api/accuracy/rounds/${roundId}/actions`, { action: 'start' });
    },
    'GET  /api/accuracy/rounds/:id/items/:itemId': (who) =>
      send(who, 'GET', `/api/accuracy/rounds/${fx.round.roundId}/items/${fx.round.itemIds[0]}`),
    'POST /api/accuracy/rounds/:id/items/:itemId/checks': async (who) => {
      const { roundId, itemIds } = await planRound('city-housing');
      return send(who, 'POST', `/api/accuracy/rounds/${roundId}/items/${itemIds[0]}/checks`, {
        reached: true,
        answerSeconds: 12,
        verdict: 'accurate',
      });
    },
    'GET  /api/accuracy/rounds/:id/report': (who) =>
      send(who, 'GET', `/api/accuracy/rounds/${fx.round.roundId}/report`),
    'GET  /api/accuracy/rounds/:id/report.csv (audited)': async (who) => {
      const audit = { action: 'export', actorId: `demo-${who}`, targetId: fx.round.roundId };
      const before = who === 'anon' ? 0 : await countAudit(audit);
      const res = await send(who, 'GET', `/api/accuracy/rounds/${fx.round.roundId}/report.csv`);
      if (who !== 'anon') {
        expect(await countAudit(audit)).toBe(before + (res.statusCode === 200 ? 1 : 0));
      }
      return res;
    },
    'GET  /api/accuracy/report?from&to': (who) =>
      send(who, 'GET', '/api/accuracy/report?from=2026-01-01&to=2026-12-31'),
    'GET  /api/accuracy/tasks (scoped)': (who) => send(who, 'GET', '/api/accuracy/tasks'),
    'GET  /api/accuracy/tasks/:id (市住建局 task)': (who) =>
      send(who, 'GET', `/api/accuracy/tasks/${fx.housingTask}`),
    'GET  /api/accuracy/tasks/:id (和平街道 task)': (who) =>
      send(who, 'GET', `/api/accuracy/tasks/${fx.hepingTask}`),
    'POST /api/accuracy/tasks/:id/actions mark_fixed (市住建局 task)': async (who) => {
      const task = await openTask('city-housing');
      return send(who, 'POST', `/api/accuracy/tasks/${task}/actions`, {
        action: 'mark_fixed',
        input: { fixNote: '已更正答复口径' },
      });
    },
    'POST /api/accuracy/tasks/:id/actions mark_fixed (和平街道 task)': async (who) => {
      const task = await openTask('east-heping');
      return send(who, 'POST', `/api/accuracy/tasks/${task}/actions`, {
        action: 'mark_fixed',
        input: { fixNote: '已更正答复口径' },
      });
    },
    'POST /api/accuracy/tasks/:id/actions record_recheck': async (who) => {
      const task = await openTask('city-housing');
      await must('handler', 'POST', `/api/accuracy/tasks/${task}/actions`, {
        action: 'mark_fixed',
        input: { fixNote: '已更正答复口径' },
      });
      return send(who, 'POST', `/api/accuracy/tasks/${task}/actions`, {
        action: 'record_recheck',
        input: { reached: true, answerSeconds: 10, verdict: 'accurate' },
      });
    },
  };

  describe('who may do what', () => {
    for (const [name, expected] of Object.entries(MATRIX) as [RowName, readonly Cell[]][]) {
      it(name.replace(/\s+/g, ' '), async () => {
        const actual: (Cell | string)[] = [];
        const malformed: string[] = [];
        for (const who of WHO) {
          const res = await SENDERS[name](who);
          actual.push(outcomeOf(res));
          const problem = checkResponse(res as LightMyRequestResponse, {
            strict: true,
            success: [200, 201, 202],
          });
          if (problem) malformed.push(`${who}: ${problem}`);
        }
        // Compared as a whole row, so a failure shows every role's cell.
        expect(Object.fromEntries(WHO.map((w, i) => [w, actual[i]]))).toEqual(
          Object.fromEntries(WHO.map((w, i) => [w, expected[i]])),
        );
        expect(malformed).toEqual([]);
      });
    }
  });

  describe('data exposure', () => {
    const SECRET = { callerName: '欧阳保密', callerPhone: '13811112222' };
    /** Caller data of `secret` must not appear anywhere in `text` (in full, masked, or the name's surname). */
    const expectNoCaller = (text: string, secret: { callerName: string; callerPhone: string }) => {
      expect(text).not.toContain(secret.callerName);
      expect(text).not.toContain(secret.callerPhone);
      expect(text).not.toContain(`${secret.callerPhone.slice(0, 3)}****${secret.callerPhone.slice(-4)}`);
      expect(text).not.toContain(`${secret.callerName.slice(0, 1)}*`);
    };
    const CANDIDATE_KEYS = [
      'address',
      'category',
      'createdAt',
      'id',
      'orderNo',
      'reasons',
      'similarity',
      'status',
      'statusLabel',
      'title',
    ];
    const RELATED_KEYS = ['id', 'kind', 'orderNo', 'status', 'statusLabel', 'title'];
    const matter = {
      title: '幸福里小区5号楼电梯故障停运',
      content: '幸福里小区5号楼电梯故障停运三天，物业一直没人管，老人上下楼困难。',
      address: '东城区幸福里小区5号楼',
      category: '0101',
    };

    it('duplicate candidates (similar and same caller) never carry a caller name or number', async () => {
      const other = await newOrder({ ...matter, ...SECRET });
      const check = await must('agent', 'POST', '/api/intake/check', {
        ...matter,
        callerPhone: '13900009999',
      });
      expect(check.duplicates.similar.map((c: { id: string }) => c.id)).toContain(other.id);
      for (const c of check.duplicates.similar) expect(Object.keys(c).sort()).toEqual(CANDIDATE_KEYS);
      expectNoCaller(JSON.stringify(check), SECRET);
      // The caller's own orders: listed for the agent, without the name.
      const own = await must('agent', 'POST', '/api/intake/check', {
        ...matter,
        callerPhone: SECRET.callerPhone,
      });
      expect(own.duplicates.sameCaller.map((c: { id: string }) => c.id)).toContain(other.id);
      for (const c of own.duplicates.sameCaller) expect(Object.keys(c).sort()).toEqual(CANDIDATE_KEYS);
      expect(JSON.stringify(own)).not.toContain(SECRET.callerName);
    });

    it('roles that may not look a number up (dispatcher) get no same-caller candidates, so a confidential order is never tied to its number', async () => {
      const secret = { callerName: '上官保密', callerPhone: '13822223333' };
      const confidential = await newOrder({
        ...matter,
        ...secret,
        title: '保密来电：举报某单位违规收费',
        content: '来电人要求保密，举报某单位违规收费。',
        confidential: true,
      });
      expectError(
        await send('dispatcher', 'GET', `/api/intake/caller-history?phone=${secret.callerPhone}`),
        403,
      );
      const res = await must('dispatcher', 'POST', '/api/intake/check', {
        title: '举报某单位违规收费',
        callerPhone: secret.callerPhone,
      });
      expect(res.duplicates.sameCaller).toEqual([]);
      expectNoCaller(JSON.stringify(res), secret);
      // The agent (sees numbers in full) still gets the caller's own orders.
      const agent = await must('agent', 'POST', '/api/intake/check', {
        title: '举报某单位违规收费',
        callerPhone: secret.callerPhone,
      });
      expect(agent.duplicates.sameCaller.map((c: { id: string }) => c.id)).toContain(confidential.id);
      // Units and inspectors never reach the check at all.
      for (const who of ['handler', 'eastadmin', 'inspector'] as const) {
        expectError(
          await send(who, 'POST', '/api/intake/check', { ...matter, callerPhone: secret.callerPhone }),
          403,
        );
      }
    });

    it('related orders show number, title and status only; units see only the ones in their scope', async () => {
      const outside = await newOrder({ ...matter, ...SECRET, title: '关联：范围外工单' });
      const secret = { callerName: '诸葛保密', callerPhone: '13833334444' };
      const confidential = await dispatchedOrder('city-housing', {
        ...secret,
        title: '关联：保密工单',
        confidential: true,
      });
      const order = await dispatchedOrder('city-housing', { title: '关联：住建局工单' });
      await must('agent', 'POST', `/api/work-orders/${order.id}/links`, { relatedOrderId: outside.orderNo });
      await must('dispatcher', 'POST', `/api/work-orders/${order.id}/links`, {
        relatedOrderId: confidential.id,
      });

      const centre = await must('agent', 'GET', `/api/work-orders/${order.id}`);
      expect(centre.related.map((r: { id: string }) => r.id).sort()).toEqual(
        [outside.id, confidential.id].sort(),
      );
      for (const r of centre.related) expect(Object.keys(r).sort()).toEqual(RELATED_KEYS);
      expectNoCaller(JSON.stringify(centre.related), SECRET);
      expectNoCaller(JSON.stringify(centre.related), secret);

      const unit = await send('handler', 'GET', `/api/work-orders/${order.id}`);
      expect(unit.statusCode).toBe(200);
      const related = unit.json().related as { id: string }[];
      expect(related.map((r) => r.id)).toEqual([confidential.id]);
      for (const r of related) expect(Object.keys(r).sort()).toEqual(RELATED_KEYS);
      expectNoCaller(unit.body, SECRET);
      expectNoCaller(unit.body, secret);
      // The confidential order itself: the unit sees that it is confidential, not who called.
      const own = await must('handler', 'GET', `/api/work-orders/${confidential.id}`);
      expect(own).toMatchObject({ callerName: '保密', callerPhone: null, confidential: true });
      expectNoCaller(JSON.stringify(own), secret);
      // Another unit sees neither order.
      expectError(await send('eastadmin', 'GET', `/api/work-orders/${order.id}`), 404, 'NOT_FOUND');
      expectError(await send('handler', 'GET', `/api/work-orders/${outside.id}`), 404, 'NOT_FOUND');
      // Units cannot link, not even orders in their scope.
      expectError(
        await send('handler', 'POST', `/api/work-orders/${order.id}/links`, {
          relatedOrderId: confidential.id,
        }),
        403,
        'ROLE_NOT_PERMITTED',
      );
    });

    it('a merged order’s caller is not visible to a unit reading the target', async () => {
      const target = await dispatchedOrder('city-housing', { ...matter, title: '并单目标：电梯停运' });
      const secret = { callerName: '司马保密', callerPhone: '13644445555' };
      const merged = await must('agent', 'POST', '/api/intake/orders', {
        order: { ...VALID_INTAKE, ...matter, ...secret },
        decision: { event: 'merge', input: { targetOrderId: target.id, comment: '同一事项' } },
      });
      expect(merged).toMatchObject({ status: 'merged', mergedIntoId: target.id });
      const confidentialSecret = { callerName: '欧阳隐名', callerPhone: '13655556666' };
      await must('agent', 'POST', '/api/intake/orders', {
        order: { ...VALID_INTAKE, ...matter, ...confidentialSecret, confidential: true },
        decision: { event: 'merge', input: { targetOrderId: target.id } },
      });

      const centre = await must('agent', 'GET', `/api/work-orders/${target.id}`);
      expect(centre.mergedCallers).toBe(2);
      expect(centre.related).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: merged.id, kind: 'merged_from' })]),
      );
      expectNoCaller(JSON.stringify(centre.related), secret);

      for (const who of ['handler'] as const) {
        const res = await send(who, 'GET', `/api/work-orders/${target.id}`);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ mergedCallers: 2, related: [] });
        expectNoCaller(res.body, secret);
        expectNoCaller(res.body, confidentialSecret);
        expectError(await send(who, 'GET', `/api/work-orders/${merged.id}`), 404, 'NOT_FOUND');
        const list = await send(who, 'GET', '/api/work-orders?pageSize=100');
        expectNoCaller(list.body, secret);
        expectNoCaller(list.body, confidentialSecret);
      }
      // Units may not merge (neither at intake nor by a transition on an order they cannot see).
      expectError(
        await send('handler', 'POST', '/api/intake/orders', {
          order: VALID_INTAKE,
          decision: { event: 'merge', input: { targetOrderId: target.id } },
        }),
        403,
        'ROLE_NOT_PERMITTED',
      );
    });

    it('knowledge base: another unit sees published content only, never drafts or pending versions', async () => {
      const draftTitle = (await must('supervisor', 'GET', `/api/kb/articles/${fx.draftHousing.id}`)).title;
      const ids = (body: { items: { id?: string; articleId?: string; article?: { id: string } }[] }) =>
        body.items.map((i) => i.id ?? i.articleId ?? i.article?.id);
      const list = (who: Who) => must(who, 'GET', '/api/kb/articles?status=draft,in_review&pageSize=100');
      expect(ids(await list('handler'))).toContain(fx.draftHousing.id);
      expect(ids(await list('eastadmin'))).not.toContain(fx.draftHousing.id);
      const byUnit = await must(
        'eastadmin',
        'GET',
        '/api/kb/articles?unitId=city-housing&status=draft&pageSize=100',
      );
      expect(byUnit.total).toBe(0);
      const q = `/api/kb/articles?q=${encodeURIComponent(draftTitle)}&pageSize=100`;
      expect(ids(await must('eastadmin', 'GET', q))).not.toContain(fx.draftHousing.id);
      const search = await must(
        'eastadmin',
        'GET',
        `/api/kb/search?q=${encodeURIComponent(draftTitle)}&limit=50`,
      );
      expect(ids(search)).not.toContain(fx.draftHousing.id);
      const queue = (who: Who) => must(who, 'GET', '/api/kb/review-queue');
      expect(ids(await queue('handler'))).toContain(fx.reviewHousing.id);
      expect(ids(await queue('eastadmin'))).not.toContain(fx.reviewHousing.id);
      const detail = await must('eastadmin', 'GET', `/api/kb/articles/${fx.reviewHousing.id}`);
      expect(detail).toMatchObject({ pendingVersion: null, publishedVersion: 1, allowedActions: [] });
      expect(JSON.stringify(detail)).not.toContain('修订中');
      const versions = await must('eastadmin', 'GET', `/api/kb/articles/${fx.reviewHousing.id}/versions`);
      expect(versions.items.map((v: { version: number }) => v.version)).toEqual([1]);
      expect(
        (await must('handler', 'GET', `/api/kb/articles/${fx.reviewHousing.id}`)).pendingVersion,
      ).toMatchObject({ version: 2, status: 'in_review' });
      // Exports carry what the reader may read: the never-published draft only for its own unit.
      const exported = (who: Who) => send(who, 'GET', '/api/kb/export?kind=guide');
      expect((await exported('handler')).body).toContain(`,${draftTitle},`);
      expect((await exported('eastadmin')).body).not.toContain(`,${draftTitle},`);
      // Gaps (questions taken from callers' orders) stay with the centre; a unit cannot tie one to an
      // order it cannot see (nor learn that order's number from the answer).
      expectError(await send('eastadmin', 'GET', '/api/kb/gaps'), 403, 'ROLE_NOT_PERMITTED');
      const outside = await newOrder({ title: '缺口：范围外工单' });
      const gap = await send('handler', 'POST', '/api/kb/gaps', {
        question: '范围外的问题',
        orderId: outside.id,
      });
      expect(issueFields(expectError(gap, 400, 'VALIDATION_FAILED'))).toEqual(['orderId']);
      expect(gap.body).not.toContain(outside.orderNo);
    });

    it('accuracy: a unit lists only its own subtree’s correction tasks, whatever it filters by', async () => {
      const tasks = async (who: Who, query = '') =>
        (await must(who, 'GET', `/api/accuracy/tasks?pageSize=100${query}`)).items as {
          id: string;
          ownerUnitId: string;
        }[];
      const housing = await tasks('handler');
      expect(housing.map((t) => t.id)).toContain(fx.housingTask);
      expect(housing.every((t) => t.ownerUnitId === 'city-housing')).toBe(true);
      const east = await tasks('eastadmin');
      expect(east.map((t) => t.id)).toContain(fx.hepingTask);
      expect(east.every((t) => t.ownerUnitId.startsWith('east'))).toBe(true);
      expect(await tasks('eastadmin', '&unitId=city-housing')).toEqual([]);
      expect(await tasks('handler', `&roundId=${fx.round.roundId}&unitId=east-heping`)).toEqual([]);
      expectError(
        await send(
          'eastadmin',
          'POST',
          `/api/accuracy/rounds/${fx.round.roundId}/items/${fx.round.itemIds[1]}/checks`,
          {
            reached: true,
            verdict: 'accurate',
          },
        ),
        403,
        'ROLE_NOT_PERMITTED',
      );
    });
  });

  describe('CTI', () => {
    const postEvent = (headers: Record<string, string>, body: Record<string, unknown>) =>
      city.app.inject({ method: 'POST', url: '/api/cti/events', headers, payload: body });
    const switchAuth = { authorization: `Bearer ${CTI_TOKEN}` };

    it('the switch token posts for any agent; a wrong token is 401', async () => {
      const ok = await postEvent(switchAuth, {
        type: 'newCall',
        callId: 'cti-tok-1',
        caller: '13700004444',
        agent: 'callback',
      });
      expect(ok.statusCode, ok.body).toBe(202);
      expectError(
        await postEvent(
          { authorization: 'Bearer not-the-token' },
          { type: 'newCall', callId: 'cti-tok-2', agent: 'agent' },
        ),
        401,
        'UNAUTHENTICATED',
      );
      expectError(
        await postEvent({}, { type: 'newCall', callId: 'cti-tok-3', agent: 'agent' }),
        401,
        'UNAUTHENTICATED',
      );
      // The token is not a session: it opens nothing else.
      expectError(
        await city.app.inject({ method: 'GET', url: '/api/cti/calls/current', headers: switchAuth }),
        401,
      );
      expectError(
        await city.app.inject({
          method: 'GET',
          url: `/api/intake/caller-history?phone=${HISTORY_PHONE}`,
          headers: switchAuth,
        }),
        401,
      );
    });

    it('an agent cannot take over another agent’s call by posting its call id (no caller number leaks)', async () => {
      const callId = 'cti-hijack-1';
      const caller = '13700005555';
      await postEvent(switchAuth, { type: 'newCall', callId, caller, agent: 'callback' });
      for (const type of ['answer', 'hangup', 'newCall'] as const) {
        const res = await postEvent(await city.auth('agent'), { type, callId, agent: 'agent' });
        expectError(res, 403, 'FORBIDDEN');
      }
      const mine = await must('agent', 'GET', '/api/cti/calls/current');
      expect(JSON.stringify(mine)).not.toContain(caller);
      const theirs = await must('callback', 'GET', '/api/cti/calls/current');
      expect(theirs.items).toEqual(
        expect.arrayContaining([expect.objectContaining({ callId, caller, state: 'ringing' })]),
      );
      // The switch itself may move a call to another agent (e.g. a transfer).
      const moved = await postEvent(switchAuth, { type: 'answer', callId, agent: 'agent' });
      expect(moved.statusCode).toBe(202);
    });

    it('the stream carries the logged-in agent’s own calls only', async () => {
      const open = async (who: Who) => {
        const controller = new AbortController();
        const res = await fetch(`${baseUrl}/api/cti/stream`, {
          headers: await city.auth(who),
          signal: controller.signal,
        });
        let text = '';
        const reader = res.body?.getReader();
        const done = (async () => {
          try {
            for (;;) {
              const chunk = await reader?.read();
              if (!chunk || chunk.done) break;
              text += new TextDecoder().decode(chunk.value);
            }
          } catch {
            // aborted
          }
        })();
        return {
          text: () => text,
          close: async () => {
            controller.abort();
            await done;
          },
        };
      };
      const agent = await open('agent');
      const callback = await open('callback');
      const until = async (cond: () => boolean) => {
        for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
      };
      await until(() => agent.text().includes('event: ping') && callback.text().includes('event: ping'));
      const res = await postEvent(switchAuth, {
        type: 'newCall',
        callId: 'cti-own-1',
        caller: '13700006666',
        agent: 'callback',
      });
      expect(res.json()).toMatchObject({ delivered: 1 });
      await postEvent(switchAuth, {
        type: 'newCall',
        callId: 'cti-own-2',
        caller: '13700007777',
        agent: 'agent',
      });
      await until(() => callback.text().includes('cti-own-1') && agent.text().includes('cti-own-2'));
      await agent.close();
      await callback.close();
      expect(callback.text()).toContain('13700006666');
      expect(callback.text()).not.toContain('cti-own-2');
      expect(agent.text()).toContain('cti-own-2');
      expect(agent.text()).not.toContain('cti-own-1');
      expect(agent.text()).not.toContain('13700006666');
    });
  });
});
