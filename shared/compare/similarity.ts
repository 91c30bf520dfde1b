// Weighted similarity between the tasks of two plans.
//
// Each task becomes a sparse vector of features (./text.ts: Intl.Segmenter words and Han
// character bigrams of the level-normalised text). A feature's weight is
//   field weight (title TITLE_WEIGHT, body 1; both = the sum)
//   × kind weight (word WORD_WEIGHT, bigram 1)
//   × IDF learned from the tasks of BOTH documents: ln((N + 1) / (df + 0.5)), floored at 0,
//     so what nearly every task says (加强、推进、安全生产、工作…) weighs ~nothing
//   × BOILERPLATE_WEIGHT for a short seed list of boilerplate that small documents (20 tasks)
//     cannot learn on their own.
// Two numbers come out of a pair: cosine of the vectors, and "containment" — the share of
// one task's weight found in the other (a merged draft task contains each upper task; each
// half of a split upper task is contained in it). The pair score (see pairScore) mixes them.
// Hand-written (sparse vectors + an inverted index): the scoring is ~100 lines, and generic
// TF-IDF packages tokenise on spaces and know nothing of Chinese or of two-document IDF.
import { bigramCodes, normalizeLevels, words } from './text';

export const TITLE_WEIGHT = 2.5;
export const WORD_WEIGHT = 1.5;
export const BOILERPLATE_WEIGHT = 0.15;
/** Body characters that are word-segmented (the rest contributes bigrams only). */
export const BODY_WORDS_CHARS = 120;
/**
 * Features weighing less than this are left out of the inverted index (they still count in
 * the norms): the commonest features have the longest posting lists and add almost nothing.
 * Only for 40 tasks or more: in tiny documents every feature is “common”.
 */
export const INDEX_MIN_WEIGHT = 0.3;

/** Boilerplate every work-safety task says; downweighted on top of the learned IDF. */
export const BOILERPLATE = new Set(
  [
    '加强',
    '推进',
    '深入',
    '开展',
    '深入开展',
    '安全',
    '生产',
    '安全生产',
    '工作',
    '落实',
    '全面',
    '进一步',
    '持续',
    '深化',
    '健全',
    '完善',
    '建立',
    '强化',
    '提升',
    '提高',
    '各类',
    '重点',
    '本级',
    '基层',
    '各基层',
    '推动',
    '切实',
    '积极',
    '不断',
    '着力',
    '严格',
    '确保',
    '加快',
    '坚持',
    '实施',
    '组织',
    '有关',
    '相关',
    '单位',
    '部门',
    '负责',
    '牵头',
    '配合',
    '责任',
    '机制',
    '体系',
    '建设',
    '管理',
    '监管',
    '能力',
    '水平',
    '要求',
    '按照',
    '全本级',
    '成员',
    '委员会',
    '安委会',
    '安委办',
  ].flatMap((w) => {
    const out = [`w:${w}`];
    if (w.length === 2) out.push(`b:${w}`);
    return out;
  }),
);

export interface TaskText {
  title: string;
  text: string;
}

export interface Model {
  /** Feature ids and weights per task, sorted by id. */
  upper: SparseVec[];
  draft: SparseVec[];
  /**
   * Inverted index over draft vectors, flat (compressed rows): the entries of feature id are
   * postingStart[id] … postingStart[id + 1] − 1 of postingTasks (the draft tasks having it, in
   * task order) and postingWeights (its weight there). No array per feature to allocate.
   */
  postingStart: Int32Array;
  postingTasks: Int32Array;
  postingWeights: Float64Array;
  /** Weight of a feature id (idf × kind × boilerplate, without the field weight). */
  featureWeight: Float64Array;
  /** 'w:<word>' / 'b:<bigram>' per feature id (made when first read; for tests and debugging). */
  readonly featureNames: string[];
}

export interface SparseVec {
  ids: Int32Array;
  w: Float64Array;
  norm: number;
  sum: number;
}

/** Field weights of a feature found in the title only, the body only, or both (tf codes 0, 1, 2). */
const FIELD_TF = [TITLE_WEIGHT, 1, TITLE_WEIGHT + 1];

/**
 * Feature ids for two documents. Words are keyed by their text and bigrams by their two UTF-16
 * code units as one number (c0 · 65536 + c1), so no 'w:…'/'b:…' key string is built per
 * occurrence; ids are given in order of first appearance (title words, title bigrams, body
 * words, body bigrams; upper tasks first), the order the string-keyed version gave, so vectors,
 * sums and scores come out the same to the last bit.
 */
class FeatureDict {
  readonly wordIds = new Map<string, number>();
  /**
   * Bigram code → id, open addressing on Int32Arrays (hand-written: a Map boxes these codes,
   * most of which are outside the small-integer range, and was a visible share of the model's
   * cost). Codes are stored as c0 << 16 | c1; −1 in ids marks an empty slot.
   */
  private bigramKeys = new Int32Array(8192);
  private bigramVals = new Int32Array(8192).fill(-1);
  private bigramCount = 0;
  /** Per id: the word (string) or the bigram code (number). */
  readonly keys: Array<string | number> = [];
  df: Int32Array = new Int32Array(1024);
  /** Per id: the task that last met it (stamp) and where in that task's list it is. */
  seen: Int32Array = new Int32Array(1024);
  slot: Int32Array = new Int32Array(1024);
  /** The features of the task being read (see taskFeatures). */
  feat: Int32Array = new Int32Array(2048);

