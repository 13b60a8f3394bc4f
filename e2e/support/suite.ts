import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser, openSession, type Session, sessionAs } from './browser';
import { type E2EServer, startE2EServer } from './server';

export interface BrowserSuite {
  /** The server started for the file (demo city, built UI). */
  readonly server: E2EServer;
  readonly browser: Browser;
  /** Every session opened through the suite; all are closed after the file. */
  readonly sessions: Session[];
  /** A fresh context, not logged in. */
  open(): Promise<Session>;
  /** A context logged in as `username` (each has its own session cookie). */
  as(username: string): Promise<Session>;
  /** No session saw an uncaught page error or a console error. */
  expectNoPageErrors(): void;
}

/**
 * The per-file browser setup: starts the server and Chromium before the file's tests, closes every
 * session, the browser and the server after them. Call it inside the file's `describe`.
 */
export function useBrowserSuite(): BrowserSuite {
  let server: E2EServer | undefined;
  let browser: Browser | undefined;
  const sessions: Session[] = [];
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser suite is used before its beforeAll ran');
    return value;
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2EServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await Promise.all(sessions.map((session) => session.context.close()));
    await browser?.close();
    await server?.stop();
  });

  const track = (session: Session) => {
    sessions.push(session);
    return session;
  };

  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    sessions,
    open: async () => track(await openSession(started(browser), started(server).url)),
    as: async (username) => track(await sessionAs(started(browser), started(server).url, username)),
    expectNoPageErrors: () => {
      for (const session of sessions) expect(session.errors).toEqual([]);
    },
  };
}
