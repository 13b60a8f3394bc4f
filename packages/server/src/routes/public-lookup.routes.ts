import { type CoreDeps, lookupCase } from '@huawu/core';
import { PUBLIC_PHASES, PUBLIC_STEPS } from '@huawu/domain';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';

/** Lookups a minute from one address, before the core's own per-order and per-address counts. */
export const PUBLIC_LOOKUP_RATE_LIMIT = 30;

const LookupBody = Type.Object(
  {
    orderNo: Type.String({ minLength: 1, maxLength: 32 }),
    phoneLast4: Type.String({ minLength: 1, maxLength: 16 }),
  },
  { additionalProperties: false },
);

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** The answer's schema doubles as a second allow-list: the serializer drops any field not named here. */
const PublicCase = Type.Object({
  orderNo: Type.String(),
  phase: Type.Union(PUBLIC_PHASES.map((p) => Type.Literal(p))),
  phaseLabel: Type.String(),
  appealType: Type.String(),
  appealTypeLabel: Type.String(),
  title: Type.String(),
  createdAt: Type.String(),
  expectedBy: Nullable(Type.String()),
  handlingUnit: Nullable(Type.String()),
  reply: Nullable(Type.Object({ text: Type.String(), at: Type.String() })),
  steps: Type.Array(
    Type.Object({
      step: Type.Union(PUBLIC_STEPS.map((s) => Type.Literal(s))),
      label: Type.String(),
      at: Type.String(),
    }),
  ),
});

/** 市民办件查询: no session; the caller proves the case is theirs with the phone's last four digits. */
export function publicLookupRoutes(app: FastifyInstance, ctx: { core: CoreDeps }): void {
  app.post<{ Body: { orderNo: string; phoneLast4: string } }>(
    '/api/public/lookup',
    {
      schema: {
        tags: ['public'],
        summary: '市民办件查询（工单号 + 手机号后四位）',
        security: [],
        body: LookupBody,
        response: { 200: PublicCase },
      },
      config: { rateLimit: { max: PUBLIC_LOOKUP_RATE_LIMIT, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const view = await lookupCase(ctx.core, { ...request.body, ip: request.ip });
      // Personal data: never kept by a shared cache or the browser's back/forward cache.
      reply.header('cache-control', 'no-store');
      return view;
    },
  );
}