  private add(key: string | number): number {
    const id = this.keys.length;
    this.keys.push(key);
    if (id >= this.df.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.df = grow(this.df);
      this.seen = grow(this.seen);
      this.slot = grow(this.slot);
    }
    return id;
  }
  word(w: string): number {
    let id = this.wordIds.get(w);
    if (id === undefined) this.wordIds.set(w, (id = this.add(w)));
    return id;
  }
  /** The id of a bigram code (bigramCodes' int32 or bigramsOf's number: the same key). */
  bigram(code: number): number {
    const key = code | 0;
    const mask = this.bigramKeys.length - 1;
    let h = (Math.imul(key, 0x9e3779b1) >>> 16) & mask;
    for (;;) {
      const v = this.bigramVals[h]!;
      if (v === -1) break;
      if (this.bigramKeys[h] === key) return v;
      h = (h + 1) & mask;
    }
    const id = this.add(key >>> 0);
    this.bigramKeys[h] = key;
    this.bigramVals[h] = id;
    if (++this.bigramCount * 2 > this.bigramKeys.length) this.rehash();
    return id;
  }
  private rehash(): void {
    const keys = this.bigramKeys;
    const vals = this.bigramVals;
    this.bigramKeys = new Int32Array(keys.length * 2);
    this.bigramVals = new Int32Array(keys.length * 2).fill(-1);
    const mask = this.bigramKeys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      if (vals[i] === -1) continue;
      let h = (Math.imul(keys[i]!, 0x9e3779b1) >>> 16) & mask;
      while (this.bigramVals[h] !== -1) h = (h + 1) & mask;
      this.bigramKeys[h] = keys[i]!;
      this.bigramVals[h] = vals[i]!;
    }
  }
  name(id: number): string {
    const k = this.keys[id]!;
    return typeof k === 'string' ? `w:${k}` : `b:${String.fromCharCode(Math.floor(k / 65536), k % 65536)}`;
  }
}

/**
 * One task's features as (id, tf code) packed in one integer each (id · 4 + code), in order of
 * first appearance: what fieldFeatures' Map held, without the Map. `stamp` is unique per task
 * (title pass stamp·2, body pass stamp·2+1 in `seen`). Written into dict.feat[0 … returned count).
 */
function taskFeatures(t: TaskText, places: readonly string[], dict: FeatureDict, stamp: number): number {
  const titleMark = stamp * 2;
  const bodyMark = titleMark + 1;
  const title = normalizeLevels(t.title, places);
  // Bodies: word segmentation only for the first BODY_WORDS_CHARS characters (ICU segmentation
  // is the single largest cost at 500 × 500); bigrams cover the whole body.
  const body = normalizeLevels(t.text, places);
  // At most one feature per word and one per bigram: at most one per code unit of each passage.
  const room = 2 * (title.length + body.length);
  if (dict.feat.length < room) dict.feat = new Int32Array(room * 2);
  const out = dict.feat;
  let n = 0;
  // dict.seen and dict.slot are read each time: adding a feature may grow them.
  const inTitle = (id: number) => {
    if (dict.seen[id] === titleMark) return;
    dict.seen[id] = titleMark;
    dict.slot[id] = n;
    out[n++] = id * 4;
  };
  const inBody = (id: number) => {
    const s = dict.seen[id]!;
    if (s === bodyMark) return;
    dict.seen[id] = bodyMark;
    if (s === titleMark) out[dict.slot[id]!] = id * 4 + 2;
    else out[n++] = id * 4 + 1;
  };
  for (const w of words(title)) inTitle(dict.word(w));
  let codes = bigramCodes(title);
  for (let k = 0; k < codes.length; k++) inTitle(dict.bigram(codes[k]!));
  for (const w of words(BODY_WORDS_CHARS < body.length ? body.slice(0, BODY_WORDS_CHARS) : body)) inBody(dict.word(w));
  codes = bigramCodes(body);
  for (let k = 0; k < codes.length; k++) inBody(dict.bigram(codes[k]!));
  return n;
}

