import { randomUUID } from 'node:crypto';
import type { Actor, CheckInput, CheckKind } from '@huawu/domain';
import { AppError } from '../app-error.js';
import { insertCheck } from '../storage/accuracy-checks.repository.js';
import { isUniqueViolation } from '../storage/accuracy-sql.js';
import type { Database } from '../storage/database.js';

type Tx = Database['db'];

/**
 * Writes one check call (a first check or a re-check) and returns its id. The unique index on
 * (item, kind, attempt) turns a second writer of the same check into CONFLICT with `conflictMessage`.
 */
export async function storeCheck(
  tx: Tx,
  c: {
    item: { id: string; roundId: string; phone: string };
    taskId: string | null;
    kind: CheckKind;
    attempt: number;
    check: CheckInput;
    actor: Actor;
    at: string;
    conflictMessage: string;
  },
): Promise<string> {
  const id = randomUUID();
  const { check } = c;
  try {
    await insertCheck(tx, {
      id,
      item_id: c.item.id,
      round_id: c.item.roundId,
      task_id: c.taskId,
      kind: c.kind,
      attempt: c.attempt,
      called_number: check.calledNumber ?? c.item.phone,
      reached: check.reached ? 1 : 0,
      answer_seconds: check.answerSeconds,
      rings: check.rings,
      verdict: check.verdict,
      guide_outdated: check.guideOutdated ? 1 : 0,
      notes: check.notes,
      checked_by: c.actor.userId,
      checked_at: c.at,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', c.conflictMessage);
    throw error;
  }
  return id;
}
