// Text preparation for comparing plans: unit names normalised by administrative level, the
// issuing place's own name neutralised, and features (Intl.Segmenter words + Han character
// bigrams) for the weighted similarity in ./similarity.ts.
// Hand-written: the level words (市→县, 各镇街→各乡镇/各村（社区）) are Chinese government idiom
// no library models; segmentation itself is Intl.Segmenter's (ICU dictionary).
import { HAN } from '../text/han';

const PLACE = new RegExp(`([${HAN}]{2,4}?)(省|自治州|市|县|区|旗|镇|乡|街道)(?=[${HAN}]|$)`, 'gu');

/** A place-independent stand-in for “this level” (市/县/区…) before a unit name. */
const SELF = '本级';
/** A stand-in for the grassroots level below (各镇街, 各乡镇, 各村（社区）…). */
const BASE = '各基层';

/**
 * Government words that follow a level character in a unit name: 市应急局, 县安委办, 区委,
 * 市市场监管局. A level char NOT followed by one of these stays (城市, 市场, 区域, 县城).
 */
const UNIT_HEAD =
  '委|政府|人民政府|人大|政协|安委|安全生产委员会|应急|公安|交通|交警|住建|住房|城乡|自然资源|规划|水利|水务|农业|农村|林业|市场|卫健|卫生|教育|体育|消防|财政|发改|发展和改革|工信|工业|经信|经济和信息化|商务|商贸|文旅|文化|气象|城管|城市管理|综合执法|综合行政执法|生态|环保|人社|人力资源|民政|司法|税务|总工会|融媒|宣传|编办|纪委|监委|政法|法院|检察|国资|统计|能源|供电|电力|邮政|机关|级|直|属|委办|党委|委员会|领导|有关|相关|负有|各|减灾|防汛|防指|森防|森林|地震|退役|审计|信访|科技|大数据|行政审批|医疗|医保|妇联|团委|老龄|残联|国防|武装|人武|烟草|银保监|金融|保险|通信|广电|国土|港航|海事|铁路|民航|航空|粮食|供销|人防|机关事务'.split(
    '|',
  );
const UNIT_LEVEL = new RegExp(`(?<![城超都集门夜街社坊乡])(省|市|州|盟|县|区|旗|镇|乡|街道)(?=${UNIT_HEAD.join('|')})`, 'gu');
/** 全市 / 全县 / 全区 / 全省 / 本市 / 我市 / 市县 / 县乡 … */
const WHOLE = /(全|本|我|该)(省|市|州|县|区|旗|镇|乡)(?![场民区长委政府级直属村])/gu;
/** The grassroots level, however it is written at each level. */
const GRASSROOTS =
  /各(?:乡镇|镇)?[（(]?(?:街道|街)[）)]?(?:办事处)?|各(?:乡镇|镇)(?:[（(、和及](?:街道|街|园区|开发区)[）)]?)*|各镇街|各乡镇街道|各乡镇（街道）|各村[（(]?(?:社区|居)[）)]?|各社区|各村|镇街|乡镇（街道）|乡镇街道|乡镇|镇（街道）/gu;

