import { describe, expect, it } from 'vitest';
import type { Role } from '../roles.js';
import type { KbArticleStatus, KbVersionStatus } from './article.status.js';
import {
  KB_ACTIONS,
  type KbActor,
  type KbWorkflowArticle,
  kbAllowedActions,
  kbMayCreate,
  kbTransition,
} from './article.workflow.js';

const actor = (role: Role, unitId = 'centre', unitPath: string | null = '/centre/', userId = `u-${role}`) =>
  ({ userId, role, unitId, unitPath }) satisfies KbActor;

const supervisor = actor('supervisor');
const admin = actor('admin');
const agent = actor('agent');
const inspector = actor('inspector');
const housing = actor('unit_handler', 'city-housing', '/city-housing/', 'u-housing');
const market = actor('unit_handler', 'city-market', '/city-market/', 'u-market');
const eastAdmin = actor('unit_admin', 'east', '/east/', 'u-east');
const heping = actor('unit_handler', 'east-heping', '/east/east-heping/', 'u-heping');

function article(
  status: KbArticleStatus,
  latest: KbVersionStatus,
  opts: { published?: number | null; latestVersion?: number; owner?: string | null; author?: string } = {},
): KbWorkflowArticle {
  const latestVersion = opts.latestVersion ?? 1;
  return {
    status,
    ownerUnitPath: opts.owner === undefined ? '/city-housing/' : opts.owner,
    publishedVersion: opts.published === undefined ? null : opts.published,
    latestVersion,
    latest: { version: latestVersion, status: latest, authorId: opts.author ?? 'u-housing' },
  };
}

