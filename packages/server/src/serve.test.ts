import { setTimeout as sleep } from 'node:timers/promises';
import { ERROR_CODES } from '@huawu/domain';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../core/src/test-support/databases.js';
import { startServer } from './serve.js';

describeEachDatabase('startServer: graceful shutdown', (db) => {
  it('lets in-flight requests finish on stop(), then refuses new connections', async () => {
    const running = await startServer({
      databaseUrl: await db.newUrl(),
      port: 0,
      host: '127.0.0.1',
      demo: false,
      logLevel: 'silent',
      version: 'test',
    });
    let stopCalledAt = 0;
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(running.demo).toBeUndefined();
      const health = await fetch(`${running.url}/api/health`);
      expect(await health.json()).toEqual({ status: 'ok', database: db.name, version: 'test' });

      // Count login handlers that have started: a login reads the core's clock first thing.
      const clock = running.core.now;
      let started = 0;
      running.core.now = () => {
        started++;
        return clock();
      };
      // Logins are slow on purpose (scrypt, even for unknown users): several at once keep the server busy.
      const inFlight = Array.from({ length: 6 }, (_, i) =>
        fetch(`${running.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: `nobody-${i}`, password: 'wrong-pass1' }),
        }).then(async (res) => ({
          status: res.status,
          connection: res.headers.get('connection'),
          body: (await res.json()) as { error: { code: string } },
          at: performance.now(),
        })),
      );
      for (let i = 0; i < 400 && started < 6; i++) await sleep(5);
      expect(started).toBeGreaterThanOrEqual(6);
      stopCalledAt = performance.now();
      const stopped = running.stop();
      expect(running.stop()).toBe(stopped); // idempotent
      const results = await Promise.all(inFlight);
      const timeout = sleep(5_000).then(() => {
        throw new Error(
          'stop() did not finish within 5 s of the last answer (keep-alive connections left open?)',
        );
      });
      await Promise.race([stopped, timeout]);

      for (const r of results) {
        expect([200, 401]).toContain(r.status);
        expect(r.connection).toBe('close');
        expect(Object.keys(ERROR_CODES)).toContain(r.body.error.code);
      }
      // The answers were still being computed when stop() was called.
      for (const r of results) expect(r.at).toBeGreaterThan(stopCalledAt);

      const after = await fetch(`${running.url}/api/health`).then(
        () => 'answered',
        (error: Error & { cause?: { code?: string } }) => error.cause?.code ?? error.message,
      );
      expect(after).toBe('ECONNREFUSED');
    } finally {
      await running.stop();
    }
  }, 20_000);
});
