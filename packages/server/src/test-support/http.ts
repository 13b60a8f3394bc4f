import { DEMO_PASSWORD } from '@huawu/core';
import { ERROR_CODES } from '@huawu/domain';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, expect } from 'vitest';
import type { DatabaseFixture, TestCore } from '../../../core/src/test-support/databases.js';
import { seedCity } from '../../../core/src/test-support/fixtures.js';
import { type AppOptions, buildApp } from '../app.js';

/** Test helpers for the HTTP suites: a demo-city app per database, cached logins, error-shape checks. */

export { DEMO_PASSWORD };

export interface CityApp {
  app: FastifyInstance;
  core: TestCore;
  /** A session token for a demo user; each user logs in once per app (scrypt is slow). */
  token(username: string): Promise<string>;
  /** `Authorization` header for a demo user. */
  auth(username: string): Promise<{ authorization: string }>;
}

/** A fresh database with the demo city and an app on it (closed after the file). */
export async function cityApp(
  db: DatabaseFixture,
  options: { now?: () => Date; app?: Omit<AppOptions, 'core'> } = {},
): Promise<CityApp> {
  const core = await db.newCore(options.now ? { now: options.now } : {});
  await seedCity(core);
  const app = await buildApp({ core, ...options.app });
  afterAll(() => app.close());
  const tokens = new Map<string, Promise<string>>();
  const token = (username: string) => {
    let t = tokens.get(username);
    if (!t) {
      t = loginToken(app, username);
      tokens.set(username, t);
    }
    return t;
  };
  return { app, core, token, auth: async (u) => ({ authorization: `Bearer ${await token(u)}` }) };
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
