import { DEMO_PASSWORD } from '@huawu/core';
import { ERROR_CODES } from '@huawu/domain';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import type { DatabaseFixture, TestCore } from '../../../core/src/test-support/databases.js';
import { seedCity } from '../../../core/src/test-support/fixtures.js';
import { type AppOptions, buildApp } from '../app.js';

/** Test helpers for the HTTP suites: a demo-city app per database, cached logins, error-shape checks. */

export { DEMO_PASSWORD };

export interface CityApp {
  readonly app: FastifyInstance;
  readonly core: TestCore;
  /** A session token for a demo user; each user logs in once per app (scrypt is slow). */
  token(username: string): Promise<string>;
  /** `Authorization` header for a demo user. */
  auth(username: string): Promise<{ authorization: string }>;
}

export interface CityOptions {
  now?: () => Date;
  app?: Omit<AppOptions, 'core'>;
  /** Demo users to log in up front, concurrently (scrypt runs on the thread pool). */
  logins?: string[];
}

/**
 * A fresh database with the demo city and an app on it, for one `describeEachDatabase` body; call it
 * at describe level. The work starts at once, while the file is being collected, so PostgreSQL's seeding
 * (mostly waiting on the server) overlaps the SQLite tests instead of following them. The app is closed
 * after the suite, before the fixture drops the database.
 */
export function useCity(db: DatabaseFixture, options: CityOptions = {}): CityApp {
  const tokens = new Map<string, Promise<string>>();
  const ready = (async () => {
    const core = await db.newCore(options.now ? { now: options.now } : {});
    await seedCity(core);
    const app = await buildApp({ core, ...options.app });
    for (const username of options.logins ?? []) tokens.set(username, loginToken(app, username));
    await Promise.all(tokens.values());
    return { app, core };
  })();
  ready.catch(() => {}); // reported by beforeAll below, not as an unhandled rejection
  let built: { app: FastifyInstance; core: TestCore } | undefined;
  beforeAll(async () => {
    built = await ready;
  });
  afterAll(async () => {
    await (await ready.catch(() => undefined))?.app.close();
  });
  const get = () => {
    if (!built) throw new Error('useCity(): the app is ready inside tests and hooks only');
    return built;
  };
  const token = (username: string) => {
    let t = tokens.get(username);
    if (!t) {
      t = loginToken(get().app, username);
      tokens.set(username, t);
    }
    return t;
  };
  return {
    get app() {
      return get().app;
    },
    get core() {
      return get().core;
    },
    token,
    auth: async (u) => ({ authorization: `Bearer ${await token(u)}` }),
  };
}

export async function loginToken(app: FastifyInstance, username: string, password = DEMO_PASSWORD) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return res.json<{ token: string }>().token;
}

export interface ErrorBody {
  error: { code: string; message: string; details?: { issues?: { field: string; message: string }[] } };
  requestId: string;
}

const HAN = /\p{Script=Han}/u;

/**
 * Asserts the wire format of a failure: status, a known code, a Chinese message, and a `requestId`
 * equal to the `x-request-id` header. Returns the body for further checks.
 */
export function expectError(res: LightMyRequestResponse, status: number, code?: string): ErrorBody {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json<ErrorBody>();
  if (code) expect(body.error?.code, res.body).toBe(code);
  expect(Object.keys(ERROR_CODES)).toContain(body.error.code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message).toMatch(HAN);
  expect(body.requestId).toBeTypeOf('string');
  expect(body.requestId.length).toBeGreaterThan(0);
  expect(res.headers['x-request-id']).toBe(body.requestId);
  for (const issue of body.error.details?.issues ?? []) {
    expect(issue.field).toBeTypeOf('string');
    expect(issue.message).toMatch(HAN);
  }
  return body;
}

/** The field paths of a validation failure. */
export function issueFields(body: ErrorBody): string[] {
  return (body.error.details?.issues ?? []).map((i) => i.field);
}
