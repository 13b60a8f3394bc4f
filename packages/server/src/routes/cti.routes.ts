import type { FastifyInstance } from 'fastify';
import type { AuthContext } from '../http/auth.js';

/** cti routes (placeholder). */
export function ctiRoutes(_app: FastifyInstance, _ctx: AuthContext): void {}
