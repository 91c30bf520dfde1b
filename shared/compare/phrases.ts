// The phrases a linked draft task shares with its upper task, as written in the draft (for
// highlighting and for the link's explanation).
import { BOILERPLATE } from './similarity';
import { bare, normalizeLevels } from './text';

/** Longest piece looked for, in characters (code points). */
const MAX_PIECE = 60;

/**
 * Where each pair of UTF-16 code units occurs in a text: `head` maps a hash of the pair to the
 * first offset of a pair with that hash, `next` chains the later ones (pairs sharing a hash
 * share a chain, so readers check the pair itself). Hand-written (a dozen lines; no package
 * indexes substrings this way, and a Map of arrays allocated an array per pair): with it, the
 * longest piece of the draft found in the upper text costs a few comparisons at the places
 * where its first two units occur, instead of one `includes` scan of the whole upper text per
 * extra character (quadratic).
 */
interface BigramIndex {
  shift: number;
  /** First offset in the chain of a hash, −1 for none. */
  head: Int32Array;
  /** Next offset in the same chain, −1 at the end. */
  next: Int32Array;
}

const hashOf = (s: string, q: number, shift: number) => Math.imul((s.charCodeAt(q) << 16) | s.charCodeAt(q + 1), 0x9e3779b1) >>> shift;

function bigramIndex(s: string): BigramIndex {
  let bits = 4;
  while (1 << bits < 2 * s.length) bits++;
  const idx: BigramIndex = { shift: 32 - bits, head: new Int32Array(1 << bits).fill(-1), next: new Int32Array(s.length) };
  for (let q = s.length - 2; q >= 0; q--) {
    const h = hashOf(s, q, idx.shift);
    idx.next[q] = idx.head[h]!;
    idx.head[h] = q;
  }
  return idx;
}

/**
 * The longest common extension (in code units, at most `cap`) of d from offset p with any
 * place of s: the length of the longest prefix of d.slice(p) that `s.includes`. Only called
 * for prefixes of at least two units (shorter ones are never phrases; 0 is returned for them).
 */
function longestIn(s: string, idx: BigramIndex, d: string, p: number, cap: number): number {
  if (p + 1 >= d.length) return 0;
  let best = 0;
  for (let q = idx.head[hashOf(d, p, idx.shift)]!; q !== -1; q = idx.next[q]!) {
    let k = 0;
    while (k < cap && q + k < s.length && p + k < d.length && s.charCodeAt(q + k) === d.charCodeAt(p + k)) k++;
    if (k > best) best = k;
    if (best >= cap) break;
  }
  return best < 2 ? 0 : best;
}

interface UpperSide {
  text: string;
  places: string;
  raw: string;
  norm: string;
  rawIdx: BigramIndex;
  normIdx: BigramIndex;
}

/**
 * The upper side of the last call: compareUpperDraft asks for the phrases of one upper task
 * against each of its (up to four) links in a row, so its normalised text and indexes are
 * built once per upper task, not once per link.
 */
let lastUpper: UpperSide | null = null;

function upperSide(upperText: string, places: readonly string[]): UpperSide {
  const key = places.join('\u0000');
  if (lastUpper && lastUpper.text === upperText && lastUpper.places === key) return lastUpper;
  // Capped: highlighting the first 3000 characters is enough, and keeps a pathological task
  // (tens of thousands of characters) from costing seconds.
  const raw = upperText.slice(0, 3000);
  const norm = normalizeLevels(raw, places);
  const rawIdx = bigramIndex(raw);
  lastUpper = { text: upperText, places: key, raw, norm, rawIdx, normIdx: norm === raw ? rawIdx : bigramIndex(norm) };
  return lastUpper;
}

/** Forgets the remembered upper side (benchmarks measure cold runs). */
export function clearPhrasesMemo(): void {
  lastUpper = null;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Phrases (≥ 2 characters, not boilerplate) the draft text shares with the upper text. */
export function sharedPhrases(upperText: string, draftText: string, places: { upper: readonly string[]; draft: readonly string[] }): string[] {
  const up = upperSide(upperText, places.upper);
  const d = draftText.slice(0, 3000);
  // Only its length is used, and only for short cores: computed when first needed.
  let dnLength = -1;
  // Greedy longest-first matching over the draft's own characters (code points; the UI
  // highlights the draft text): at each place the longest piece of at most MAX_PIECE
  // characters found in the upper text as written or level-normalised.
  const out: string[] = [];
  let p = 0;
  while (p < d.length) {
    const cap = Math.min(2 * MAX_PIECE, d.length - p);
    let ext = longestIn(up.raw, up.rawIdx, d, p, cap);
    // (The normalised text is looked in only when it differs: else it gives the same.)
    if (ext < cap && up.normIdx !== up.rawIdx) ext = Math.max(ext, longestIn(up.norm, up.normIdx, d, p, cap));
    // Whole characters within the matched units: the longest piece both texts contain.
    let q = p;
    let len = 0;
    let first = 0;
    while (len < MAX_PIECE && q < d.length) {
      const step = isHigh(d.charCodeAt(q)) && q + 1 < d.length && isLow(d.charCodeAt(q + 1)) ? 2 : 1;
      if (!first) first = step;
      if (q + step - p > ext) break;
      q += step;
      len++;
    }
    if (len >= 2) {
      const piece = d.slice(p, q);
      const core = bare(piece);
      if (core.length >= 2 && !(core.length <= 4 && (BOILERPLATE.has(`w:${core}`) || /^(安全生产|工作|加强|推进|开展|落实)+$/.test(core)))) {
        if (dnLength < 0 && core.length < 3) dnLength = normalizeLevels(draftText, places.draft).length;
        if (!out.includes(piece) && (core.length >= 3 || dnLength < 40)) out.push(piece);
      }
      p = q;
    } else p += first;
  }
  return out.sort((a, b) => b.length - a.length).slice(0, 12);
}
