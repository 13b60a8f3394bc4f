import type { FastifyInstance } from 'fastify';
import type { AuthContext } from '../http/auth.js';

/** intake routes (placeholder). */
export function intakeRoutes(_app: FastifyInstance, _ctx: AuthContext): void {}
