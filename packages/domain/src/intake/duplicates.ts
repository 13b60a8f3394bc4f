import { addressSimilarity, bigramSet, diceOfSets } from '../text/similarity.js';

/**
 * Duplicate scoring (重复诉求, 并单 candidates, 国办函〔2025〕66号): how likely an open order is the same
 * matter as the appeal being taken. Four signals, each 0..1, weighted into one score:
 *
 *   text      0.55  Dice similarity of title + content bigrams; a matching title (the summary) lifts it
 *   address   0.20  addressSimilarity (same place, or one address inside the other)
 *   category  0.10  same category code 1, same first-level category 0.5
 *   division  0.05  same administrative division code
 *   recency   0.10  1 for just now, falling linearly to 0 at the end of the window
 *
 * The score ranks candidates; the reasons say in Chinese why a candidate is listed. The agent decides
 * whether to merge (并单) or link (关联).
 */
export const DUPLICATE_WEIGHTS = { text: 0.55, address: 0.2, category: 0.1, division: 0.05, recency: 0.1 };

/** A candidate at or above this score is listed as similar. */
export const DUPLICATE_THRESHOLD = 0.35;

export interface DuplicateFacts {
  title?: string | null;
  content?: string | null;
  address?: string | null;
  divisionCode?: string | null;
  category?: string | null;
}

export interface DuplicateCandidateFacts extends DuplicateFacts {
  createdAt: string;
}

export interface DuplicateScore {
  /** 0..1, rounded to two decimals. */
  similarity: number;
  reasons: string[];
  /** The text similarity alone (0..1). */
  text: number;
}

/** A probe prepared once (bigram sets built) and compared with many candidates. */
export interface DuplicateProbe {
  facts: DuplicateFacts;
  titleGrams: Set<string>;
  bodyGrams: Set<string>;
}

export function duplicateProbe(facts: DuplicateFacts): DuplicateProbe {
  return {
    facts,
    titleGrams: bigramSet(facts.title ?? ''),
    bodyGrams: bigramSet(`${facts.title ?? ''} ${facts.content ?? ''}`),
  };
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

function textScore(probe: DuplicateProbe, c: DuplicateFacts): number {
  const body = diceOfSets(probe.bodyGrams, bigramSet(`${c.title ?? ''} ${c.content ?? ''}`));
  if (probe.titleGrams.size === 0) return body;
  const title = diceOfSets(probe.titleGrams, bigramSet(c.title ?? ''));
  return Math.max(body, 0.4 * title + 0.6 * body);
}

export function scoreDuplicate(
  probe: DuplicateProbe,
  candidate: DuplicateCandidateFacts,
  now: Date,
  windowDays: number,
): DuplicateScore {
  const p = probe.facts;
  const reasons: string[] = [];
  const text = textScore(probe, candidate);
  if (text >= 0.2) reasons.push(`诉求内容相似（${percent(text)}）`);

  let address = 0;
  if (p.address && candidate.address) {
    address = addressSimilarity(p.address, candidate.address);
    if (address >= 0.999) reasons.push('同一地址');
    else if (address >= 0.6) reasons.push(`地址相近（${percent(address)}）`);
  }

  let category = 0;
  if (p.category && candidate.category) {
    if (p.category === candidate.category) {
      category = 1;
      reasons.push('同一诉求分类');
    } else if (p.category.slice(0, 2) === candidate.category.slice(0, 2)) {
      category = 0.5;
      reasons.push('同一诉求大类');
    }
  }

  const division = p.divisionCode && p.divisionCode === candidate.divisionCode ? 1 : 0;
  if (division) reasons.push('同一行政区划');

  const ageDays = Math.max(0, (now.getTime() - new Date(candidate.createdAt).getTime()) / 86_400_000);
  const recency = windowDays > 0 ? Math.max(0, 1 - ageDays / windowDays) : 0;
  if (ageDays < 1) reasons.push('24小时内受理');
  else if (ageDays < 7) reasons.push(`${Math.floor(ageDays)}天前受理`);

  const w = DUPLICATE_WEIGHTS;
  const score =
    w.text * text + w.address * address + w.category * category + w.division * division + w.recency * recency;
  return { similarity: Math.round(score * 100) / 100, reasons, text };
}

/** Listed as a similar open order: a high enough score, and the same matter in words or in place. */
export function isLikelyDuplicate(score: DuplicateScore): boolean {
  return score.similarity >= DUPLICATE_THRESHOLD && (score.text >= 0.2 || score.reasons.includes('同一地址'));
}
