import { createHash } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatched, seedPeople } from '../../../core/src/test-support/contract-helpers.js';
import { type TestCore, describeEachDatabase } from '../../../core/src/test-support/databases.js';
import { buildApp } from '../app.js';
import { NASTY_STRINGS, checkResponse, describeCase, safeEncode } from '../test-support/fuzz.js';
import { expectError, issueFields, loginToken } from '../test-support/http.js';

const WHO = [
  'agent',
  'dispatcher',
  'reviewer',
  'callback',
  'inspector',
  'supervisor',
  'admin',
  'heping', // unit_handler of 和平街道, the order's lead unit
  'eastadmin', // unit_admin of 东城区, parent of 和平街道
  'handler', // unit_handler of 市住建局, not on the order
  'market', // unit_handler of 市市场监管局, not on the order
  'anon',
] as const;
type Who = (typeof WHO)[number];
const USERS = WHO.filter((w) => w !== 'anon');
const CENTRE = new Set<Who>([
  'agent',
  'dispatcher',
  'reviewer',
  'callback',
  'inspector',
  'supervisor',
  'admin',
]);
/** The order's own unit and its parent: as the centre. Other units: 404. No session: 401. */
const expected = (who: Who, ok: number) =>
  CENTRE.has(who) || who === 'heping' || who === 'eastadmin' ? ok : who === 'anon' ? 401 : 404;

const BYTES = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x00, 0x0a, 0x0d, 0x00]);

