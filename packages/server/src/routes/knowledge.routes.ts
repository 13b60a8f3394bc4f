import type { FastifyInstance } from 'fastify';
import type { AuthContext } from '../http/auth.js';

/** knowledge routes (placeholder). */
export function knowledgeRoutes(_app: FastifyInstance, _ctx: AuthContext): void {}
