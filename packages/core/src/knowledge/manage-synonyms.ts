import { randomUUID } from 'node:crypto';
import {
  type Actor,
  type KbSynonymConflict,
  kbMayEditSynonyms,
  kbSynonymConflicts,
  parseKbSynonymInput,
} from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { SEED_SYNONYMS, parseSynonymGroup } from '../search/synonyms.js';
import { writeAudit } from '../storage/admin.repository.js';
import {
  KB_SYNONYMS_TARGET,
  type SynonymRecord,
  deleteSynonymRecord,
  findSynonymRecord,
  insertSynonymRecord,
  lastSynonymChangeAt,
  listSynonymRecords,
  lockSynonymWriters,
  updateSynonymRecord,
} from '../storage/kb-synonyms.repository.js';
import type { Schema } from '../storage/schema.js';
import type { Kysely } from 'kysely';

/** One synonym group as the editors see it: the centre's own (editable) or a built-in one (read-only). */
export interface SynonymGroupView {
  id: string;
  /** Equivalent terms, the canonical (official) one first. */
  terms: string[];
  note: string | null;
  /** Shipped with the search (`SEED_SYNONYMS`): read-only. */
  builtIn: boolean;
  updatedAt: string | null;
  updatedByName: string | null;
}

export interface SynonymChange {
  group: SynonymGroupView;
  /** Terms that already belong to another of the centre's groups (saved all the same). */
  warnings: KbSynonymConflict[];
}

const BUILT_IN_PREFIX = 'builtin-';

const BUILT_IN: SynonymGroupView[] = SEED_SYNONYMS.map((terms, i) => ({
  id: `${BUILT_IN_PREFIX}${i + 1}`,
  terms: [...terms],
  note: null,
  builtIn: true,
  updatedAt: null,
  updatedByName: null,
}));

const view = (r: SynonymRecord): SynonymGroupView => ({
  id: r.id,
  terms: parseSynonymGroup(r.terms) ?? [],
  note: r.note,
  builtIn: false,
  updatedAt: r.updatedAt,
  updatedByName: r.updatedByName,
});

function assertEditor(actor: Actor): void {
  if (!kbMayEditSynonyms(actor)) {
    throw new AppError('ROLE_NOT_PERMITTED', '只有值班长或管理员可以维护同义词');
  }
}

function parse(raw: unknown) {
  const parsed = parseKbSynonymInput(raw);
  if (!parsed.ok) throw AppError.from(parsed.error);
  return parsed.value;
}

function assertNotBuiltIn(id: string): void {
  if (id.startsWith(BUILT_IN_PREFIX)) {
    throw new AppError('FORBIDDEN', '内置同义词组为只读；如需补充，请新增一组');
  }
}

/**
 * Opens a synonym write: serialises it with the other knowledge-base writers and returns its time,
 * later than every synonym change before. The search notices changes by the table's row count and
 * latest `updated_at`, so a stamp that went backwards (a clock that stood still or was set back) could
 * hide a change from the other processes.
 */
async function beginWrite(tx: Kysely<Schema>, now: Date): Promise<string> {
  await lockSynonymWriters(tx);
  const last = await lastSynonymChangeAt(tx);
  const lastMs = last ? Date.parse(last) : Number.NaN;
  const at = Number.isFinite(lastMs) && lastMs >= now.getTime() ? lastMs + 1 : now.getTime();
  return new Date(at).toISOString();
}

async function conflictsOf(tx: Kysely<Schema>, terms: readonly string[], selfId: string | null) {
  const groups = (await listSynonymRecords(tx)).map((r) => ({
    id: r.id,
    terms: parseSynonymGroup(r.terms) ?? [],
  }));
  return kbSynonymConflicts(terms, groups, selfId);
}

async function reload(tx: Kysely<Schema>, id: string): Promise<SynonymGroupView> {
  const record = await findSynonymRecord(tx, id);
  if (!record) throw new AppError('INTERNAL', '同义词组保存后未找到');
  return view(record);
}

/** The centre's groups (latest change first), then the built-in ones (supervisor, admin). */
export async function listSynonyms(
  deps: CoreDeps,
  actor: Actor,
): Promise<{ items: SynonymGroupView[]; builtIn: number; custom: number }> {
  assertEditor(actor);
  const custom = (await listSynonymRecords(deps.database.db)).map(view);
  return { items: [...custom, ...BUILT_IN], builtIn: BUILT_IN.length, custom: custom.length };
}

/** Adds a group; searchable at the next search in every process. */
export async function createSynonymGroup(deps: CoreDeps, actor: Actor, raw: unknown): Promise<SynonymChange> {
  assertEditor(actor);
  const input = parse(raw);
  const id = randomUUID();
  return deps.database.db.transaction().execute(async (tx) => {
    const at = await beginWrite(tx, deps.now());
    const warnings = await conflictsOf(tx, input.terms, null);
    await insertSynonymRecord(tx, id, { ...input, updatedAt: at, updatedBy: actor.userId });
    await writeAudit(tx, {
      at,
      actorId: actor.userId,
      action: 'create_synonym_group',
      targetType: KB_SYNONYMS_TARGET,
      targetId: id,
      detail: { terms: input.terms, note: input.note },
    });
    return { group: await reload(tx, id), warnings };
  });
}

/** Replaces a group's terms and note (built-in groups are read-only). */
export async function updateSynonymGroup(
  deps: CoreDeps,
  actor: Actor,
  id: string,
  raw: unknown,
): Promise<SynonymChange> {
  assertEditor(actor);
  assertNotBuiltIn(id);
  const input = parse(raw);
  return deps.database.db.transaction().execute(async (tx) => {
    const at = await beginWrite(tx, deps.now());
    const before = await findSynonymRecord(tx, id);
    if (!before) throw new AppError('NOT_FOUND', '同义词组不存在');
    const warnings = await conflictsOf(tx, input.terms, id);
    const previous = view(before);
    if (JSON.stringify(previous.terms) === JSON.stringify(input.terms) && previous.note === input.note) {
      return { group: previous, warnings }; // nothing changed: no write, no audit
    }
    await updateSynonymRecord(tx, id, { ...input, updatedAt: at, updatedBy: actor.userId });
    await writeAudit(tx, {
      at,
      actorId: actor.userId,
      action: 'update_synonym_group',
      targetType: KB_SYNONYMS_TARGET,
      targetId: id,
      detail: {
        terms: input.terms,
        note: input.note,
        before: { terms: previous.terms, note: previous.note },
      },
    });
    return { group: await reload(tx, id), warnings };
  });
}

/** Removes a group (built-in groups are read-only). */
export async function deleteSynonymGroup(deps: CoreDeps, actor: Actor, id: string): Promise<void> {
  assertEditor(actor);
  assertNotBuiltIn(id);
  await deps.database.db.transaction().execute(async (tx) => {
    const at = await beginWrite(tx, deps.now());
    const before = await findSynonymRecord(tx, id);
    if (!before || !(await deleteSynonymRecord(tx, id))) throw new AppError('NOT_FOUND', '同义词组不存在');
    await writeAudit(tx, {
      at,
      actorId: actor.userId,
      action: 'delete_synonym_group',
      targetType: KB_SYNONYMS_TARGET,
      targetId: id,
      detail: { terms: parseSynonymGroup(before.terms) ?? [], note: before.note },
    });
  });
}
