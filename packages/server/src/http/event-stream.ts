import type { ServerResponse } from 'node:http';
import { actorOf, authenticate } from '@huawu/core';
import type { Actor } from '@huawu/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AuthContext, tokenOf } from './auth.js';

/** One open event stream (text/event-stream) of a signed-in user. */
export interface EventStream {
  send(event: string, data: unknown): void;
  /**
   * Re-checks the session, then runs `deliver` with the (fresh) actor; in order, one at a time. After a
   * logout, a password reset or expiry the stream sends `session_ended` and ends instead.
   */
  whileSignedIn(deliver: (actor: Actor) => void | Promise<void>): void;
}

/**
 * Server-sent event streams for one route family: headers, `retry`, a session-checked heartbeat
 * comment, and closing every stream when the server stops (streams never end on their own, so
 * `app.close()` would otherwise wait forever).
 */
export function eventStreams(app: FastifyInstance, ctx: AuthContext) {
  const streams = new Set<{ raw: ServerResponse; close: () => void }>();
  app.addHook('preClose', async () => {
    for (const s of [...streams]) s.close();
  });

  /** Takes over the reply; `start` subscribes and returns the unsubscribe function. */
  return function open(
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      heartbeatMs: number;
      start: (stream: EventStream) => () => void;
      /** What a heartbeat sends (after the session check); default: an SSE comment line. */
      heartbeat?: (stream: EventStream) => void;
    },
  ): void {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': request.id,
    });
    const token = tokenOf(request);
    let closed = false;
    const send = (event: string, data: unknown) => {
      if (!raw.writableEnded) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    let queue = Promise.resolve();
    const whileSignedIn = (deliver: (actor: Actor) => void | Promise<void>) => {
      queue = queue.then(async () => {
        if (closed) return;
        const user = await authenticate(ctx.core, ctx.sessions, token).catch(() => undefined);
        if (closed) return;
        if (!user) {
          send('session_ended', { code: 'SESSION_EXPIRED' });
          entry.close();
          return;
        }
        await Promise.resolve(deliver(actorOf(user))).catch(() => undefined);
      });
    };
    raw.write('retry: 3000\n\n');
    const stream: EventStream = { send, whileSignedIn };
    const unsubscribe = options.start(stream);
    const beat =
      options.heartbeat ??
      (() => {
        if (!raw.writableEnded) raw.write(`: ping ${new Date().toISOString()}\n\n`);
      });
    const timer = setInterval(() => whileSignedIn(() => beat(stream)), options.heartbeatMs);
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
  };
}
