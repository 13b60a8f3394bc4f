import {
  type CoreDeps,
  type DemoSummary,
  createCore,
  deliverDue,
  prepareDatabase,
  seedDemo,
  sweepClocks,
  smsGatewayFor,
  validateSmsConfig,
} from '@huawu/core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';

export interface ServeOptions {
  databaseUrl: string;
  port: number;
  host: string;
  webRoot?: string;
  demo: boolean;
  logLevel: string;
  version?: string;
}

export interface RunningServer {
  app: FastifyInstance;
  core: CoreDeps;
  url: string;
  demo: DemoSummary | undefined;
  stop(): Promise<void>;
}

/** Migrates, seeds the demo on first start, listens, and stops gracefully (in-flight requests finish). */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const ctiToken = process.env.HUAWU_CTI_TOKEN?.trim();
  // A bad SMS gateway URL stops the start with a clear message (before the database is opened).
  const smsUrl = process.env.HUAWU_SMS_URL?.trim();
  const sms = smsUrl ? validateSmsConfig({ url: smsUrl, token: process.env.HUAWU_SMS_TOKEN }) : undefined;
  const core = createCore({
    databaseUrl: options.databaseUrl,
    config: { ...(ctiToken ? { ctiToken } : {}), ...(sms ? { sms } : {}) },
  });
  const smsGateway = smsGatewayFor(core.config);
  await prepareDatabase(core);
  const demo = options.demo ? await seedDemo(core) : undefined;
  const app = await buildApp({
    core,
    webRoot: options.webRoot,
    version: options.version,
    logger: { level: options.logLevel },
    secureCookies: process.env.HUAWU_SECURE_COOKIES === 'true',
  });
  const address = await app.listen({ port: options.port, host: options.host });
  // The knowledge-search index is built in the background, so the first agent's search does not wait
  // for it (seconds at 100,000 articles); a search meanwhile shares the same refresh.
  core.search
    .refresh()
    .catch((error: unknown) => app.log.warn({ err: error }, 'knowledge index warm-up failed'));
  // The notifications outbox worker: webhook/SMS deliveries every 5 s (claims are safe across processes).
  let delivering: Promise<void> | undefined;
  const outbox = setInterval(() => {
    delivering ??= deliverDue(core, { sms: smsGateway })
      .then(() => undefined)
      .catch((error: unknown) => app.log.warn({ err: error }, 'notification delivery failed'))
      .finally(() => {
        delivering = undefined;
      });
  }, 5000);
  outbox.unref();
  // The supervision sweeper (黄牌/红牌/催办/督办): every 15 s, a few batches per tick; safe across processes.
  let sweeping: Promise<void> | undefined;
  const sweeper = setInterval(() => {
    sweeping ??= sweepClocks(core, { maxBatches: 20 })
      .then(() => undefined)
      .catch((error: unknown) => app.log.warn({ err: error }, 'supervision sweep failed'))
      .finally(() => {
        sweeping = undefined;
      });
  }, 15_000);
  sweeper.unref();
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      clearInterval(outbox);
      clearInterval(sweeper);
      await delivering;
      await sweeping;
      await app.close();
      await core.close();
    })();
    return stopping;
  };
  return { app, core, url: address, demo, stop };
}