/** The core place names of a plan's issuer: 滕州市安全生产委员会 → [滕州], 长治市潞城区人民政府 → [长治, 潞城]. */
export function placeNames(issuer: string | undefined, title: string | undefined): string[] {
  const out = new Set<string>();
  for (const s of [issuer ?? '', title ?? '']) {
    for (const m of s.matchAll(PLACE)) {
      const core = m[1]!;
      if (/^(全|本|我|各|年|关于|做好|印发|城|安全|工作)/.test(core) || /\d/.test(core)) continue;
      if (/[年的于好发]$/.test(core)) continue;
      out.add(core);
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
}

/**
 * Level-neutral text: 市应急局 / 县应急局 → 本级应急局, 全市 / 全县 → 全本级, 各镇街 / 各乡镇 /
 * 各村（社区） → 各基层, and the issuer's own place name (滕州, 潞城) dropped. Applied to both
 * documents before any comparison, so 市→县 substitutions cost nothing.
 */
export function normalizeLevels(text: string, places: readonly string[] = []): string {
  let t = text;
  for (const p of places) {
    // Every pattern below contains p: nothing to do when the text does not.
    if (!p || !t.includes(p)) continue;
    for (const lv of ['市', '区', '县', '镇', '乡', '街道']) t = t.split(`${p}${lv}`).join('');
    t = t.split(p).join('');
  }
  return t
    .replace(GRASSROOTS, BASE)
    .replace(WHOLE, (_m, a: string) => `${a === '全' ? '全' : ''}${SELF}`)
    .replace(UNIT_LEVEL, SELF)
    .replace(/^本级安委会办公室$|本级安委会办公室|本级安委办/gu, '本级安委办');
}

/** A unit name reduced for comparing lead units across levels: 市应急管理局 ≈ 县应急局. */
export function normalizeUnit(name: string, places: readonly string[] = []): string {
  return normalizeLevels(name, places)
    .replace(/^本级/u, '')
    .replace(/管理局$/u, '局')
    .replace(/安全生产委员会办公室|安委会办公室|安委办/u, '安委办')
    .replace(/安全生产委员会|安委会/u, '安委会')
    .replace(/住房和城乡建设局/u, '住建局')
    .replace(/市场监督管理局|市场监管局/u, '市场监管局')
    .replace(/\s+/gu, '');
}

/** Only Han, Latin letters and digits, lower-cased (what bigrams and title keys are made of). */
export function bare(text: string): string {
  // text.replace(NOT_WORD, '').toLowerCase() without the Unicode-property regex: runs of kept
  // characters are sliced out (per-code-unit class table, as bigramsOf), and only A–Z change case.
  let out = '';
  let start = 0;
  let upper = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let keep: boolean;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      width = 2;
      keep = WORD_CHAR.test(text.slice(i, i + 2));
    } else keep = isWordUnit(c);
    if (!keep) {
      if (i > start) out += text.slice(start, i);
      start = i + width;
    } else if (c >= 0x41 && c <= 0x5a) upper = true;
    i += width - 1;
  }
  if (start === 0) out = text;
  else if (start < text.length) out += text.slice(start);
  return upper ? out.toLowerCase() : out;
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

let segmenter: Intl.Segmenter | null = null;
function seg(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

/**
 * Segmentation is most of a comparison's cost (ICU, ≈ 40 µs a passage) and the coverage view
 * compares the same texts again after every decision or edit, so segments are remembered per
 * text. Bounded: the cache is dropped whole when it grows past this many passages.
 */
const WORDS_CACHE_LIMIT = 20_000;
const wordsCache = new Map<string, readonly string[]>();

/** Forgets remembered segmentations (benchmarks measure cold runs with it). */
export function clearWordsCache(): void {
  wordsCache.clear();
}

/** True when toLowerCase cannot change w: only digits, a–z and U+3000–U+9FFF (CJK symbols, kana, Han; no case). */
function caseless(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (!((c >= 0x3000 && c <= 0x9fff) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) return false;
  }
  return true;
}

/**
 * The word features of a passage (Intl.Segmenter, zh): its word-like segments that
 * isWordFeature keeps — 深入|开展|总书记|安全|生产… (digits and Latin words too), lower-cased.
 */
export function words(text: string): readonly string[] {
  const hit = wordsCache.get(text);
  if (hit) return hit;
  const out: string[] = [];
  // Walked with containing() from boundary to boundary rather than for…of: the same segments
  // (ICU's boundaries do not depend on how they are reached; checked on 33k passages of the
  // fixtures and corpus), about an eighth faster in V8 (no iterator result per segment).
  // A segment starting with a character of U+3000–U+9FFF (CJK punctuation, kana, Han) is asked
  // for at its second character: a one-character segment there is never a feature and is
  // stepped over without being made (over 40 % of the segments of Chinese text; each costs
  // ICU work and a few hundred bytes of garbage); a longer one is the segment containing it.
  const segments = seg().segment(text);
  for (let b = 0; b < text.length;) {
    const c = text.charCodeAt(b);
    const s = segments.containing(c >= 0x3000 && c <= 0x9fff && b + 1 < text.length ? b + 1 : b)!;
    if (s.isWordLike) {
      const w = caseless(s.segment) ? s.segment : s.segment.toLowerCase();
      if (isWordFeature(w)) out.push(w);
    }
    b = s.index + s.segment.length;
  }
  if (wordsCache.size >= WORDS_CACHE_LIMIT) wordsCache.clear();
  wordsCache.set(text, out);
  return out;
}

/** Whether a segmented word is a feature: single Han characters carry little meaning alone (the bigrams cover them). */
function isWordFeature(w: string): boolean {
  return w.length >= 2 || /[a-z0-9]/.test(w);
}

/**
 * The Han/alnum bigrams of a passage (of its bare text, by UTF-16 code units, as features()
 * makes them), each as one number c0 · 65536 + c1 instead of a two-character string.
 */
export function bigramsOf(text: string, each: (code: number) => void): void {
  const codes = bigramCodes(text);
  for (let k = 0; k < codes.length; k++) each(codes[k]! >>> 0);
}

/** Reused by bigramCodes (grown when a passage needs more). */
let codeBuffer = new Int32Array(4096);

/**
 * bigramsOf's codes as int32 (c0 << 16 | c1; `>>> 0` gives bigramsOf's number), in a view of a
 * buffer that the next call overwrites. For hot loops: no callback and no boxed number per
 * bigram (most codes are outside V8's small-integer range).
 */
export function bigramCodes(text: string): Int32Array {
  // A passage has at most one bigram per code unit.
  if (codeBuffer.length < text.length) codeBuffer = new Int32Array(text.length * 2);
  const out = codeBuffer;
  let n = 0;
  // Streams bare(text) without building it: the kept code units, A–Z lowered.
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        i++;
        if (!WORD_CHAR.test(String.fromCharCode(c, lo))) continue;
        if (prev >= 0) out[n++] = (prev << 16) | c;
        prev = lo;
        out[n++] = (c << 16) | lo;
        continue;
      }
    }
    if (!isWordUnit(c)) continue;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (prev >= 0) out[n++] = (prev << 16) | c;
    prev = c;
  }
  return out.subarray(0, n);
}

/** One character bare() keeps (Han, Latin letter, digit). */
const WORD_CHAR = new RegExp(`^[${HAN}A-Za-z0-9]$`, 'u');
/** Per BMP code unit: 0 not yet known, 1 kept by bare(), 2 dropped (WORD_CHAR, remembered). */
const unitClass = new Uint8Array(65536);

/** Whether bare() keeps this BMP character; lone surrogates are dropped (as the u-flag pattern does). */
function isWordUnit(c: number): boolean {
  let k = unitClass[c]!;
  if (!k) {
    k = c >= 0xd800 && c <= 0xdfff ? 2 : WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    unitClass[c] = k;
  }
  return k === 1;
}

/** Distinct features of a passage: words (prefixed w:) and Han/alnum bigrams (prefixed b:). */
export function features(text: string, into: Set<string> = new Set(), wordChars = Infinity): Set<string> {
  for (const w of words(wordChars < text.length ? text.slice(0, wordChars) : text)) into.add(`w:${w}`);
  const b = bare(text);
  for (let i = 0; i + 1 < b.length; i++) into.add(`b:${b.slice(i, i + 2)}`);
  return into;
}

/** A short stable hash (FNV-1a, base 36) for ids; hand-written because it is four lines. */
export function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
