import { randomUUID } from 'node:crypto';
import {
  type Actor,
  SCOPE_RULE_KIND_LABELS,
  type ScopeRule,
  type ScopeRuleInput,
  parseScopeRule,
} from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { writeAudit } from '../storage/admin.repository.js';
import {
  findScopeRule,
  insertScopeRules,
  listScopeRules as listStoredRules,
  updateScopeRule as updateStoredRule,
} from '../storage/scope-rules.repository.js';
import { assertIntakeEditor, isIntakeEditor } from './intake-access.js';

const view = (r: ScopeRule) => ({
  id: r.id,
  kind: r.kind,
  kindLabel: SCOPE_RULE_KIND_LABELS[r.kind],
  label: r.label,
  keywords: r.keywords,
  exclusions: r.exclusions,
  categories: r.categories,
  target: r.target ?? null,
  reasonCode: r.reasonCode ?? null,
  script: r.script,
  priority: r.priority,
  active: r.active,
});

const toRule = (id: string, input: ScopeRuleInput): ScopeRule => ({
  id,
  kind: input.kind,
  label: input.label,
  keywords: input.keywords,
  exclusions: input.exclusions,
  categories: input.categories,
  ...(input.target ? { target: input.target } : {}),
  ...(input.reasonCode ? { reasonCode: input.reasonCode } : {}),
  script: input.script,
  priority: input.priority,
  active: input.active,
});

function parseOrThrow(raw: unknown): ScopeRuleInput {
  const parsed = parseScopeRule(raw);
  if (!parsed.ok) throw AppError.from(parsed.error);
  return parsed.value;
}

/** Scope rules (受理范围规则), emergencies first; editors also see disabled rules. */
export async function listScopeRules(deps: CoreDeps, actor: Actor) {
  const rules = await listStoredRules(deps.database.db, { activeOnly: !isIntakeEditor(actor) });
  return { items: rules.map(view) };
}

export async function createScopeRule(deps: CoreDeps, actor: Actor, raw: unknown) {
  assertIntakeEditor(actor, '受理范围规则');
  const rule = toRule(`rule-${randomUUID()}`, parseOrThrow(raw));
  const at = deps.now().toISOString();
  await deps.database.db.transaction().execute(async (tx) => {
    await insertScopeRules(tx, [rule], at, actor.userId);
    await writeAudit(tx, {
      at,
      actorId: actor.userId,
      action: 'create_scope_rule',
      targetType: 'scope_rule',
      targetId: rule.id,
    });
  });
  return view(rule);
}

/** Replaces a rule's definition (all fields, as the editor shows them). */
export async function updateScopeRule(deps: CoreDeps, actor: Actor, id: string, raw: unknown) {
  assertIntakeEditor(actor, '受理范围规则');
  const input = parseOrThrow(raw);
  const at = deps.now().toISOString();
  return deps.database.db.transaction().execute(async (tx) => {
    if (!(await findScopeRule(tx, id))) throw new AppError('NOT_FOUND', '规则不存在');
    const rule = toRule(id, input);
    await updateStoredRule(tx, rule, at, actor.userId);
    await writeAudit(tx, {
      at,
      actorId: actor.userId,
      action: 'update_scope_rule',
      targetType: 'scope_rule',
      targetId: id,
    });
    return view(rule);
  });
}
