import type { DispatchEntry } from './catalogue.js';

export interface DispatchQuery {
  category: string | null;
  divisionCode: string | null;
}

export type DivisionMatch = 'exact' | 'prefix' | 'any';

export interface DispatchSuggestion {
  entry: DispatchEntry;
  /** The category code that matched: the order's own or an ancestor's. */
  matchedCategory: string;
  categoryMatch: 'exact' | 'parent';
  divisionMatch: DivisionMatch;
  /** Why this entry, in Chinese, for the dispatcher. */
  reason: string;
}

/** The category and its ancestors, most specific first: '010801' → ['010801', '0108', '01']. */
export function categoryLineage(code: string): string[] {
  const out: string[] = [];
  for (let end = code.length; end >= 2; end -= 2) out.push(code.slice(0, end));
  if (out.length === 0) out.push(code);
  return out;
}

/** How an entry's division covers the order's: exact, a parent prefix, any (null) or not at all. */
function divisionScore(entry: DispatchEntry, division: string | null): number {
  if (entry.divisionCode === null) return 0;
  if (!division) return -1;
  if (entry.divisionCode === division) return 1000;
  return division.startsWith(entry.divisionCode) ? entry.divisionCode.length : -1;
}

/**
 * The catalogue's suggestion for an order (pure): among active entries, the order's own category
 * before its ancestors ('0108' before '01'); within a category, the exact division, then the longest
 * parent-division prefix ('6201' covers '620102'), then the any-division entry. Null when none fits.
 */
export function suggestDispatch(
  entries: readonly DispatchEntry[],
  query: DispatchQuery,
): DispatchSuggestion | null {
  if (!query.category) return null;
  const division = query.divisionCode?.trim() || null;
  for (const [depth, code] of categoryLineage(query.category.trim()).entries()) {
    let best: { entry: DispatchEntry; score: number } | null = null;
    for (const entry of entries) {
      if (!entry.active || entry.categoryCode !== code) continue;
      const score = divisionScore(entry, division);
      if (score < 0) continue;
      if (!best || score > best.score || (score === best.score && entry.id < best.entry.id)) {
        best = { entry, score };
      }
    }
    if (!best) continue;
    const divisionMatch: DivisionMatch = best.score === 1000 ? 'exact' : best.score > 0 ? 'prefix' : 'any';
    const categoryMatch = depth === 0 ? 'exact' : 'parent';
    return {
      entry: best.entry,
      matchedCategory: code,
      categoryMatch,
      divisionMatch,
      reason: reasonOf(code, categoryMatch, divisionMatch, best.entry.divisionCode),
    };
  }
  return null;
}

function reasonOf(
  code: string,
  categoryMatch: 'exact' | 'parent',
  divisionMatch: DivisionMatch,
  entryDivision: string | null,
): string {
  const category = categoryMatch === 'exact' ? `诉求分类 ${code}` : `上级分类 ${code}`;
  const division =
    divisionMatch === 'exact'
      ? `区划 ${entryDivision} 精确匹配`
      : divisionMatch === 'prefix'
        ? `所属上级区划 ${entryDivision}`
        : '不限区划';
  return `按派单目录：${category}，${division}`;
}
