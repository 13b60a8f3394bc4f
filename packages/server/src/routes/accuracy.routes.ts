import type { FastifyInstance } from 'fastify';
import type { AuthContext } from '../http/auth.js';

/** accuracy routes (placeholder). */
export function accuracyRoutes(_app: FastifyInstance, _ctx: AuthContext): void {}
