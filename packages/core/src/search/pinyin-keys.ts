import { pinyin } from 'pinyin-pro';

/**
 * Homophone keys of Han bigrams. A caller who types 公基金 or 身分证 means 公积金 / 身份证: the
 * characters differ, the syllables (without tones) do not. A bigram's key packs its two syllable ids
 * into one integer (syllables folded, see foldSyllable). Article text uses each character's usual reading; a query character may stand for
 * any of its readings (户藉 is typed for 户籍: 藉 reads jiè and jí).
 */

const syllableIds = new Map<string, number>();
const usualReading = new Map<string, number>();
const allReadings = new Map<string, readonly number[]>();

/** Fewer than 1024 toneless syllables exist; the key of a bigram is `first << 10 | second`. */
const SHIFT = 10;

/**
 * Fuzzy syllables, as input methods and Sichuan speech confuse them: zh/ch/sh → z/c/s (执造 for
 * 执照), n → l, -ing/-eng → -in/-en. Both sides of a comparison are folded the same way.
 */
export function foldSyllable(syllable: string): string {
  return syllable
    .replace(/^([zcs])h/, '$1')
    .replace(/^n(?=[aeiouv])/, 'l')
    .replace(/([ie])ng$/, '$1n');
}

function syllableId(raw: string): number {
  const syllable = foldSyllable(raw);
  let id = syllableIds.get(syllable);
  if (id === undefined) {
    id = syllableIds.size + 1;
    syllableIds.set(syllable, id);
  }
  return id;
}

const hasReading = (s: string | undefined, char: string): s is string =>
  s !== undefined && s !== '' && s !== char && /^[a-zü]+$/.test(s);

function usual(char: string): number {
  let id = usualReading.get(char);
  if (id === undefined) {
    const [reading] = pinyin(char, { toneType: 'none', type: 'array', v: true });
    id = hasReading(reading, char) ? syllableId(reading) : 0;
    usualReading.set(char, id);
  }
  return id;
}

function readings(char: string): readonly number[] {
  let ids = allReadings.get(char);
  if (ids === undefined) {
    const list = pinyin(char, { toneType: 'none', type: 'array', multiple: true, v: true });
    ids = [...new Set(list.filter((r) => hasReading(r, char)).map(syllableId))];
    allReadings.set(char, ids);
  }
  return ids;
}

/** The key of a Han bigram as it appears in article text (usual readings), or 0 when it has none. */
export function bigramKey(bigram: string): number {
  const [a, b, extra] = [...bigram];
  if (a === undefined || b === undefined || extra !== undefined) return 0;
  const x = usual(a);
  const y = usual(b);
  return x && y ? (x << SHIFT) | y : 0;
}

/** Every key a query bigram may stand for (each character in any of its readings). */
export function queryBigramKeys(bigram: string): number[] {
  const [a, b, extra] = [...bigram];
  if (a === undefined || b === undefined || extra !== undefined) return [];
  const keys: number[] = [];
  for (const x of readings(a)) for (const y of readings(b)) keys.push((x << SHIFT) | y);
  return keys;
}
