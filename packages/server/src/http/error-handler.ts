import { isAppError } from '@huawu/core';
import { ERROR_CODES, type ErrorCode, type FieldIssue } from '@huawu/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_STATUS } from './error-status.js';
import { schemaIssues } from './validation-messages.js';

export function sendError(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  message?: string,
  issues?: FieldIssue[],
) {
  return reply.status(ERROR_STATUS[code]).send({
    error: {
      code,
      message: message ?? ERROR_CODES[code],
      ...(issues?.length ? { details: { issues } } : {}),
    },
    requestId: request.id,
  });
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_REQUEST',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_REQUEST',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_RATE_LIMIT: 'RATE_LIMITED',
};

/**
 * Router-level failures (Fastify's `frameworkErrors`: a path that is not valid URL encoding, a path
 * parameter over `maxParamLength`) never reach the error handler; they get the wire format here.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  request.log.info({ err: error }, 'rejected request');
  const reason = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? '路径参数过长' : '路径不是有效的 URL 编码';
  reply.header('x-request-id', request.id);
  return sendError(reply, request, 'MALFORMED_REQUEST', `${ERROR_CODES.MALFORMED_REQUEST}：${reason}`);
}

/** Maps every failure to the wire format; anything unexpected is logged and becomes INTERNAL. */
export function registerErrorHandling(app: FastifyInstance, opts: { spa: boolean }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) return sendError(reply, request, error.code, error.message, error.issues);
    if (error.validation) {
      const issues = schemaIssues(error.validation, error.validationContext ?? 'body');
      return sendError(reply, request, 'VALIDATION_FAILED', undefined, issues);
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return sendError(reply, request, mapped);
    if (error instanceof SyntaxError || (error.statusCode && error.statusCode < 500)) {
      request.log.info({ err: error }, 'rejected request');
      return sendError(
        reply,
        request,
        'MALFORMED_REQUEST',
        `${ERROR_CODES.MALFORMED_REQUEST}：${error.message}`,
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, request, 'INTERNAL');
  });
  // Client-side routes (e.g. /orders/123) get the single-page app; unknown API paths stay 404 JSON.
  app.setNotFoundHandler((request, reply) => {
    if (opts.spa && request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.sendFile('index.html');
    return sendError(
      reply,
      request,
      'NOT_FOUND',
      `接口不存在：${request.method} ${(request.url.split('?')[0] ?? '').slice(0, 200)}`,
    );
  });
}
