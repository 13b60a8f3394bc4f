import {
  type Actor,
  type FieldIssue,
  UNIT_CREATE_FIELDS,
  UNIT_UPDATE_FIELDS,
  type UnitDraft,
  type UnitKind,
  childKindProblem,
  moveCycleProblem,
  parentKindProblem,
  rebasePath,
  unitFieldProblems,
  unitPath,
} from '@huawu/domain';
import type { Kysely } from 'kysely';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { parseInputOrThrow } from '../intake/parse-input.js';
import { isUniqueViolation } from '../storage/sql-errors.js';
import { writeAudit } from '../storage/admin.repository.js';
import type { Schema } from '../storage/schema.js';
import {
  type UnitRow,
  countCentres,
  countUnitLoad,
  findSiblingNamed,
  findUnitRow,
  insertUnitRow,
  listChildren,
  listSubtree,
  nextSortOrder,
  setUnitPath,
  setUnitsActive,
  updateUnitRow,
} from '../storage/units.repository.js';
import { unitView } from './unit-view.js';

type Db = Kysely<Schema>;

/** Only system administrators maintain the unit tree. */
export function assertUnitAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new AppError('ROLE_NOT_PERMITTED', '只有系统管理员可以维护承办单位');
}

const invalid = (issue: FieldIssue) =>
  new AppError('VALIDATION_FAILED', `输入不符合要求：${issue.message}`, [issue]);
const conflict = (field: string, message: string) => new AppError('CONFLICT', message, [{ field, message }]);

function draftOf(parsed: Record<string, unknown>): UnitDraft {
  const text = (key: string) => (typeof parsed[key] === 'string' ? (parsed[key] as string) : null);
  return {
    name: parsed.name as string,
    kind: parsed.kind as UnitKind,
    parentId: text('parentId'),
    dutyPhone: text('dutyPhone'),
    liaisonName: text('liaisonName'),
    liaisonPhone: text('liaisonPhone'),
    note: text('note'),
    ...(typeof parsed.sortOrder === 'number' ? { sortOrder: parsed.sortOrder } : {}),
  };
}

function parseDraft(specs: typeof UNIT_CREATE_FIELDS, raw: unknown) {
  const parsed = parseInputOrThrow(specs, raw);
  const draft = draftOf(parsed);
  const id = typeof parsed.id === 'string' ? parsed.id : undefined;
  const issues = unitFieldProblems({ ...draft, ...(id === undefined ? {} : { id }) });
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', issues[0]!.message, issues);
  return { draft, id };
}

/** The parent a unit may be placed under: exists, active (unless unchanged), kind rule respected. */
async function checkParent(tx: Db, draft: UnitDraft, current?: UnitRow): Promise<UnitRow | undefined> {
  const parent = draft.parentId ? await findUnitRow(tx, draft.parentId) : undefined;
  if (draft.parentId && !parent)
    throw invalid({ field: 'parentId', message: `上级单位不存在：${draft.parentId}` });
  if (parent && !parent.active && parent.id !== current?.parentId) {
    throw invalid({ field: 'parentId', message: `上级单位已停用：${parent.name}` });
  }
  if (current) {
    const cycle =
      draft.parentId === current.id
        ? moveCycleProblem(current.path, current.path)
        : moveCycleProblem(current.path, parent?.path ?? null);
    if (cycle) throw invalid(cycle);
  }
  const placement = parentKindProblem(draft.kind, (parent?.kind as UnitKind | undefined) ?? null);
  if (placement) throw invalid(placement);
  return parent;
}

async function checkName(tx: Db, draft: UnitDraft, exceptId?: string) {
  if (await findSiblingNamed(tx, draft.parentId, draft.name, exceptId)) {
    throw conflict('name', `同一上级下已有名为「${draft.name}」的单位`);
  }
}

/** 新增单位: a new unit under an active parent (or top level), audited. */
export async function createUnit(deps: CoreDeps, actor: Actor, raw: unknown) {
  assertUnitAdmin(actor);
  const { draft, id } = parseDraft(UNIT_CREATE_FIELDS, raw);
  const unitId = id as string;
  const at = deps.now().toISOString();
  // Two creates with the same id at once: the primary key refuses the second (a 409 like the check).
  return createTx(deps, actor, unitId, draft, at).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw conflict('id', `单位编号已存在：${unitId}`);
    throw error;
  });
}

function createTx(
  deps: CoreDeps,
  actor: Actor,
  unitId: string,
  draft: ReturnType<typeof parseDraft>['draft'],
  at: string,
) {
  return deps.database.db.transaction().execute(async (tx) => {
    if (await findUnitRow(tx, unitId)) throw conflict('id', `单位编号已存在：${unitId}`);
    if (draft.kind === 'centre' && (await countCentres(tx)) > 0) {
      throw conflict('kind', '热线中心只能有一个');
    }
    const parent = await checkParent(tx, draft);
    await checkName(tx, draft);
    const values = {
      ...draft,
      path: unitPath(parent?.path ?? null, unitId),
      sortOrder: draft.sortOrder ?? (await nextSortOrder(tx)),
    };
    await insertUnitRow(tx, unitId, values, at);
    await writeAudit(tx, {
      at,
      actorId: actor.userId,
      action: 'unit_create',
      targetType: 'unit',
      targetId: unitId,
      detail: { name: draft.name, kind: draft.kind, parentId: draft.parentId },
    });
    return unitView((await findUnitRow(tx, unitId))!);
  });
}

