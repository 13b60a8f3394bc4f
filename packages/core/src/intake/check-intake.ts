import {
  type Actor,
  checkFiveElements,
  type IntakeDraft,
  evaluateScope,
  missingElements,
  parseIntakeDraft,
} from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { listScopeRules } from '../storage/scope-rules.repository.js';
import { assertMayTakeIntake } from '../use-cases/create-work-order.js';
import { findDuplicates } from './find-duplicates.js';
import { mayReadCallerHistory } from './intake-access.js';

const withoutNumber = ({ callerPhone: _, ...rest }: IntakeDraft): IntakeDraft => rest;

/**
 * The intake check the workbench runs while the agent types (受理检查): the five elements, the scope
 * decision (emergency / not accepted / accept) with the matching rules' scripts, and duplicate
 * candidates. Everything here is a prompt; nothing is saved.
 */
export async function checkIntake(deps: CoreDeps, actor: Actor, raw: unknown) {
  assertMayTakeIntake(actor);
  const parsed = parseIntakeDraft(raw);
  if (!parsed.ok) throw AppError.from(parsed.error);
  const draft = parsed.value;
  const fiveElements = checkFiveElements(draft);
  const [rules, duplicates] = await Promise.all([
    listScopeRules(deps.database.db, { activeOnly: true }),
    // The caller's own orders are a look-up by number, like the caller history: only for the roles that
    // may read it. For the others the number neither lists nor excludes candidates (else a dispatcher
    // could tie a number to a confidential order, whose caller it must not see).
    findDuplicates(deps, mayReadCallerHistory(actor) ? draft : withoutNumber(draft)),
  ]);
  return {
    fiveElements,
    missing: missingElements(fiveElements),
    scope: evaluateScope(draft, rules),
    duplicates,
  };
}
