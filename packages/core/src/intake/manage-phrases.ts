import {
  type Actor,
  PHRASE_CREATE_FIELDS,
  PHRASE_STEPS,
  PHRASE_UPDATE_FIELDS,
  type PhraseStep,
} from '@huawu/domain';
import { randomUUID } from 'node:crypto';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { writeAudit } from '../storage/admin.repository.js';
import {
  type PhraseRecord,
  findPhrase,
  insertPhrases,
  listPhrases as listStoredPhrases,
  maxPhraseOrder,
  updatePhrase as updateStoredPhrase,
} from '../storage/phrases.repository.js';
import { assertIntakeEditor, isIntakeEditor } from './intake-access.js';
import { parseInputOrThrow } from './parse-input.js';

const view = (p: PhraseRecord) => ({
  id: p.id,
  step: p.step,
  stepLabel: PHRASE_STEPS.labels[p.step as PhraseStep] ?? p.step,
  title: p.title,
  text: p.text,
  sortOrder: p.sortOrder,
  active: p.active,
});

const stepRank = (step: string) => (PHRASE_STEPS.values as readonly string[]).indexOf(step);

/** The phrase library (服务用语) in call order; editors also see disabled phrases. */
export async function listPhrases(deps: CoreDeps, actor: Actor) {
  const all = await listStoredPhrases(deps.database.db);
  const items = (isIntakeEditor(actor) ? all : all.filter((p) => p.active))
    .sort((a, b) => stepRank(a.step) - stepRank(b.step) || a.sortOrder - b.sortOrder)
    .map(view);
  return { items };
}

export async function createPhrase(deps: CoreDeps, actor: Actor, raw: unknown) {
  assertIntakeEditor(actor, '服务用语');
  const input = parseInputOrThrow(PHRASE_CREATE_FIELDS, raw);
  const at = deps.now().toISOString();
  const { db } = deps.database;
  const phrase: PhraseRecord = {
    id: `ph-${randomUUID()}`,
    step: input.step as string,
    title: input.title as string,
    text: input.text as string,
    sortOrder: 0,
    active: true,
  };
  await db.transaction().execute(async (tx) => {
    phrase.sortOrder = (await maxPhraseOrder(tx, phrase.step)) + 1;
    await insertPhrases(tx, [phrase], at, actor.userId);
    await writeAudit(tx, {
      at,
      actorId: actor.userId,
      action: 'create_phrase',
      targetType: 'phrase',
      targetId: phrase.id,
    });
  });
  return view(phrase);
}

export async function updatePhrase(deps: CoreDeps, actor: Actor, id: string, raw: unknown) {
  assertIntakeEditor(actor, '服务用语');
  const input = parseInputOrThrow(PHRASE_UPDATE_FIELDS, raw);
  const { db } = deps.database;
  const at = deps.now().toISOString();
  return db.transaction().execute(async (tx) => {
    const current = await findPhrase(tx, id);
    if (!current) throw new AppError('NOT_FOUND', '话术不存在');
    const next: PhraseRecord = {
      ...current,
      title: input.title as string,
      text: input.text as string,
      active: input.active === undefined ? current.active : input.active === true,
    };
    await updateStoredPhrase(tx, next, at, actor.userId);
    await writeAudit(tx, {
      at,
      actorId: actor.userId,
      action: 'update_phrase',
      targetType: 'phrase',
      targetId: id,
    });
    return view(next);
  });
}
