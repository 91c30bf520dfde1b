// Scores the importer on ../shared/corpus: every page is imported and compared with what a
// careful reader sees in it (truth/*.json). Used by `npm run bench -- import-corpus` and by
// the corpus test. Part of the corpus is kept aside (HELD_OUT) and never looked at while
// tuning: its figure is the honest one.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { analyzePlanText, type ImportResult } from '../../shared/import/analyze';
import { flatten, type Expected, type ExpectedItem } from '../shared/import-samples.helpers';

export const CORPUS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');

/**
 * Pages kept aside: every third page in name order (2, 5, 8, …), chosen by that rule before
 * any page's result was seen. Tuning looks only at the others.
 */
export function isHeldOut(index: number): boolean {
  return index % 3 === 2;
}

/** The corpus truth has the samples' form (../shared/corpus/README.md). */
type TruthItem = ExpectedItem;
type Truth = Expected;

/** The metadata fields scored: a field counts when either side has it. */
export const META_FIELDS = ['title', 'noticeTitle', 'year', 'issuer', 'docNumber', 'writtenDate', 'publishDate', 'addressees'] as const;
type MetaField = (typeof META_FIELDS)[number];

const t2s = OpenCC.Converter({ from: 't', to: 'cn' });

/** Folds what a careful reader does not count as a difference: traditional/simplified, width of punctuation, spaces. */
export function fold(s: string): string {
  return t2s(s)
    .replace(/\s+/g, '')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/[〔［【]/g, '[')
    .replace(/[〕］】]/g, ']')
    .replace(/[—–－]/g, '-')
    .replace(/、/g, ',')
    .replace(/。/g, '.');
}

function foldValue(v: unknown): string {
  if (Array.isArray(v)) return JSON.stringify(v.map((x) => fold(String(x))));
  return v === undefined || v === null ? '' : fold(String(v));
}

/** What the importer claims to have read from the text (fallbacks such as the file name are not claims). */
export function importedMeta(r: ImportResult): Partial<Record<MetaField, unknown>> {
  const m = r.doc.meta;
  const out: Partial<Record<MetaField, unknown>> = {};
  if (r.origins.title.source !== 'file-name' && r.origins.title.source !== 'none') out.title = m.title;
  if (r.origins.year.source !== 'none') out.year = m.year;
  for (const k of ['noticeTitle', 'issuer', 'docNumber', 'writtenDate', 'publishDate'] as const) if (m[k] !== undefined) out[k] = m[k];
  if (m.addressees.length) out.addressees = m.addressees;
  return out;
}

const itemKey = (i: TruthItem): string => `${i.kind}|${i.level}|${i.ordinal}|${fold(i.title)}`;

export interface PageScore {
  name: string;
  heldOut: boolean;
  outline: { truth: number; found: number; matched: number };
  units: { truth: number; right: number };
  meta: { fields: number; right: number; wrong: Array<{ field: string; expected: unknown; got: unknown }> };
  missedItems: string[];
  extraItems: string[];
}

export function scorePage(name: string, text: string, truth: Truth, heldOut: boolean): PageScore {
  const r = analyzePlanText(text, { sourceName: `${name}.txt` });
  const found = flatten(r.doc);
  // Items match in order (a longest common subsequence over kind, level, ordinal and title).
  const a = truth.outline.map(itemKey);
  const b = found.map(itemKey);
  const dp: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  const matchedTruth = new Set(pairs.map(([i]) => i));
  const matchedFound = new Set(pairs.map(([, j]) => j));

  let unitsTruth = 0;
  let unitsRight = 0;
  truth.outline.forEach((t, i) => {
    if (!t.lead && !t.support) return;
    unitsTruth++;
    const pair = pairs.find(([ti]) => ti === i);
    const f = pair ? found[pair[1]]! : undefined;
    if (f && foldValue(f.lead ?? []) === foldValue(t.lead ?? []) && foldValue(f.support ?? []) === foldValue(t.support ?? [])) unitsRight++;
  });

  const got = importedMeta(r);
  let fields = 0;
  let right = 0;
  const wrong: PageScore['meta']['wrong'] = [];
  for (const field of META_FIELDS) {
    const expected = truth.meta[field];
    const value = got[field];
    if (expected === undefined && value === undefined) continue;
    fields++;
    if (foldValue(expected) === foldValue(value)) right++;
    else wrong.push({ field, expected, got: value });
  }
  return {
    name,
    heldOut,
    outline: { truth: a.length, found: b.length, matched: pairs.length },
    units: { truth: unitsTruth, right: unitsRight },
    meta: { fields, right, wrong },
    missedItems: truth.outline.filter((_, i) => !matchedTruth.has(i)).map(itemKey),
    extraItems: found.filter((_, j) => !matchedFound.has(j)).map(itemKey),
  };
}

export interface CorpusFigures {
  pages: number;
  outline: { precision: number; recall: number; f1: number };
  units: number;
  meta: number;
}

const ratio = (n: number, d: number): number => (d === 0 ? 1 : +(n / d).toFixed(3));

export function aggregate(scores: readonly PageScore[]): CorpusFigures {
  const sum = (f: (s: PageScore) => number): number => scores.reduce((acc, s) => acc + f(s), 0);
  const matched = sum((s) => s.outline.matched);
  const precision = ratio(
    matched,
    sum((s) => s.outline.found),
  );
  const recall = ratio(
    matched,
    sum((s) => s.outline.truth),
  );
  return {
    pages: scores.length,
    outline: { precision, recall, f1: precision + recall === 0 ? 0 : +((2 * precision * recall) / (precision + recall)).toFixed(3) },
    units: ratio(
      sum((s) => s.units.right),
      sum((s) => s.units.truth),
    ),
    meta: ratio(
      sum((s) => s.meta.right),
      sum((s) => s.meta.fields),
    ),
  };
}

export function corpusNames(): string[] {
  return readdirSync(join(CORPUS_DIR, 'pages'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.replace(/\.txt$/, ''))
    .sort();
}

/** Scores every page; `which` picks the tuning part, the held-out part, or all. */
export function scoreCorpus(which: 'all' | 'tuning' | 'held-out' = 'all'): PageScore[] {
  return corpusNames()
    .map((name, i) => ({ name, heldOut: isHeldOut(i) }))
    .filter((p) => which === 'all' || (which === 'held-out') === p.heldOut)
    .map(({ name, heldOut }) =>
      scorePage(
        name,
        readFileSync(join(CORPUS_DIR, 'pages', `${name}.txt`), 'utf8'),
        JSON.parse(readFileSync(join(CORPUS_DIR, 'truth', `${name}.json`), 'utf8')) as Truth,
        heldOut,
      ),
    );
}