/** Builds the model for two lists of tasks (IDF over both). */
export function buildModel(upper: readonly TaskText[], draft: readonly TaskText[], upperPlaces: readonly string[], draftPlaces: readonly string[]): Model {
  const dict = new FeatureDict();
  let stamp = 0;
  const raw = (list: readonly TaskText[], places: readonly string[]) =>
    list.map((t) => {
      const n = taskFeatures(t, places, dict, ++stamp); // first: it may replace dict.feat
      const packed = dict.feat.slice(0, n);
      for (let k = 0; k < packed.length; k++) dict.df[packed[k]! >> 2]!++;
      return packed;
    });
  const ru = raw(upper, upperPlaces);
  const rd = raw(draft, draftPlaces);
  const n = upper.length + draft.length;
  const nf = dict.keys.length;
  const fw = new Float64Array(nf);
  for (let i = 0; i < nf; i++) {
    const k = dict.keys[i]!;
    const idf = Math.max(0, Math.log((n + 1) / (dict.df[i]! + 0.5)));
    const word = typeof k === 'string';
    const kind = word ? WORD_WEIGHT : 1;
    fw[i] = idf * kind * (BOILERPLATE.has(dict.name(i)) ? BOILERPLATE_WEIGHT : 1);
  }
  const vec = (packed: Int32Array): SparseVec => {
    packed.sort(); // numeric (typed array): by id, as ids are unique per task
    const ids = new Int32Array(packed.length);
    const w = new Float64Array(packed.length);
    let sq = 0;
    let sum = 0;
    for (let k = 0; k < packed.length; k++) {
      const p = packed[k]!;
      const id = p >> 2;
      ids[k] = id;
      const x = FIELD_TF[p & 3]! * fw[id]!;
      w[k] = x;
      sq += x * x;
      sum += x;
    }
    return { ids, w, norm: Math.sqrt(sq), sum };
  };
  const uv = ru.map(vec);
  const dv = rd.map(vec);
  // Compressed rows: count, prefix sums, fill (draft tasks in order, so each row is sorted).
  const indexed = (v: SparseVec, k: number) => v.w[k]! > 0 && (n < 40 || fw[v.ids[k]!]! >= INDEX_MIN_WEIGHT);
  const postingStart = new Int32Array(nf + 1);
  for (const v of dv) for (let k = 0; k < v.ids.length; k++) if (indexed(v, k)) postingStart[v.ids[k]! + 1]!++;
  for (let i = 0; i < nf; i++) postingStart[i + 1]! += postingStart[i]!;
  const fill = postingStart.slice(0, nf);
  const postingTasks = new Int32Array(postingStart[nf]!);
  const postingWeights = new Float64Array(postingStart[nf]!);
  dv.forEach((v, j) => {
    for (let k = 0; k < v.ids.length; k++) {
      if (!indexed(v, k)) continue;
      const at = fill[v.ids[k]!]!++;
      postingTasks[at] = j;
      postingWeights[at] = v.w[k]!;
    }
  });
  let names: string[] | null = null;
  return {
    upper: uv,
    draft: dv,
    postingStart,
    postingTasks,
    postingWeights,
    featureWeight: fw,
    get featureNames() {
      names ??= dict.keys.map((_k, i) => dict.name(i));
      return names;
    },
  };
}

export interface PairStats {
  cosine: number;
  /** Share of the upper task's weight present in the draft task. */
  upperIn: number;
  /** Share of the draft task's weight present in the upper task. */
  draftIn: number;
}

/**
 * The score of a pair, 0–1. Cosine alone under-rates a merged or split task (the shorter side
 * is fully contained but the vectors differ in length); containment alone over-rates short
 * decoys. The mix: cosine, raised toward the geometric mean of cosine and the larger
 * containment — a contained task needs a real cosine too.
 */
export function pairScore(s: PairStats): number {
  const contained = Math.max(s.upperIn, s.draftIn);
  return Math.max(s.cosine, Math.sqrt(s.cosine * contained) * 0.9);
}

/** Stats of one upper task against every draft task (dense arrays indexed by draft task). */
export function scoreUpper(model: Model, i: number, out?: { dot: Float64Array; upIn: Float64Array; drIn: Float64Array }) {
  const nd = model.draft.length;
  const dot = out?.dot ?? new Float64Array(nd);
  const upIn = out?.upIn ?? new Float64Array(nd);
  const drIn = out?.drIn ?? new Float64Array(nd);
  dot.fill(0);
  upIn.fill(0);
  drIn.fill(0);
  const u = model.upper[i]!;
  const { postingStart, postingTasks, postingWeights } = model;
  for (let k = 0; k < u.ids.length; k++) {
    const wu = u.w[k]!;
    if (wu <= 0) continue;
    const id = u.ids[k]!;
    for (let p = postingStart[id]!, end = postingStart[id + 1]!; p < end; p++) {
      const j = postingTasks[p]!;
      const wd = postingWeights[p]!;
      dot[j]! += wu * wd;
      upIn[j]! += wu;
      drIn[j]! += wd;
    }
  }
  return { dot, upIn, drIn };
}

/** The stats of pair (i, j) from scoreUpper's arrays, written into `out` when given (no object per pair in a scoring loop). */
export function statsAt(
  model: Model,
  i: number,
  j: number,
  r: { dot: Float64Array; upIn: Float64Array; drIn: Float64Array },
  out: PairStats = { cosine: 0, upperIn: 0, draftIn: 0 },
): PairStats {
  const u = model.upper[i]!;
  const d = model.draft[j]!;
  const denom = u.norm * d.norm;
  out.cosine = denom > 0 ? r.dot[j]! / denom : 0;
  out.upperIn = u.sum > 0 ? r.upIn[j]! / u.sum : 0;
  out.draftIn = d.sum > 0 ? r.drIn[j]! / d.sum : 0;
  return out;
}
