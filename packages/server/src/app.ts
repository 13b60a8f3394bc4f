import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, type CoreDeps, createSessionCache } from '@huawu/core';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { frameworkErrorHandler, registerErrorHandling } from './http/error-handler.js';
import { registerInputGuard } from './http/input-guard.js';
import { adminRoutes } from './routes/admin.routes.js';
import { archiveRoutes } from './routes/archive.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { accuracyRoutes } from './routes/accuracy.routes.js';
import { closureRoutes } from './routes/closure.routes.js';
import { ctiRoutes } from './routes/cti.routes.js';
import { deskRoutes } from './routes/desk.routes.js';
import { dispatchRoutes } from './routes/dispatch.routes.js';
import { intakeRoutes } from './routes/intake.routes.js';
import { knowledgeRoutes } from './routes/knowledge.routes.js';
import { notificationRoutes } from './routes/notifications.routes.js';
import { orderExportRoutes } from './routes/order-export.routes.js';
import { orderFilesRoutes } from './routes/order-files.routes.js';
import { noticesStreamRoutes } from './routes/notices-stream.routes.js';
import { publicLookupRoutes } from './routes/public-lookup.routes.js';
import { unitRoutes } from './routes/units.routes.js';
import { workOrderRoutes } from './routes/work-orders.routes.js';

export interface AppOptions {
  core: CoreDeps;
  /** Built web UI to serve at `/` (omitted in API-only tests). */
  webRoot?: string;
  logger?: FastifyServerOptions['logger'];
  secureCookies?: boolean;
  version?: string;
  /** Per-address login attempts a minute (the per-username lock lives in the core). */
  loginRateLimit?: number;
}

/** Builds the HTTP application without listening: tests use `app.inject()`, `serve` listens. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    },
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: true } },
    forceCloseConnections: 'idle',
    // During a graceful stop, requests that still arrive on open connections are served (with
    // `Connection: close`) rather than answered with Fastify's own 503 body, which is not our format.
    return503OnClosing: false,
    frameworkErrors: frameworkErrorHandler,
    // One structured line per request (below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });
  // Graceful stop: idle keep-alive connections are closed when `close()` starts; a request still in
  // flight then answers with `Connection: close`, so its socket ends too and `close()` can finish
  // instead of waiting for the client's keep-alive timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // JSON only: Fastify also parses text/plain by default, which would turn a 415 into a confusing 400.
  app.removeContentTypeParser('text/plain');
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
  });
  const loginRateLimit = options.loginRateLimit ?? 30;
  const spa = Boolean(options.webRoot && existsSync(join(options.webRoot, 'index.html')));
  registerErrorHandling(app, { spa });
  registerInputGuard(app);
  const ctx = { core: options.core, sessions: createSessionCache(), version: options.version ?? '0.1.0' };

  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    max: loginRateLimit,
    // The plugin throws what this returns: an AppError goes through the one error handler (429, our shape).
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Huawu 话务 API', version: ctx.version, description: '政务服务热线工单平台接口' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'huawu_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  authRoutes(app, { ...ctx, secureCookies: options.secureCookies ?? false, loginRateLimit });
  workOrderRoutes(app, ctx);
  orderExportRoutes(app, ctx);
  adminRoutes(app, ctx);
  intakeRoutes(app, ctx);
  ctiRoutes(app, ctx);
  knowledgeRoutes(app, ctx);
  accuracyRoutes(app, ctx);
  notificationRoutes(app, ctx);
  noticesStreamRoutes(app, ctx);
  dispatchRoutes(app, ctx);
  deskRoutes(app, ctx);
  closureRoutes(app, ctx);
  orderFilesRoutes(app, ctx);
  unitRoutes(app, ctx);
  publicLookupRoutes(app, ctx);
  archiveRoutes(app, ctx);

  if (spa && options.webRoot) await app.register(fastifyStatic, { root: options.webRoot, wildcard: false });
  return app;
}
