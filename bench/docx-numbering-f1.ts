// Outline F1 of .docx files numbered by Word (list numbering, numbered heading styles) against
// the three real samples' *.expected.json: the samples' typed labels are removed and rebuilt
// as Word list paragraphs (test/helpers/word-list-docx.ts), imported, and the outline compared.
// "before" is the importer without Word labels (mammoth → analyser, as before issue 13);
// "after" is readImportFile. With --libreoffice the files are also saved again by LibreOffice
// (soffice --convert-to docx, private profile) and measured as LibreOffice wrote them, and
// compared with LibreOffice's own rendering of the labels (its plain-text export, read by
// the text analyser): "agreesWithLibreOffice" is the outline F1 between the two.
// Run: npx tsx bench/docx-numbering-f1.ts [--libreoffice]
import mammoth from 'mammoth';
import { analyzePlanHtml, analyzePlanText } from '../shared/import/analyze';
import { readImportFile } from '../electron/import/read-file';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { walkOutline } from '../shared/plan/numbering';
import type { PlanDocument } from '../shared/plan/schema';
import { continuousLevels, numberedLines, wordListDocx, type WordListMode } from '../test/helpers/word-list-docx';
import { halfWidthMarks } from '../shared/text/punctuation';

const SAMPLES = join(dirname(fileURLToPath(import.meta.url)), '../../shared/samples');

interface ExpectedItem {
  kind: string;
  level: number;
  ordinal: number;
  title: string;
}

function samples(): Array<{ name: string; text: string; expected: ExpectedItem[] }> {
  return readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.txt$/, ''),
      text: readFileSync(join(SAMPLES, f), 'utf8'),
      expected: (JSON.parse(readFileSync(join(SAMPLES, f.replace(/\.txt$/, '.expected.json')), 'utf8')) as { outline: ExpectedItem[] }).outline,
    }));
}

/** Headings and tasks in document order (the oracle's shape, units left out). */
function flatten(doc: PlanDocument): ExpectedItem[] {
  const out: ExpectedItem[] = [];
  walkOutline(doc.body, (n) => out.push({ kind: n.type, level: n.level, ordinal: n.ordinal, title: n.title }));
  return out;
}

/**
 * Titles are compared with punctuation widths unified: the analyser writes half-width , : ; ( )
 * between Chinese as full width (one summary warning), the expected files keep the page's.
 */
const key = (i: ExpectedItem): string => `${i.kind}|${i.level}|${i.ordinal}|${halfWidthMarks(i.title)}`;

/** F1 over (kind, level, ordinal, title) tuples, as multisets. */
export function outlineF1(got: readonly ExpectedItem[], expected: readonly ExpectedItem[]): { f1: number; precision: number; recall: number } {
  const pool = new Map<string, number>();
  for (const e of expected) pool.set(key(e), (pool.get(key(e)) ?? 0) + 1);
  let hit = 0;
  for (const g of got) {
    const n = pool.get(key(g)) ?? 0;
    if (n > 0) {
      hit++;
      pool.set(key(g), n - 1);
    }
  }
  const precision = got.length ? hit / got.length : 0;
  const recall = expected.length ? hit / expected.length : 0;
  return { f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, precision, recall };
}

async function before(bytes: Uint8Array): Promise<ExpectedItem[]> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return flatten(analyzePlanHtml(value).doc);
}

async function after(bytes: Uint8Array): Promise<ExpectedItem[]> {
  return flatten((await readImportFile('sample.docx', bytes)).doc);
}

/**
 * Saves each file again with LibreOffice (one soffice run) and exports that copy as text;
 * returns the new bytes and LibreOffice's text (list labels included) in order.
 */
function throughLibreOffice(files: Uint8Array[]): Array<{ bytes: Uint8Array; text: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'plandesk-f1-'));
  const profile = mkdtempSync(join(tmpdir(), 'plandesk-lo-'));
  try {
    const paths = files.map((b, i) => {
      const p = join(dir, `in-${i}.docx`);
      writeFileSync(p, b);
      return p;
    });
    const soffice = (to: string, outDir: string, inputs: string[]) =>
      execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, ...inputs], {
        stdio: 'ignore',
        timeout: 300_000,
      });
    soffice('docx', join(dir, 'out'), paths);
    const saved = paths.map((_, i) => join(dir, 'out', `in-${i}.docx`));
    soffice('txt:Text (encoded):UTF8', join(dir, 'txt'), saved);
    return saved.map((p, i) => ({
      bytes: new Uint8Array(readFileSync(p)),
      // LibreOffice indents list paragraphs and puts a tab or space after the label; written as
      // a drafter types it (no indent, label against the text) the text analyser reads it as typed.
      text: readFileSync(join(dir, 'txt', `in-${i}.txt`), 'utf8')
        .replace(/^\uFEFF/, '')
        .split('\n')
        .map((l) => l.trimStart().replace(/^([一二三四五六七八九十百]+、|（[一二三四五六七八九十百]+）|\d+[.．]|（\d+）)[ \t]+/u, '$1'))
        .join('\n'),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

type Row = { before: number; after: number; sameAsTyped: number; agreesWithLibreOffice?: number };

export async function measure(libreOffice = false): Promise<Record<string, Record<string, Row>>> {
  const out: Record<string, Record<string, Row>> = {};
  const modes: WordListMode[] = ['typed', 'list', 'headingStyles'];
  const totals: Record<string, { before: number[]; after: number[]; sameAsTyped: number[] }> = {};
  for (const { name, text, expected } of samples()) {
    const lines = text.split('\n');
    const continuous = continuousLevels(numberedLines(lines));
    out[name] = {};
    const made = await Promise.all(modes.map((mode) => wordListDocx(lines, { mode, continuous })));
    const lo = libreOffice ? throughLibreOffice(made) : undefined;
    let typed: ExpectedItem[] = [];
    for (const [i, mode] of modes.entries()) {
      const bytes = lo ? lo[i]!.bytes : made[i]!;
      const b = outlineF1(await before(bytes), expected).f1;
      const got = await after(bytes);
      const a = outlineF1(got, expected).f1;
      if (mode === 'typed') typed = got;
      // sameAsTyped: outline F1 against the same file with typed labels, imported the same way.
      const same = outlineF1(got, typed).f1;
      out[name]![mode] = { before: +b.toFixed(3), after: +a.toFixed(3), sameAsTyped: +same.toFixed(3) };
      if (lo) out[name]![mode]!.agreesWithLibreOffice = +outlineF1(got, flatten(analyzePlanText(lo[i]!.text).doc)).f1.toFixed(3);
      const t = (totals[mode] ??= { before: [], after: [], sameAsTyped: [] });
      t.before.push(b);
      t.after.push(a);
      t.sameAsTyped.push(same);
    }
  }
  out['mean'] = {};
  for (const [mode, t] of Object.entries(totals)) {
    const mean = (xs: number[]) => +(xs.reduce((s, x) => s + x, 0) / xs.length).toFixed(3);
    out['mean']![mode] = { before: mean(t.before), after: mean(t.after), sameAsTyped: mean(t.sameAsTyped) };
  }
  return out;
}

if (process.argv[1]?.endsWith('docx-numbering-f1.ts')) {
  console.log(JSON.stringify(await measure(process.argv.includes('--libreoffice')), null, 1));
}
