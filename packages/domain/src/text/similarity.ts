import { bigrams, normalizeText } from './chinese-text.js';

/**
 * Similarity measures for duplicate detection (并单/关联 candidates), built on the bigram primitives of
 * chinese-text.ts. Sets are built once per text so a probe can be compared with many candidates.
 */

/** The bigram set of a text (see `bigrams`). */
export function bigramSet(text: string): Set<string> {
  return new Set(bigrams(text));
}

/** Dice coefficient of two bigram sets: 1 for the same wording, 0 for nothing in common. */
export function diceOfSets(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  if (x.size === 0 || y.size === 0) return 0;
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared++;
  return (2 * shared) / (x.size + y.size);
}

const CN_DIGITS: Record<string, string> = {
  零: '0',
  〇: '0',
  一: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/** Province/city prefixes that every address of one hotline shares; they say nothing about the place. */
const CITY_PREFIX = /^(.{2,8}?省)?(.{2,8}?市)/u;

/**
 * An address reduced for comparison: NFKC, lower case, no punctuation or spaces, single Chinese digits
 * as Arabic digits (`三号楼` = `3号楼`), and a leading `…省…市` dropped.
 */
export function normalizeAddress(address: string): string {
  const flat = normalizeText(address)
    .replaceAll(' ', '')
    .replace(/[零〇一二两三四五六七八九](?=[号栋幢楼单元室层])/gu, (c) => CN_DIGITS[c] ?? c);
  return flat.replace(CITY_PREFIX, '') || flat;
}

/**
 * How alike two addresses are, 0..1: 1 when one normalised address contains the other (`和平路18号`
 * and `东城区和平路18号`), otherwise the Dice coefficient of their bigrams. House numbers must agree:
 * `和平路18号` and `和平路20号` share most bigrams but are different places, so differing numbers
 * halve the score.
 */
export function addressSimilarity(a: string, b: string): number {
  const x = normalizeAddress(a);
  const y = normalizeAddress(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const numbersX: string[] = x.match(/\d+/g) ?? [];
  const numbersY: string[] = y.match(/\d+/g) ?? [];
  const sameNumbers =
    numbersX.length === 0 ||
    numbersY.length === 0 ||
    numbersX.every((n) => numbersY.includes(n)) ||
    numbersY.every((n) => numbersX.includes(n));
  if ((x.includes(y) || y.includes(x)) && Math.min(x.length, y.length) >= 4 && sameNumbers) return 1;
  const dice = diceOfSets(bigramSet(x), bigramSet(y));
  return sameNumbers ? dice : dice / 2;
}