/**
 * 编辑单位: replaces name, kind, phones, liaison, note (absent = cleared) and sort order (absent = kept).
 * A new parent moves the unit: its path and the paths of its whole subtree change in the same
 * transaction, so access scope, 下派 checks and escalation follow at once.
 */
export async function updateUnit(deps: CoreDeps, actor: Actor, id: string, raw: unknown) {
  assertUnitAdmin(actor);
  const { draft } = parseDraft(UNIT_UPDATE_FIELDS, raw);
  const at = deps.now().toISOString();
  return deps.database.db.transaction().execute(async (tx) => {
    const unit = await findUnitRow(tx, id);
    if (!unit) throw new AppError('NOT_FOUND', `单位不存在：${id.slice(0, 40)}`);
    if ((unit.kind === 'centre') !== (draft.kind === 'centre')) {
      throw invalid({
        field: 'kind',
        message: unit.kind === 'centre' ? '热线中心的类型不能更改' : '热线中心只能有一个',
      });
    }
    const parent = await checkParent(tx, draft, unit);
    const childKinds = (await listChildren(tx, id)).map((c) => c.kind as UnitKind);
    const childProblem = childKindProblem(draft.kind, childKinds);
    if (childProblem) throw invalid(childProblem);
    await checkName(tx, draft, id);

    const path = unitPath(parent?.path ?? null, id);
    let moved = 0;
    if (path !== unit.path) {
      for (const member of await listSubtree(tx, unit.path)) {
        if (member.id === id) continue;
        await setUnitPath(tx, member.id, rebasePath(member.path, unit.path, path), at);
        moved++;
      }
    }
    await updateUnitRow(tx, id, { ...draft, path, sortOrder: draft.sortOrder ?? unit.sortOrder }, at);
    const changed = (Object.keys(draft) as (keyof UnitDraft)[]).filter(
      (key) => draft[key] !== undefined && draft[key] !== unit[key as keyof UnitRow],
    );
    await writeAudit(tx, {
      at,
      actorId: actor.userId,
      action: path === unit.path ? 'unit_update' : 'unit_move',
      targetType: 'unit',
      targetId: id,
      detail: {
        changed,
        ...(path === unit.path ? {} : { fromPath: unit.path, toPath: path, subtreeMoved: moved }),
      },
    });
    return unitView((await findUnitRow(tx, id))!);
  });
}

/**
 * 停用: the unit and its whole subtree, refused while any of them still has active accounts or
 * active tasks on open orders (those must be moved or finished first).
 */
export async function deactivateUnit(deps: CoreDeps, actor: Actor, id: string) {
  assertUnitAdmin(actor);
  const at = deps.now().toISOString();
  return deps.database.db.transaction().execute(async (tx) => {
    const unit = await findUnitRow(tx, id);
    if (!unit) throw new AppError('NOT_FOUND', `单位不存在：${id.slice(0, 40)}`);
    if (unit.kind === 'centre') throw new AppError('CONFLICT', '热线中心不能停用');
    const members = (await listSubtree(tx, unit.path)).filter((m) => m.active);
    const ids = members.map((m) => m.id);
    const load = await countUnitLoad(tx, ids);
    if (load.users > 0 || load.tasks > 0) {
      const parts = [
        load.users > 0 ? `${load.users} 个启用的账号` : null,
        load.tasks > 0 ? `${load.tasks} 项未办结工单的任务` : null,
      ].filter(Boolean);
      throw new AppError(
        'CONFLICT',
        `「${unit.name}」${members.length > 1 ? '及其下级单位' : ''}仍有${parts.join('、')}，不能停用`,
      );
    }
    if (ids.length > 0) {
      await setUnitsActive(tx, ids, false, at);
      await writeAudit(tx, {
        at,
        actorId: actor.userId,
        action: 'unit_deactivate',
        targetType: 'unit',
        targetId: id,
        detail: { units: ids },
      });
    }
    return unitView((await findUnitRow(tx, id))!);
  });
}

/** 启用: the unit itself (its sub-units stay as they are); its parent must be active. */
export async function activateUnit(deps: CoreDeps, actor: Actor, id: string) {
  assertUnitAdmin(actor);
  const at = deps.now().toISOString();
  return deps.database.db.transaction().execute(async (tx) => {
    const unit = await findUnitRow(tx, id);
    if (!unit) throw new AppError('NOT_FOUND', `单位不存在：${id.slice(0, 40)}`);
    if (!unit.active) {
      const parent = unit.parentId ? await findUnitRow(tx, unit.parentId) : undefined;
      if (parent && !parent.active) {
        throw new AppError('CONFLICT', `上级单位「${parent.name}」已停用，请先启用上级单位`);
      }
      await setUnitsActive(tx, [id], true, at);
      await writeAudit(tx, {
        at,
        actorId: actor.userId,
        action: 'unit_activate',
        targetType: 'unit',
        targetId: id,
      });
    }
    return unitView((await findUnitRow(tx, id))!);
  });
}
