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
import { features, normalizeLevels } from './text';

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
   * Inverted index over draft vectors: feature id → the draft tasks having it and its weight
   * there, as two parallel arrays (flat numbers: no tuple per entry to allocate and collect).
   */
  postingTasks: number[][];
  postingWeights: number[][];
  /** Weight of a feature id (idf × kind × boilerplate, without the field weight). */
  featureWeight: Float64Array;
  featureNames: string[];
}

export interface SparseVec {
  ids: Int32Array;
  w: Float64Array;
  norm: number;
  sum: number;
}

function fieldFeatures(t: TaskText, places: readonly string[]): Map<string, number> {
  const title = features(normalizeLevels(t.title, places));
  // Bodies: word segmentation only for the first BODY_WORDS_CHARS characters (ICU segmentation
  // is the single largest cost at 500 × 500); bigrams cover the whole body.
  const body = features(normalizeLevels(t.text, places), new Set(), BODY_WORDS_CHARS);
  const out = new Map<string, number>();
  for (const f of title) out.set(f, TITLE_WEIGHT);
  for (const f of body) out.set(f, (out.get(f) ?? 0) + 1);
  return out;
}

/** Builds the model for two lists of tasks (IDF over both). */
export function buildModel(upper: readonly TaskText[], draft: readonly TaskText[], upperPlaces: readonly string[], draftPlaces: readonly string[]): Model {
  const dict = new Map<string, number>();
  const names: string[] = [];
  const df: number[] = [];
  const raw = (list: readonly TaskText[], places: readonly string[]) =>
    list.map((t) => {
      const m = fieldFeatures(t, places);
      const ids: Array<[number, number]> = [];
      for (const [f, tf] of m) {
        let id = dict.get(f);
        if (id === undefined) {
          id = names.length;
          dict.set(f, id);
          names.push(f);
          df.push(0);
        }
        df[id]!++;
        ids.push([id, tf]);
      }
      return ids;
    });
  const ru = raw(upper, upperPlaces);
  const rd = raw(draft, draftPlaces);
  const n = upper.length + draft.length;
  const fw = new Float64Array(names.length);
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const idf = Math.max(0, Math.log((n + 1) / (df[i]! + 0.5)));
    const kind = name.startsWith('w:') ? WORD_WEIGHT : 1;
    fw[i] = idf * kind * (BOILERPLATE.has(name) ? BOILERPLATE_WEIGHT : 1);
  }
  const vec = (pairs: Array<[number, number]>): SparseVec => {
    pairs.sort((a, b) => a[0] - b[0]);
    const ids = new Int32Array(pairs.length);
    const w = new Float64Array(pairs.length);
    let sq = 0;
    let sum = 0;
    pairs.forEach(([id, tf], k) => {
      ids[k] = id;
      const x = tf * fw[id]!;
      w[k] = x;
      sq += x * x;
      sum += x;
    });
    return { ids, w, norm: Math.sqrt(sq), sum };
  };
  const uv = ru.map(vec);
  const dv = rd.map(vec);
  const postingTasks: number[][] = Array.from({ length: names.length }, () => []);
  const postingWeights: number[][] = Array.from({ length: names.length }, () => []);
  dv.forEach((v, j) => {
    for (let k = 0; k < v.ids.length; k++) {
      const id = v.ids[k]!;
      if (v.w[k]! > 0 && (n < 40 || fw[id]! >= INDEX_MIN_WEIGHT)) {
        postingTasks[id]!.push(j);
        postingWeights[id]!.push(v.w[k]!);
      }
    }
  });
  return { upper: uv, draft: dv, postingTasks, postingWeights, featureWeight: fw, featureNames: names };
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
  for (let k = 0; k < u.ids.length; k++) {
    const wu = u.w[k]!;
    if (wu <= 0) continue;
    const tasks = model.postingTasks[u.ids[k]!]!;
    const weights = model.postingWeights[u.ids[k]!]!;
    for (let p = 0; p < tasks.length; p++) {
      const j = tasks[p]!;
      const wd = weights[p]!;
      dot[j]! += wu * wd;
      upIn[j]! += wu;
      drIn[j]! += wd;
    }
  }
  return { dot, upIn, drIn };
}

export function statsAt(model: Model, i: number, j: number, r: { dot: Float64Array; upIn: Float64Array; drIn: Float64Array }): PairStats {
  const u = model.upper[i]!;
  const d = model.draft[j]!;
  const denom = u.norm * d.norm;
  return {
    cosine: denom > 0 ? r.dot[j]! / denom : 0,
    upperIn: u.sum > 0 ? r.upIn[j]! / u.sum : 0,
    draftIn: d.sum > 0 ? r.drIn[j]! / d.sum : 0,
  };
}
