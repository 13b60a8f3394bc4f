import type { EmergencyTarget, NotAcceptedReason, ScopeRule, ScopeRuleKind } from '@huawu/domain';
import type { Kysely } from 'kysely';
import { insertChunked } from './intake-tables.js';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

/** Storage of the intake desk's scope rules (受理范围 / 紧急转接, domain.md §5); word lists as JSON text. */

const json = (value: unknown) => JSON.stringify(value);
const list = (text: string): string[] => {
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
};

const toRule = (r: Schema['scope_rules']): ScopeRule => ({
  id: r.id,
  kind: r.kind as ScopeRuleKind,
  label: r.label,
  keywords: list(r.keywords),
  exclusions: list(r.exclusions),
  categories: list(r.categories),
  ...(r.target ? { target: r.target as EmergencyTarget } : {}),
  ...(r.reason_code ? { reasonCode: r.reason_code as NotAcceptedReason } : {}),
  script: r.script,
  priority: Number(r.priority),
  active: r.active === 1,
});

/** The editable columns of a rule (everything but its id and audit columns). */
const ruleRow = (r: ScopeRule) => ({
  kind: r.kind,
  label: r.label,
  keywords: json(r.keywords),
  exclusions: json(r.exclusions),
  categories: json(r.categories),
  target: r.target ?? null,
  reason_code: r.reasonCode ?? null,
  script: r.script,
  priority: r.priority,
  active: r.active ? 1 : 0,
});

export async function listScopeRules(db: Db, opts: { activeOnly?: boolean } = {}): Promise<ScopeRule[]> {
  let q = db.selectFrom('scope_rules').selectAll();
  if (opts.activeOnly) q = q.where('active', '=', 1);
  const rows = await q.orderBy('kind').orderBy('priority', 'desc').orderBy('id').execute();
  return rows.map(toRule);
}

export async function findScopeRule(db: Db, id: string): Promise<ScopeRule | undefined> {
  const row = await db.selectFrom('scope_rules').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRule(row) : undefined;
}

export async function insertScopeRules(
  db: Db,
  rules: readonly ScopeRule[],
  at: string,
  by: string | null,
): Promise<void> {
  await insertChunked(rules, (chunk) =>
    db
      .insertInto('scope_rules')
      .values(chunk.map((r) => ({ id: r.id, ...ruleRow(r), created_at: at, updated_at: at, updated_by: by })))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute(),
  );
}

export async function updateScopeRule(db: Db, rule: ScopeRule, at: string, by: string): Promise<void> {
  await db
    .updateTable('scope_rules')
    .set({ ...ruleRow(rule), updated_at: at, updated_by: by })
    .where('id', '=', rule.id)
    .execute();
}
