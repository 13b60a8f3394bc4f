import type { Actor } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { listAudit as listAuditRows } from '../storage/admin.repository.js';

const AUDITORS = new Set(['admin', 'supervisor', 'inspector']);

/** The audit trail (logins, personal-data reads, account and settings changes), newest first. */
export async function listAudit(
  deps: CoreDeps,
  actor: Actor,
  query: { targetId?: string; action?: string; limit?: number },
) {
  if (!AUDITORS.has(actor.role))
    throw new AppError('FORBIDDEN', '只有管理员、值班长和质检员可以查看审计日志');
  const limit = query.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw AppError.validation('querystring.limit', '每次 1–500 条');
  }
  return { items: await listAuditRows(deps.database.db, { ...query, limit }) };
}
