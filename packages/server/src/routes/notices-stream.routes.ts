import { listMyNotices } from '@huawu/core';
import type { FastifyInstance } from 'fastify';
import { type AuthContext, requireUser } from '../http/auth.js';
import { eventStreams } from '../http/event-stream.js';

/** Heartbeat comment of the notices stream: keeps proxies from closing an idle connection. */
export const NOTICES_HEARTBEAT_MS = 25_000;

/**
 * 通知推送: each browser holds an event stream for its user's unit (a centre user's unit is the centre).
 * `notices` (`{unread}`) says "reload the list": once when the stream opens (it may have missed some
 * while disconnected) and whenever new notices for the unit are committed, in any server process.
 */
export function noticesStreamRoutes(app: FastifyInstance, ctx: AuthContext): void {
  const open = eventStreams(app, ctx);
  app.get(
    '/api/notices/stream',
    {
      schema: {
        tags: ['notifications'],
        summary: '站内通知推送（text/event-stream：event: notices {unread} / session_ended；仅本单位）',
      },
    },
    async (request, reply) => {
      const { actor } = await requireUser(ctx, request);
      // Notices committed by other server processes (PostgreSQL NOTIFY) arrive before the stream is live.
      await ctx.core.notices.ready();
      open(request, reply, {
        heartbeatMs: NOTICES_HEARTBEAT_MS,
        start: (stream) => {
          const announce = () =>
            stream.whileSignedIn(async (current) => {
              const { unread } = await listMyNotices(ctx.core, current, { limit: 1 });
              stream.send('notices', { unread });
            });
          announce();
          return ctx.core.notices.subscribe(actor.unitId, announce);
        },
      });
    },
  );
}
