import { isCtiToken, listCurrentCalls, postCtiEvent, toCallView } from '@huawu/core';
import { CTI_EVENT_TYPES } from '@huawu/domain';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { type AuthContext, requireUser, tokenOf } from '../http/auth.js';
import { type EventStream, eventStreams } from '../http/event-stream.js';

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
  const openStream = eventStreams(app, ctx);

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
      // The session is checked again before every call and every ping: after a logout, a password reset
      // or expiry the stream says so and ends, and no caller's number reaches a browser no longer signed in.
      const ping = (stream: EventStream) => stream.send('ping', { at: new Date().toISOString() });
      openStream(request, reply, {
        heartbeatMs: CTI_PING_MS,
        heartbeat: ping,
        start: (stream) => {
          ping(stream);
          return ctx.core.calls.subscribe(actor.userId, (event) =>
            stream.whileSignedIn(() => stream.send('call', toCallView(event))),
          );
        },
      });
    },
  );
}