describe('knowledge version workflow', () => {
  it('walks draft → in_review → published, superseding the earlier version', () => {
    const a = article('draft', 'draft');
    const submit = kbTransition(a, housing, 'submit', {}, 1);
    expect(submit).toMatchObject({ ok: true, value: { versionTo: 'in_review', articleTo: 'in_review' } });
    const inReview = article('in_review', 'in_review');
    const approve = kbTransition(inReview, supervisor, 'approve', { comment: '同意' }, 1);
    expect(approve).toMatchObject({
      ok: true,
      value: { versionTo: 'published', articleTo: 'published', supersedes: null },
    });
    const v2 = article('published', 'in_review', { published: 1, latestVersion: 2 });
    expect(kbTransition(v2, admin, 'approve', {}, 2)).toMatchObject({
      ok: true,
      value: { supersedes: 1, version: 2 },
    });
  });

  it('keeps a published article published while a proposal is rejected or withdrawn', () => {
    const a = article('published', 'in_review', { published: 1, latestVersion: 2 });
    expect(kbTransition(a, supervisor, 'reject', { comment: '依据不足' }, 2)).toMatchObject({
      ok: true,
      value: { versionTo: 'rejected', articleTo: 'published' },
    });
    expect(kbTransition(a, housing, 'withdraw', {}, 2)).toMatchObject({
      ok: true,
      value: { versionTo: 'withdrawn', articleTo: 'published' },
    });
    const never = article('in_review', 'in_review');
    expect(kbTransition(never, supervisor, 'reject', { comment: '请补充材料' }, 1)).toMatchObject({
      ok: true,
      value: { articleTo: 'draft' },
    });
  });

  it('refuses a reject without a reason and reports the field', () => {
    const r = kbTransition(article('in_review', 'in_review'), supervisor, 'reject', {}, 1);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (!r.ok) expect(r.error.issues?.[0]?.field).toBe('comment');
  });

  it('lets only supervisors and admins approve, reject and expire', () => {
    const inReview = article('in_review', 'in_review');
    for (const who of [agent, inspector, housing, eastAdmin]) {
      expect(kbTransition(inReview, who, 'approve', {}, 1)).toMatchObject({
        ok: false,
        error: { code: 'ROLE_NOT_PERMITTED' },
      });
    }
    const published = article('published', 'published', { published: 1 });
    expect(kbTransition(published, housing, 'expire', { reason: '政策废止' })).toMatchObject({
      ok: false,
      error: { code: 'ROLE_NOT_PERMITTED' },
    });
    expect(kbTransition(published, admin, 'expire', { reason: '政策废止' })).toMatchObject({
      ok: true,
      value: { articleTo: 'expired' },
    });
  });

  it('lets units propose only for articles owned by their unit or a unit below it', () => {
    const housingArticle = article('published', 'published', { published: 1 });
    expect(kbTransition(housingArticle, housing, 'edit', {})).toMatchObject({
      ok: true,
      value: { version: 2 },
    });
    const refused = kbTransition(housingArticle, market, 'edit', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'ROLE_NOT_PERMITTED' } });
    if (!refused.ok) expect(refused.error.message).toContain('不属于本单位');
    const hepingArticle = article('published', 'published', { published: 1, owner: '/east/east-heping/' });
    expect(kbTransition(hepingArticle, eastAdmin, 'edit', {}).ok).toBe(true);
    expect(kbTransition(article('published', 'published', { owner: '/east/' }), heping, 'edit', {}).ok).toBe(
      false,
    );
    // An owner known only by name (imported) is the centre's to maintain.
    expect(kbTransition(article('published', 'published', { owner: null }), housing, 'edit', {}).ok).toBe(
      false,
    );
    expect(kbTransition(article('published', 'published', { owner: null }), agent, 'edit', {}).ok).toBe(true);
  });

  it('creating: units only for their own subtree', () => {
    expect(kbMayCreate(housing, '/city-housing/').ok).toBe(true);
    expect(kbMayCreate(housing, '/city-market/')).toMatchObject({
      ok: false,
      error: { code: 'ROLE_NOT_PERMITTED' },
    });
    expect(kbMayCreate(eastAdmin, '/east/east-heping/').ok).toBe(true);
    expect(kbMayCreate(agent, '/city-market/').ok).toBe(true);
  });

  it('refuses a new proposal while one is in review; a pending draft is replaced', () => {
    const inReview = article('published', 'in_review', { published: 1, latestVersion: 2 });
    const r = kbTransition(inReview, supervisor, 'edit', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'TRANSITION_NOT_ALLOWED' } });
    const draft = article('published', 'draft', { published: 1, latestVersion: 2 });
    expect(kbTransition(draft, supervisor, 'edit', {})).toMatchObject({
      ok: true,
      value: { version: 3, replacesDraft: 2, versionTo: 'draft' },
    });
  });

  it('acts only on the pending (latest) version', () => {
    const a = article('published', 'in_review', { published: 1, latestVersion: 2 });
    expect(kbTransition(a, supervisor, 'approve', {}, 1)).toMatchObject({
      ok: false,
      error: { code: 'TRANSITION_NOT_ALLOWED' },
    });
    expect(kbTransition(a, supervisor, 'frobnicate', {}, 2)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_EVENT' },
    });
  });

  it('withdraw: the author or an editor', () => {
    const a = article('published', 'draft', { published: 1, latestVersion: 2, author: 'u-housing' });
    expect(kbTransition(a, housing, 'withdraw', {}, 2).ok).toBe(true);
    expect(kbTransition(a, supervisor, 'withdraw', {}, 2).ok).toBe(true);
    expect(kbTransition(a, agent, 'withdraw', {}, 2)).toMatchObject({
      ok: false,
      error: { code: 'ROLE_NOT_PERMITTED' },
    });
  });

  it('allowed actions agree with transition for every role × situation', () => {
    const situations = [
      article('draft', 'draft'),
      article('in_review', 'in_review'),
      article('published', 'published', { published: 1 }),
      article('published', 'draft', { published: 1, latestVersion: 2 }),
      article('published', 'in_review', { published: 1, latestVersion: 2 }),
      article('published', 'rejected', { published: 1, latestVersion: 2 }),
      article('expired', 'published', { published: 1 }),
      article('expired', 'in_review', { published: 1, latestVersion: 2, owner: null }),
    ];
    const inputs = { reject: { comment: 'x' }, expire: { reason: 'x' } } as Record<string, unknown>;
    for (const a of situations) {
      for (const who of [supervisor, admin, agent, inspector, housing, market, eastAdmin, heping]) {
        const allowed = kbAllowedActions(a, who);
        for (const action of KB_ACTIONS) {
          const r = kbTransition(a, who, action, inputs[action] ?? {}, a.latestVersion);
          expect(r.ok, `${who.role}@${who.unitId} ${action} on ${a.status}/${a.latest.status}`).toBe(
            allowed.includes(action),
          );
        }
      }
    }
    expect(kbAllowedActions(article('published', 'published', { published: 1 }), supervisor)).toEqual([
      'edit',
      'expire',
    ]);
    expect(kbAllowedActions(article('in_review', 'in_review'), housing)).toEqual(['withdraw']);
    expect(kbAllowedActions(article('in_review', 'in_review'), admin)).toEqual([
      'approve',
      'reject',
      'withdraw',
    ]);
  });
});
