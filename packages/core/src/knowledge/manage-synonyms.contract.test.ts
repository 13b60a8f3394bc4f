import { beforeAll, expect, it } from 'vitest';
import type { CoreDeps } from '../deps.js';
import { createKnowledgeSearch } from '../search/knowledge-search.js';
import { SEED_SYNONYMS } from '../search/synonyms.js';
import { listAudit } from '../storage/admin.repository.js';
import { expectAppError, fieldsOf, manualClock, seedPeople } from '../test-support/contract-helpers.js';
import { type TestCore, describeEachDatabase } from '../test-support/databases.js';
import { DEMO_ACTORS } from '../test-support/fixtures.js';
import {
  approveVersion,
  createArticle,
  createSynonymGroup,
  deleteSynonymGroup,
  listSynonyms,
  searchKnowledge,
  submitVersion,
  updateSynonymGroup,
} from './index.js';

const { agent, supervisor, admin, handler, eastadmin, inspector } = DEMO_ACTORS;
const HEATING = '城镇居民供热费缴纳';
const PROPERTY = '小区物业服务收费投诉';

/** Creates, submits and approves a guide; returns its id. */
async function published(core: CoreDeps, title: string) {
  const a = await createArticle(core, supervisor, {
    kind: 'guide',
    title,
    fields: { summary: `${title}的办理说明。` },
    ownerUnitId: 'city-housing',
  });
  await submitVersion(core, supervisor, a.id, 1);
  await approveVersion(core, supervisor, a.id, 1);
  return a.id;
}

const titlesFor = async (core: CoreDeps, q: string) =>
  (await searchKnowledge(core, agent, { q })).items.map((i) => i.title);

