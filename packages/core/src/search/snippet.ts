/**
 * Snippets and highlights. The matched terms (bigrams, characters, words) are located in the original
 * text through a per-character normalisation (full-width → half-width, lower case), adjacent matches
 * merge into one highlight ("公积" + "积金" → "公积金"), and the snippet is the window of the body
 * holding the most matched characters.
 */

export const SNIPPET_LENGTH = 80;
const LEAD = 12;
const MAX_HIGHLIGHTS = 8;

/** Marks the characters of `text` covered by an occurrence of any term (terms are normalised). */
export function markMatches(text: string, terms: Iterable<string>): Uint8Array {
  const chars = [...text];
  // Normalised string and, for each of its UTF-16 units, the index of the original character. Usual
  // text (no surrogate pairs, normalisation keeping the length) maps one to one; else char by char.
  let norm = text.normalize('NFKC').toLowerCase();
  let origin: number[] | null = null;
  if (norm.length !== text.length || chars.length !== text.length) {
    norm = '';
    origin = [];
    for (let i = 0; i < chars.length; i++) {
      const n = (chars[i] ?? '').normalize('NFKC').toLowerCase();
      norm += n;
      for (let k = 0; k < n.length; k++) origin.push(i);
    }
  }
  const marks = new Uint8Array(chars.length);
  for (const term of terms) {
    if (!term) continue;
    const latin = /^[\p{L}\p{N}]/u.test(term) && !/\p{Script=Han}/u.test(term);
    let from = 0;
    for (;;) {
      const at = norm.indexOf(term, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + term.length;
      // Latin words and numbers match whole: "etc" not inside "fetch", "12" not inside "2012".
      if (latin && (/[\p{L}\p{N}]/u.test(norm[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(norm[end] ?? '')))
        continue;
      for (let k = at; k < end; k++) marks[origin ? (origin[k] ?? 0) : k] = 1;
    }
  }
  return marks;
}

/** Runs of marked characters, as they appear in the text. */
export function highlightsOf(text: string, marks: Uint8Array, from = 0, to = marks.length): string[] {
  const chars = [...text];
  const out: string[] = [];
  let run = '';
  for (let i = from; i < to; i++) {
    if (marks[i]) run += chars[i] ?? '';
    else if (run) {
      out.push(run);
      run = '';
    }
  }
  if (run) out.push(run);
  return out;
}

export interface Snippet {
  snippet: string;
  highlights: string[];
}

/** The best window of the body and the highlights of title and window (distinct, longest first). */
export function makeSnippet(title: string, body: string, terms: ReadonlySet<string>): Snippet {
  const chars = [...body];
  const marks = markMatches(body, terms);
  let start = 0;
  if (chars.length > SNIPPET_LENGTH) {
    let bestCount = -1;
    let count = 0;
    for (let i = 0; i < chars.length; i++) {
      count += marks[i] ?? 0;
      if (i >= SNIPPET_LENGTH) count -= marks[i - SNIPPET_LENGTH] ?? 0;
      const s = i - SNIPPET_LENGTH + 1;
      if (s >= 0 && count > bestCount) {
        bestCount = count;
        start = s;
      }
    }
    if (bestCount <= 0) start = 0;
    else {
      const first = marks.indexOf(1, start);
      // Open a little before the first match, at a clause boundary when one is close.
      start = Math.max(0, Math.min(start, first - LEAD));
      for (let i = first - 1; i > start && i >= first - LEAD; i--) {
        if (/[。；;，,：:　\s]/.test(chars[i] ?? '')) {
          start = i + 1;
          break;
        }
      }
    }
  }
  const end = Math.min(chars.length, start + SNIPPET_LENGTH);
  const snippet = `${start > 0 ? '…' : ''}${chars.slice(start, end).join('').trim()}${end < chars.length ? '…' : ''}`;
  const titleMarks = markMatches(title, terms);
  const found = [...highlightsOf(title, titleMarks), ...highlightsOf(body, marks, start, end)];
  const highlights = [...new Set(found)].sort((a, b) => b.length - a.length).slice(0, MAX_HIGHLIGHTS);
  return { snippet: snippet || title, highlights };
}
