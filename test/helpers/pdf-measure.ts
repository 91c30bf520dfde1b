// Measuring exported DOCX files the way a reader sees them: LibreOffice converts them to PDF
// (one soffice run for many files, with a private profile so parallel runs don't clash),
// poppler gives word boxes (`pdftotext -bbox-layout`) and page pixels (`pdftoppm`).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { unescapeXml } from '../../shared/text/xml-text';

const run = promisify(execFile);

export const PT_PER_MM = 72 / 25.4;
export const ptToMm = (pt: number) => pt / PT_PER_MM;

/** Converts DOCX files to PDF in one LibreOffice run; returns the PDF paths in the same order. */
export async function convertToPdf(docxPaths: string[], outDir: string): Promise<string[]> {
  const profile = mkdtempSync(join(tmpdir(), 'plandesk-lo-'));
  try {
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...docxPaths], {
      timeout: 180_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdfs = docxPaths.map((p) => join(outDir, basename(p).replace(/\.docx$/i, '.pdf')));
  for (const p of pdfs) if (!existsSync(p)) throw new Error(`LibreOffice did not produce ${p}`);
  return pdfs;
}

export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
export interface Word extends Box {
  text: string;
}
export interface Line extends Box {
  text: string;
  words: Word[];
}
export interface Page {
  /** 1-based */
  number: number;
  width: number;
  height: number;
  lines: Line[];
}

function attrs(tag: string): Box {
  const n = (k: string) => Number(new RegExp(`${k}="([\\d.\\-]+)"`).exec(tag)?.[1] ?? NaN);
  return { xMin: n('xMin'), yMin: n('yMin'), xMax: n('xMax'), yMax: n('yMax') };
}

/**
 * Word boxes per page, in points from the top-left corner. poppler's own lines are regrouped
 * by baseline: a physical line (same yMax within 2 pt) is one Line, words left to right.
 */
export async function readPages(pdf: string): Promise<Page[]> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const pages: Page[] = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  let m: RegExpExecArray | null;
  while ((m = pageRe.exec(stdout))) {
    const words: Word[] = [];
    const wordRe = /<word ([^>]*)>([^<]*)<\/word>/g;
    let w: RegExpExecArray | null;
    while ((w = wordRe.exec(m[3]!))) words.push({ ...attrs(w[1]!), text: unescapeXml(w[2]!) });
    words.sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin);
    const lines: Line[] = [];
    for (const word of words) {
      const last = lines[lines.length - 1];
      if (last && Math.abs(last.yMax - word.yMax) < 2) {
        last.words.push(word);
        last.xMin = Math.min(last.xMin, word.xMin);
        last.xMax = Math.max(last.xMax, word.xMax);
        last.yMin = Math.min(last.yMin, word.yMin);
      } else {
        lines.push({ ...word, words: [word], text: '' });
      }
    }
    for (const l of lines) {
      l.words.sort((a, b) => a.xMin - b.xMin);
      l.text = l.words.map((x) => x.text).join('');
    }
    pages.push({ number: pages.length + 1, width: Number(m[1]), height: Number(m[2]), lines });
  }
  return pages;
}

/** Width of a text in full-width character units: ASCII counts half. */
export function charUnits(s: string): number {
  let n = 0;
  for (const ch of s) n += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Pixels: horizontal rules (the red line, the 版记 lines).

export interface Rule {
  /** top edge, mm from the top of the page */
  yMm: number;
  /** thickness in mm */
  thicknessMm: number;
  xMinMm: number;
  xMaxMm: number;
  color: 'red' | 'black';
}

/**
 * Renders one page and finds horizontal rules at least `minWidthMm` long: rows where a run of
 * red (or dark) pixels is that long. Text never makes such runs.
 */
export async function findRules(pdf: string, page: number, dpi = 150, minWidthMm = 120): Promise<Rule[]> {
  const dir = mkdtempSync(join(tmpdir(), 'plandesk-ppm-'));
  const base = join(dir, 'p');
  await run('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, base]);
  const buf = readFileSync(`${base}.ppm`);
  rmSync(dir, { recursive: true, force: true });
  // P6 header: "P6\n<w> <h>\n255\n"
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a PPM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const offset = header[0].length;
  const pxPerMm = dpi / 25.4;
  const minRun = minWidthMm * pxPerMm;
  type RowHit = { y: number; x0: number; x1: number; color: 'red' | 'black' };
  const hits: RowHit[] = [];
  for (let y = 0; y < height; y++) {
    for (const color of ['red', 'black'] as const) {
      let best = 0;
      let bestStart = 0;
      let cur = 0;
      for (let x = 0; x < width; x++) {
        const i = offset + (y * width + x) * 3;
        const r = buf[i]!;
        const g = buf[i + 1]!;
        const b = buf[i + 2]!;
        const on = color === 'red' ? r > 180 && g < 110 && b < 110 : r < 110 && g < 110 && b < 110;
        cur = on ? cur + 1 : 0;
        if (cur > best) {
          best = cur;
          bestStart = x - cur + 1;
        }
      }
      if (best >= minRun) hits.push({ y, x0: bestStart, x1: bestStart + best, color });
    }
  }
  const rules: Rule[] = [];
  for (const h of hits) {
    const last = rules[rules.length - 1];
    const yMm = h.y / pxPerMm;
    if (last && last.color === h.color && Math.abs(last.yMm + last.thicknessMm - yMm) < 0.5 / pxPerMm + 0.01) {
      last.thicknessMm = yMm - last.yMm + 1 / pxPerMm;
    } else {
      rules.push({ yMm, thicknessMm: 1 / pxPerMm, xMinMm: h.x0 / pxPerMm, xMaxMm: h.x1 / pxPerMm, color: h.color });
    }
  }
  return rules;
}