describeEachDatabase('HTTP work notes and attachments', (db) => {
  // The demo city's people only (no demo orders): each test makes the orders it needs.
  const city = {} as { app: FastifyInstance; core: TestCore; tokens: Map<string, string> };
  beforeAll(async () => {
    city.core = await db.newCore();
    await seedPeople(city.core);
    city.app = await buildApp({ core: city.core });
    const tokens = await Promise.all(USERS.map(async (u) => [u, await loginToken(city.app, u)] as const));
    city.tokens = new Map(tokens);
  });
  afterAll(async () => {
    await city.app?.close();
  });
  let orderId: string;
  let closedId: string;

  const call = async (options: InjectOptions & { who?: Who }) => {
    const { who, ...rest } = options;
    return city.app.inject({
      ...rest,
      headers: {
        ...(rest.headers ?? {}),
        ...(who && who !== 'anon' ? { authorization: `Bearer ${city.tokens.get(who)}` } : {}),
      },
    });
  };
  const upload = (
    who: Who,
    id: string,
    query: string,
    payload: Buffer | string,
    type = 'application/octet-stream',
  ) =>
    call({
      who,
      method: 'POST',
      url: `/api/work-orders/${id}/attachments?${query}`,
      headers: { 'content-type': type },
      payload,
    });

  beforeAll(async () => {
    orderId = (await dispatched(city.core, { leadUnitId: 'east-heping' })).id;
    closedId = (await dispatched(city.core, { leadUnitId: 'east-heping' })).id;
    await city.core.database.db
      .updateTable('work_orders')
      .set({ status: 'closed' })
      .where('id', '=', closedId)
      .execute();
  });

  describe('access, per role', () => {
    let attachmentId: string;
    beforeAll(async () => {
      const res = await upload('supervisor', orderId, 'fileName=access.pdf', BYTES);
      expect(res.statusCode, res.body).toBe(201);
      attachmentId = res.json<{ id: string }>().id;
    });

    for (const who of WHO) {
      it(`${who}: notes and attachments`, async () => {
        const got = [
          (await call({ who, method: 'GET', url: `/api/work-orders/${orderId}/notes` })).statusCode,
          (
            await call({
              who,
              method: 'POST',
              url: `/api/work-orders/${orderId}/notes`,
              payload: { text: `${who} 记录` },
            })
          ).statusCode,
          (await call({ who, method: 'GET', url: `/api/work-orders/${orderId}/attachments` })).statusCode,
          (await upload(who, orderId, `fileName=${who}.txt`, BYTES)).statusCode,
          (await call({ who, method: 'GET', url: `/api/work-orders/${orderId}/attachments/${attachmentId}` }))
            .statusCode,
        ];
        expect(got).toEqual([
          expected(who, 200),
          expected(who, 201),
          expected(who, 200),
          expected(who, 201),
          expected(who, 200),
        ]);
      });
    }
  });

  it('notes: listed oldest first with names; bad text names the field; closed orders refuse with 409', async () => {
    const added = await call({
      who: 'heping',
      method: 'POST',
      url: `/api/work-orders/${orderId}/notes`,
      payload: { text: '已现场核查' },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ text: '已现场核查', unitId: 'east-heping' });
    const list = await call({ who: 'supervisor', method: 'GET', url: `/api/work-orders/${orderId}/notes` });
    const items = list.json<{
      items: { text: string; authorName: string; unitName: string; createdAt: string }[];
    }>().items;
    expect(items.at(-1)).toMatchObject({ text: '已现场核查' });
    expect(items.at(-1)?.authorName).toBeTruthy();
    expect(items.at(-1)?.unitName).toBeTruthy();
    expect(items.map((i) => i.createdAt)).toEqual(items.map((i) => i.createdAt).sort());

    for (const payload of [{ text: '' }, { text: 'x'.repeat(4001) }, { text: 'a\u0001b' }, {}]) {
      const body = expectError(
        await call({ who: 'heping', method: 'POST', url: `/api/work-orders/${orderId}/notes`, payload }),
        400,
        'VALIDATION_FAILED',
      );
      expect(issueFields(body).some((f) => f === 'text' || f === 'body.text' || f === 'body')).toBe(true);
    }
    expectError(
      await call({
        who: 'heping',
        method: 'POST',
        url: `/api/work-orders/${closedId}/notes`,
        payload: { text: '补记' },
      }),
      409,
      'TRANSITION_NOT_ALLOWED',
    );
  });

  it('upload and download: exact bytes, SHA-256, safe headers, audited', async () => {
    const name = '现场 照片(1).JPG';
    const res = await upload(
      'heping',
      orderId,
      `fileName=${encodeURIComponent(name)}&visibility=public`,
      BYTES,
    );
    expect(res.statusCode, res.body).toBe(201);
    const meta = res.json<{
      id: string;
      sha256: string;
      size: number;
      mimeType: string;
      visibility: string;
    }>();
    expect(meta).toMatchObject({
      size: BYTES.length,
      mimeType: 'image/jpeg',
      visibility: 'public',
      sha256: createHash('sha256').update(BYTES).digest('hex'),
    });
    const list = await call({
      who: 'supervisor',
      method: 'GET',
      url: `/api/work-orders/${orderId}/attachments`,
    });
    const listed = list.json<{ items: Record<string, unknown>[] }>().items.find((i) => i.id === meta.id);
    expect(listed).toMatchObject({ fileName: name });
    expect(listed).not.toHaveProperty('content');

    const file = await call({
      who: 'supervisor',
      method: 'GET',
      url: `/api/work-orders/${orderId}/attachments/${meta.id}`,
    });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(BYTES)).toBe(true);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['content-length']).toBe(String(BYTES.length));
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    const disposition = String(file.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment;/);
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '';
    expect(encoded).not.toMatch(/[()' ]/);
    expect(decodeURIComponent(encoded)).toBe(name);

    const audits = await city.core.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('target_id', '=', orderId)
      .where('action', 'in', ['attachment_upload', 'attachment_download'])
      .execute();
    expect(audits).toContainEqual({ action: 'attachment_download', actor_id: 'demo-supervisor' });
    expect(audits).toContainEqual({ action: 'attachment_upload', actor_id: 'demo-heping' });
    expectError(
      await call({
        who: 'supervisor',
        method: 'GET',
        url: `/api/work-orders/${orderId}/attachments/no-such-file`,
      }),
      404,
      'NOT_FOUND',
    );
  });

  it('refuses bad uploads with stable codes and field paths', async () => {
    const fields = async (query: string, payload: Buffer | string = BYTES) =>
      issueFields(expectError(await upload('heping', orderId, query, payload), 400, 'VALIDATION_FAILED'));
    expect(await fields('fileName=setup.exe')).toEqual(['querystring.fileName']);
    expect(await fields('fileName=run.bat')).toEqual(['querystring.fileName']);
    expect(await fields(`fileName=${encodeURIComponent('../a.txt')}`)).toEqual(['querystring.fileName']);
    expect(await fields('fileName=a.pdf&visibility=world')).toEqual(['querystring.visibility']);
    expect(await fields('fileName=a.pdf', Buffer.alloc(0))).toEqual(['body']);
    expect((await fields('visibility=public')).some((f) => f.startsWith('querystring'))).toBe(true);
    expect(await fields('fileName=a.pdf&extra=1')).toEqual(
      expect.arrayContaining([expect.stringMatching(/extra/)]),
    );
    expectError(
      await upload('heping', orderId, 'fileName=a.pdf', '{"a":1}', 'application/json'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectError(
      await upload('heping', orderId, 'fileName=a.pdf', 'hello', 'text/plain'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    // The octet-stream parser exists only for the upload route: everywhere else stays JSON-only.
    const notesAsBytes = await call({
      who: 'heping',
      method: 'POST',
      url: `/api/work-orders/${orderId}/notes`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: BYTES,
    });
    expectError(notesAsBytes, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectError(await upload('heping', closedId, 'fileName=a.pdf', BYTES), 409, 'TRANSITION_NOT_ALLOWED');
    expectError(await upload('market', orderId, 'fileName=a.pdf', BYTES), 404, 'NOT_FOUND');
  });

  it('answers 413 PAYLOAD_TOO_LARGE over 10 MiB; 10 MiB exactly is stored; anonymous uploads are refused first', async () => {
    const limit = 10 * 1024 * 1024;
    const over = await upload('heping', orderId, 'fileName=big.zip', Buffer.alloc(limit + 1, 1));
    expectError(over, 413, 'PAYLOAD_TOO_LARGE');
    const exact = await upload('heping', orderId, 'fileName=big.zip', Buffer.alloc(limit, 1));
    expect(exact.statusCode, exact.body.slice(0, 200)).toBe(201);
    expect(exact.json<{ size: number }>().size).toBe(limit);
    expectError(
      await upload('anon', orderId, 'fileName=big.zip', Buffer.alloc(limit + 1, 1)),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('hostile file names, note texts and ids never cause a 5xx or an unknown error shape', async () => {
    const problems: string[] = [];
    const check = async (options: InjectOptions & { who?: Who }) => {
      const res = await call(options);
      const problem = checkResponse(res, { strict: true });
      if (problem) problems.push(`${problem}: ${describeCase(options)} → ${res.body.slice(0, 200)}`);
    };
    for (const nasty of NASTY_STRINGS) {
      const enc = safeEncode(nasty);
      await check({
        who: 'heping',
        method: 'POST',
        url: `/api/work-orders/${orderId}/attachments?fileName=${enc}`,
        headers: { 'content-type': 'application/octet-stream' },
        payload: BYTES,
      });
      await check({
        who: 'heping',
        method: 'POST',
        url: `/api/work-orders/${orderId}/attachments?fileName=${enc}.pdf&visibility=${enc}`,
        headers: { 'content-type': 'application/octet-stream' },
        payload: BYTES,
      });
      await check({
        who: 'heping',
        method: 'POST',
        url: `/api/work-orders/${orderId}/notes`,
        payload: { text: nasty },
      });
      await check({ who: 'heping', method: 'GET', url: `/api/work-orders/${enc}/notes` });
      await check({
        who: 'heping',
        method: 'GET',
        url: `/api/work-orders/${orderId}/attachments/${enc || 'x'}`,
      });
    }
    await check({
      who: 'heping',
      method: 'POST',
      url: `/api/work-orders/${orderId}/notes`,
      headers: { 'content-type': 'application/json' },
      payload: '{"text": ["a"], "__proto__": {"x": 1}}',
    });
    expect(problems).toEqual([]);
  });
});
