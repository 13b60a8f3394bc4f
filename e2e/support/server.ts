import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreDeps } from '@huawu/core';
import { startServer } from '@huawu/server';
import { WEB_ROOT } from './env';

export interface E2EServer {
  url: string;
  /** The server's core, for tests that write fixtures directly. */
  core: CoreDeps;
  stop(): Promise<void>;
}

/** The real server in-process: a fresh SQLite file with the demo city, the built UI, a random port. */
export async function startE2EServer(): Promise<E2EServer> {
  const dir = mkdtempSync(join(tmpdir(), 'huawu-e2e-'));
  const server = await startServer({
    databaseUrl: join(dir, 'huawu.db'),
    port: 0,
    host: '127.0.0.1',
    webRoot: WEB_ROOT,
    demo: true,
    logLevel: 'warn',
  });
  return {
    url: server.url,
    core: server.core,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
