/**
 * Chinese text primitives shared by knowledge search and duplicate detection. Chinese has no spaces,
 * so text is compared by overlapping character pairs (bigrams) of its normalised form; Latin words
 * and numbers stay whole.
 */

const HAN = /\p{Script=Han}/u;
/** Letters, digits and Han characters survive normalisation; everything else separates runs. */
const SEPARATOR = /[^\p{L}\p{N}]+/gu;

/** NFKC (full-width → half-width), lower case, punctuation and spaces collapsed to one space. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(SEPARATOR, ' ').trim();
}

export function isHan(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  // Fast paths: the common CJK block, and everything below the first Han range (ASCII, Latin…).
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  if (code < 0x2e80) return false;
  return HAN.test(char);
}

/**
 * Runs of one script: Han runs and Latin/number runs, in order. `"办理ETC卡2张"` →
 * `["办理", "etc", "卡", "2", "张"]`.
 */
export function scriptRuns(text: string): string[] {
  const runs: string[] = [];
  for (const chunk of normalizeText(text).split(' ')) {
    let run = '';
    let han = false;
    for (const char of chunk) {
      const h = isHan(char);
      if (run && h !== han) {
        runs.push(run);
        run = '';
      }
      han = h;
      run += char;
    }
    if (run) runs.push(run);
  }
  return runs;
}

/** Overlapping character pairs of Han runs (a single character stands alone) and whole Latin words. */
export function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of scriptRuns(text)) {
    const chars = [...run];
    if (!isHan(chars[0] ?? '') || chars.length === 1) {
      out.push(run);
      continue;
    }
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  }
  return out;
}

/** Dice coefficient of the two texts' bigram sets: 1 for the same wording, 0 for nothing in common. */
export function textSimilarity(a: string, b: string): number {
  const x = new Set(bigrams(a));
  const y = new Set(bigrams(b));
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared++;
  return (2 * shared) / (x.size + y.size);
}