describeEachDatabase('knowledge synonyms', (db) => {
  let core: TestCore;
  // A clock that stands still: stamps must move all the same (see manage-synonyms.ts beginWrite).
  const clock = manualClock('2026-11-28T02:00:00.000Z');
  beforeAll(async () => {
    core = await db.newCore({ now: clock.now });
    await seedPeople(core);
    await published(core, HEATING);
    await published(core, PROPERTY);
  });

  it('lets only supervisors and admins read or change the dictionary', async () => {
    for (const actor of [agent, inspector, handler, eastadmin]) {
      await expectAppError(listSynonyms(core, actor), 'ROLE_NOT_PERMITTED');
      await expectAppError(createSynonymGroup(core, actor, { terms: ['a', 'b'] }), 'ROLE_NOT_PERMITTED');
      await expectAppError(updateSynonymGroup(core, actor, 'x', { terms: ['a', 'b'] }), 'ROLE_NOT_PERMITTED');
      await expectAppError(deleteSynonymGroup(core, actor, 'x'), 'ROLE_NOT_PERMITTED');
    }
    const list = await listSynonyms(core, admin);
    expect(list.builtIn).toBe(SEED_SYNONYMS.length);
    expect(list.items.filter((g) => g.builtIn)).toHaveLength(SEED_SYNONYMS.length);
    expect(list.items.find((g) => g.builtIn)).toMatchObject({
      id: 'builtin-1',
      terms: ['社会保险', '社保'],
      builtIn: true,
    });
  });

  it('refuses invalid groups field by field, and built-in or unknown groups', async () => {
    const error = await expectAppError(
      createSynonymGroup(core, supervisor, { terms: ['暖气费', '供热费', '取暖费', '暖气 费'] }),
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(error)).toEqual(['terms[3]']);
    expect(error.issues?.[0]?.message).toContain('重复');
    await expectAppError(createSynonymGroup(core, supervisor, { terms: ['暖气费'] }), 'VALIDATION_FAILED');
    await expectAppError(
      updateSynonymGroup(core, supervisor, 'builtin-3', { terms: ['a', 'b'] }),
      'FORBIDDEN',
    );
    await expectAppError(deleteSynonymGroup(core, supervisor, 'builtin-3'), 'FORBIDDEN');
    await expectAppError(updateSynonymGroup(core, supervisor, 'nope', { terms: ['a', 'b'] }), 'NOT_FOUND');
    await expectAppError(deleteSynonymGroup(core, supervisor, 'nope'), 'NOT_FOUND');
  });

  it('a new group is searchable at once, in this process and in another index on the same database', async () => {
    const other = createKnowledgeSearch(core.database);
    const otherTitles = async (q: string) => (await other.search({ q, limit: 10 })).items.map((i) => i.title);
    try {
      expect(await titlesFor(core, '暖气费')).not.toContain(HEATING);
      expect(await otherTitles('暖气费')).not.toContain(HEATING);

      const created = await createSynonymGroup(core, supervisor, {
        terms: ['供热费', '暖气费'],
        note: '冬季来电常说暖气费',
      });
      expect(created.warnings).toEqual([]);
      expect(created.group).toMatchObject({
        terms: ['供热费', '暖气费'],
        note: '冬季来电常说暖气费',
        builtIn: false,
        updatedAt: '2026-11-28T02:00:00.000Z',
        updatedByName: expect.any(String),
      });
      expect((await titlesFor(core, '暖气费'))[0]).toBe(HEATING);
      const understood = await searchKnowledge(core, agent, { q: '暖气费' });
      expect(understood.terms).toContain('供热费');
      expect((await otherTitles('暖气费'))[0]).toBe(HEATING);

      // A term already in another group: a warning, saved all the same.
      const overlap = await createSynonymGroup(core, admin, { terms: ['物业服务', '物业', '暖气费'] });
      expect(overlap.warnings).toEqual([
        expect.objectContaining({
          term: '暖气费',
          groupId: created.group.id,
          groupTerms: ['供热费', '暖气费'],
        }),
      ]);
      const list = await listSynonyms(core, supervisor);
      expect(list.custom).toBe(2);
      // The centre's groups come first, latest change first (stamped after the earlier one: the clock stood still).
      expect(list.items.slice(0, 2).map((g) => g.id)).toEqual([overlap.group.id, created.group.id]);
      expect(overlap.group.updatedAt).toBe('2026-11-28T02:00:00.001Z');

      // Editing: the old wording leaves the search, the new one joins it — in both indexes.
      const edited = await updateSynonymGroup(core, supervisor, created.group.id, {
        terms: ['供热费', '烧暖费'],
      });
      expect(edited.group).toMatchObject({ terms: ['供热费', '烧暖费'], note: null });
      expect(edited.warnings).toEqual([]);
      expect(await titlesFor(core, '暖气费')).not.toContain(HEATING);
      expect(await otherTitles('暖气费')).not.toContain(HEATING);
      expect((await otherTitles('烧暖费'))[0]).toBe(HEATING);

      // Delete the latest group and add another in its place while the other index looks away: the
      // same row count, the same latest stamp were the clock trusted — the stamp must still move.
      await deleteSynonymGroup(core, supervisor, created.group.id);
      const replaced = await createSynonymGroup(core, supervisor, { terms: ['供热费', '管家费'] });
      expect(replaced.group.updatedAt).toBe('2026-11-28T02:00:00.004Z');
      expect((await otherTitles('管家费'))[0]).toBe(HEATING);
      expect(await otherTitles('烧暖费')).not.toContain(HEATING);

      await deleteSynonymGroup(core, admin, replaced.group.id);
      await deleteSynonymGroup(core, admin, overlap.group.id);
      expect(await otherTitles('管家费')).not.toContain(HEATING);
      expect(await titlesFor(core, '管家费')).not.toContain(HEATING);
      expect((await listSynonyms(core, admin)).custom).toBe(0);

      // Every change left an audit row, written with it.
      const audit = await listAudit(core.database.db, { targetId: created.group.id, limit: 10 });
      expect(audit.map((a) => a.action).sort()).toEqual([
        'create_synonym_group',
        'delete_synonym_group',
        'update_synonym_group',
      ]);
      expect(audit.every((a) => a.actorId)).toBe(true);
    } finally {
      other.close();
    }
  });

  it('an unchanged update writes nothing', async () => {
    const { group } = await createSynonymGroup(core, supervisor, { terms: ['甲', '乙'] });
    const same = await updateSynonymGroup(core, supervisor, group.id, { terms: ['甲', '乙'] });
    expect(same.group.updatedAt).toBe(group.updatedAt);
    const audit = await listAudit(core.database.db, { targetId: group.id, limit: 10 });
    expect(audit.map((a) => a.action)).toEqual(['create_synonym_group']);
  });
});
