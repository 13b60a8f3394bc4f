import type { ServerResponse } from 'node:http';
import { authenticate, isCtiToken, listCurrentCalls, postCtiEvent, toCallView } from '@huawu/core';
import { CTI_EVENT_TYPES } from '@huawu/domain';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { type AuthContext, requireUser, tokenOf } from '../http/auth.js';

const tags = ['cti'];

/** Heartbeat of the event stream: keeps proxies from closing an idle connection. */
export const CTI_PING_MS = 15_000;

const CtiEventBody = Type.Object(
  {
    type: Type.String({
      enum: [...CTI_EVENT_TYPES],
      description: 'newCall 来电振铃 | answer 接听 | hangup 挂机',
    }),
    callId: Type.String({ maxLength: 128, description: '交换机通话编号（如 Asterisk Uniqueid）' }),
    caller: Type.Optional(
      Type.Union([Type.String({ maxLength: 40 }), Type.Null()], { description: '来电号码' }),
    ),
    agent: Type.String({ maxLength: 40, description: '坐席账号（用户名）' }),
    at: Type.Optional(
      Type.Union([Type.String({ maxLength: 40 }), Type.Null()], { description: 'ISO-8601 时间' }),
    ),
    cause: Type.Optional(
      Type.Union([Type.String({ maxLength: 100 }), Type.Null()], { description: '挂机原因' }),
    ),
  },
  { additionalProperties: false },
);

/**
 * CTI (screen pop): the switch posts call events with its token (or a user simulates a call for
 * training); each agent's browser holds an event stream (SSE) that receives its own calls.
 */
export function ctiRoutes(app: FastifyInstance, ctx: AuthContext): void {
  const streams = new Set<{ raw: ServerResponse; close: () => void }>();
  // Streams never end on their own: end them when the server stops, or `close()` would wait forever.
  app.addHook('preClose', async () => {
    for (const s of [...streams]) s.close();
  });

  app.post(
    '/api/cti/events',
    {
      schema: {
        tags,
        summary: '来电事件（交换机以 Bearer 令牌调用；坐席本人、值班长、管理员可模拟来电）',
        body: CtiEventBody,
      },
    },
    async (request, reply) => {
      const token = tokenOf(request);
      const poster = isCtiToken(ctx.core, token)
        ? ({ kind: 'switch' } as const)
        : ({ kind: 'user', actor: (await requireUser(ctx, request)).actor } as const);
      const { delivered, duplicate } = await postCtiEvent(ctx.core, poster, request.body);
      return reply.status(202).send({ delivered, duplicate });
    },
  );

  app.get(
    '/api/cti/calls/current',
    { schema: { tags, summary: '本坐席当前通话（刷新页面后恢复弹屏）' } },
    async (request) => listCurrentCalls(ctx.core, (await requireUser(ctx, request)).actor),
  );

  app.get(
    '/api/cti/stream',
    {
      schema: {
        tags,
        summary: '来电弹屏事件流（text/event-stream：event: call / ping；仅本坐席的来电）',
      },
    },
    async (request, reply) => {
      const { actor } = await requireUser(ctx, request);
      // Events from other server processes (PostgreSQL NOTIFY) arrive before the stream says it is live.
      await ctx.core.calls.ready();
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      const send = (event: string, data: unknown) => {
        if (!raw.writableEnded) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      // The session is checked again before every call and every ping: after a logout, a password reset
      // or expiry the stream says so and ends, and no caller's number reaches a browser no longer signed in.
      const token = tokenOf(request);
      const signedIn = () =>
        authenticate(ctx.core, ctx.sessions, token).then(
          () => true,
          () => false,
        );
      let queue = Promise.resolve();
      const whileSignedIn = (deliver: () => void) => {
        queue = queue.then(async () => {
          if (closed) return;
          if (await signedIn()) deliver();
          else {
            send('session_ended', { code: 'SESSION_EXPIRED' });
            entry.close();
          }
        });
      };
      const ping = () => send('ping', { at: new Date().toISOString() });
      raw.write('retry: 3000\n\n');
      ping();
      const unsubscribe = ctx.core.calls.subscribe(actor.userId, (event) =>
        whileSignedIn(() => send('call', toCallView(event))),
      );
      const timer = setInterval(() => whileSignedIn(ping), CTI_PING_MS);
      let closed = false;
      const entry = {
        raw,
        close: () => {
          if (closed) return;
          closed = true;
          clearInterval(timer);
          unsubscribe();
          streams.delete(entry);
          if (!raw.writableEnded) raw.end();
        },
      };
      streams.add(entry);
      request.raw.on('close', entry.close);
      raw.on('close', entry.close);
      raw.on('error', entry.close);
    },
  );
}
