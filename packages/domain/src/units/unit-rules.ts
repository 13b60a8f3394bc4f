import type { FieldIssue } from '../errors.js';
import type { FieldSpecs } from '../input-fields.js';

/**
 * The unit tree (承办单位): the hotline centre, city departments, districts, their streets and
 * communities. Pure rules for creating, editing and moving units; storage and access live in core.
 */
export const UNIT_KINDS = ['centre', 'city', 'district', 'street', 'community'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  centre: '热线中心',
  city: '市直部门',
  district: '区县',
  street: '街道（乡镇）',
  community: '社区（村）',
};

/**
 * Which kind of parent a unit of each kind may have (`null`: a top-level unit). The centre stands
 * alone (one only, nothing under it); city departments are top-level or under another department
 * (下属机构); districts are top-level; streets sit under a district; communities under a street;
 * nothing sits under a community.
 */
export const UNIT_PARENT_KINDS: Record<UnitKind, readonly (UnitKind | null)[]> = {
  centre: [null],
  city: [null, 'city'],
  district: [null],
  street: ['district'],
  community: ['street'],
};

export const UNIT_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{1,39}$/;
/** Phones are checked loosely: digits, spaces, + and -, 5 to 20 characters (0931-8230101, +86 138…). */
export const UNIT_PHONE_PATTERN = /^[0-9+\- ]{5,20}$/;

const kindOptions = { values: UNIT_KINDS, labels: UNIT_KIND_LABELS };

/** Editable fields of a unit (PUT replaces them; absent or blank optional fields are cleared). */
export const UNIT_UPDATE_FIELDS: FieldSpecs = {
  name: { kind: 'text', label: '单位名称', required: true, maxLength: 60 },
  kind: { kind: 'enum', label: '单位类型', required: true, options: kindOptions },
  parentId: { kind: 'unit', label: '上级单位', required: false },
  dutyPhone: { kind: 'text', label: '值班电话', required: false, maxLength: 20 },
  liaisonName: { kind: 'text', label: '联络人', required: false, maxLength: 30 },
  liaisonPhone: { kind: 'text', label: '联络人电话', required: false, maxLength: 20 },
  note: { kind: 'text', label: '备注', required: false, maxLength: 200, multiline: true },
  sortOrder: { kind: 'integer', label: '排序号', required: false, min: 0, max: 9999 },
};

export const UNIT_CREATE_FIELDS: FieldSpecs = {
  id: { kind: 'text', label: '单位编号', required: true, maxLength: 40 },
  ...UNIT_UPDATE_FIELDS,
};

/** Unit fields once parsed. */
export interface UnitDraft {
  name: string;
  kind: UnitKind;
  parentId: string | null;
  dutyPhone: string | null;
  liaisonName: string | null;
  liaisonPhone: string | null;
  note: string | null;
  sortOrder?: number;
}

/** Format problems parseFields cannot see: id slug and phone characters. */
export function unitFieldProblems(draft: Partial<UnitDraft> & { id?: string }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (draft.id !== undefined && !UNIT_ID_PATTERN.test(draft.id)) {
    issues.push({
      field: 'id',
      message: '单位编号应为 2–40 位小写字母、数字、下划线或连字符，以字母或数字开头',
    });
  }
  for (const [field, label] of [
    ['dutyPhone', '值班电话'],
    ['liaisonPhone', '联络人电话'],
  ] as const) {
    const phone = draft[field];
    if (phone && !UNIT_PHONE_PATTERN.test(phone)) {
      issues.push({ field, message: `${label}应为 5–20 位数字、空格、+ 或 -` });
    }
  }
  return issues;
}

/** Where a unit is placed: its kind and its parent's (null parent = top level). */
export function parentKindProblem(kind: UnitKind, parentKind: UnitKind | null): FieldIssue | undefined {
  if (UNIT_PARENT_KINDS[kind].includes(parentKind)) return undefined;
  const allowed = UNIT_PARENT_KINDS[kind].map((k) => (k ? UNIT_KIND_LABELS[k] : '无上级（顶级单位）'));
  const where = parentKind ? `「${UNIT_KIND_LABELS[parentKind]}」下` : '顶级';
  return {
    field: 'parentId',
    message: `${UNIT_KIND_LABELS[kind]}不能设在${where}，上级应为：${allowed.join('或')}`,
  };
}

/** Children that would break the parent rule if their parent became `kind`. */
export function childKindProblem(kind: UnitKind, childKinds: readonly UnitKind[]): FieldIssue | undefined {
  const bad = childKinds.find((child) => !UNIT_PARENT_KINDS[child].includes(kind));
  if (!bad) return undefined;
  return {
    field: 'kind',
    message: `该单位有下级「${UNIT_KIND_LABELS[bad]}」，不能改为${UNIT_KIND_LABELS[kind]}`,
  };
}

/** The path of a unit under a parent path (`/` for top level): `/parent/child/`. */
export function unitPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** True when `candidatePath` is the unit at `path` itself or lies in its subtree. */
export function isInSubtree(path: string, candidatePath: string): boolean {
  return candidatePath.startsWith(path);
}

/** A move is refused when the new parent is the unit itself or one of its descendants. */
export function moveCycleProblem(path: string, newParentPath: string | null): FieldIssue | undefined {
  if (newParentPath === null || !isInSubtree(path, newParentPath)) return undefined;
  return { field: 'parentId', message: '不能把单位移到它自己或它的下级单位之下' };
}

/** The new path of each subtree member when the unit at `oldPath` moves to `newPath`. */
export function rebasePath(memberPath: string, oldPath: string, newPath: string): string {
  if (!memberPath.startsWith(oldPath)) throw new Error(`${memberPath} is not under ${oldPath}`);
  return `${newPath}${memberPath.slice(oldPath.length)}`;
}
