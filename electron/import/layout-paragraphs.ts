// Turns positioned text (PDF text items, OFD TextCode runs) back into the paragraphs a person
// typed: runs → lines (same baseline, left to right), running headers / footers / page numbers
// dropped, lines → paragraphs by the rules of a GB/T 9704 page (a paragraph's first line is
// indented about two characters, its wrapped lines start at the left margin, and a line that
// reaches the right margin goes on in the next one). Pure: no Node, no PDF or OFD specifics,
// so both readers share it and it is unit-tested on hand-made pages.
import type { PlanWarning } from '../../shared/plan/schema';
import { CJK as CJK_CHARS } from '../../shared/text/han';

/** One piece of text on a page. Coordinates in any unit, y = baseline measured DOWN from the page top. */
export interface TextRun {
  x: number;
  y: number;
  width: number;
  /** Font size (em) in the same unit. */
  size: number;
  text: string;
}

export interface LayoutPage {
  width: number;
  height: number;
  runs: TextRun[];
}

export interface LayoutLine {
  page: number;
  y: number;
  x0: number;
  x1: number;
  size: number;
  text: string;
}

export interface LayoutResult {
  paragraphs: string[];
  warnings: PlanWarning[];
  /** Lines with text before furniture was dropped (0: the pages hold no text layer). */
  lineCount: number;
}

// Han ideographs, CJK punctuation, full-width forms: nothing is put between two of these, nor
// between one of these and a Latin letter or digit (PDF producers split runs at font changes and
// LibreOffice draws "autospace" gaps around digits; the typed text had no space there).
// shared/text's CJK class (Han script — radicals and compatibility ideographs that PDF fonts emit
// included — CJK and full-width punctuation, quotes) plus kana and enclosed CJK forms (㈠).
const CJK = new RegExp(`[${CJK_CHARS}\\u3040-\\u33ff]`, 'u');

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function percentile(xs: number[], p: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.floor(p * (s.length - 1))))]!;
}

/** Groups the runs of one page into lines, top to bottom, each left to right. */
export function pageLines(page: LayoutPage, pageIndex: number): LayoutLine[] {
  const runs = page.runs.filter((r) => r.text.length > 0 && Number.isFinite(r.x) && Number.isFinite(r.y)).sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: TextRun[][] = [];
  let cur: TextRun[] = [];
  let baseY = 0;
  let baseSize = 0;
  for (const r of runs) {
    const tol = 0.45 * Math.max(r.size, baseSize, 1e-6);
    if (cur.length && Math.abs(r.y - baseY) <= tol) {
      cur.push(r);
    } else {
      if (cur.length) groups.push(cur);
      cur = [r];
      baseY = r.y;
      baseSize = r.size;
    }
  }
  if (cur.length) groups.push(cur);
  const lines: LayoutLine[] = [];
  for (const g of groups) {
    g.sort((a, b) => a.x - b.x);
    let text = '';
    let prevEnd = Number.NEGATIVE_INFINITY;
    let prevSize = 0;
    let x0 = Number.NaN;
    let x1 = Number.NaN;
    const sizes: number[] = [];
    for (const r of g) {
      if (!r.text.trim()) continue; // a drawn space: only its gap counts
      const t = r.text.replace(/\s+/g, ' ');
      if (text) {
        const gap = r.x - prevEnd;
        const a = text.at(-1)!;
        const b = t.trimStart()[0] ?? '';
        const em = Math.max(prevSize, r.size);
        // A wide gap is a tab or two columns of one line (版记: issuer left, date right): keep a space.
        if (a !== ' ' && b && (gap > 1.5 * em || (gap > 0.2 * em && !CJK.test(a) && !CJK.test(b)))) text += ' ';
        text += text.endsWith(' ') ? t.trimStart() : t;
      } else {
        text = t.trimStart();
        x0 = r.x;
      }
      prevEnd = Math.max(prevEnd, r.x + r.width);
      prevSize = r.size;
      x1 = Math.max(Number.isNaN(x1) ? r.x + r.width : x1, r.x + r.width);
      sizes.push(r.size);
    }
    text = text.trimEnd();
    if (!text) continue;
    lines.push({ page: pageIndex, y: median(g.map((r) => r.y)), x0, x1, size: median(sizes), text });
  }
  return lines;
}

const PAGE_NUMBER = [
  /^[-—–－―─~～\s]*\d{1,4}[-—–－―─~～\s]*$/u, // — 1 —, -1-, 1
  /^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/u, // 第1页 共3页
  /^共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页$/u,
  /^\d{1,4}\s*\/\s*\d{1,4}$/u, // 1/3
  /^(page\s*)?\d{1,4}\s*(of\s*\d{1,4})?$/iu,
];
/** A line of rule characters (the 版记 separators, hand-drawn underlines). */
const RULE = /^[-—–－―─━_＿=＝═~～·.．\s]{4,}$/u;
const OUTLINE_START = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,3}[.．、](?!\d)|[（(]\d{1,3}[）)])/u;
const SENTENCE_END = /[。；;：:！!？?]$/u;

function isPageNumber(text: string): boolean {
  const t = text.trim();
  return PAGE_NUMBER.some((re) => re.test(t));
}

function pageList(pages: number[]): string {
  const ps = pages.map((p) => p + 1);
  const contiguous = ps.every((p, i) => i === 0 || p === ps[i - 1]! + 1);
  if (ps.length > 2 && contiguous) return `第${ps[0]}–${ps.at(-1)}页`;
  return `第${ps.slice(0, 6).join('、')}${ps.length > 6 ? '等' : ''}页`;
}

function clip(s: string, n = 24): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

/**
 * Drops what a printed page repeats: page numbers at the top or bottom of a page, lines at the
 * top or bottom that recur on several pages (running headers and footers, with their numbers
 * normalised), and rule lines. Returns the kept lines and warnings for what was guessed.
 */
function dropFurniture(pages: LayoutPage[], perPage: LayoutLine[][], label: string, code: string): { lines: LayoutLine[]; warnings: PlanWarning[] } {
  const warnings: PlanWarning[] = [];
  const key = (t: string) => t.replace(/\s+/g, '').replace(/\d+/g, '#');
  type Zone = 'header' | 'footer';
  const zoneOf = (line: LayoutLine, lines: LayoutLine[], page: LayoutPage): Zone | null => {
    const i = lines.indexOf(line);
    const h = page.height || 1;
    if (i <= 1 && line.y < 0.15 * h) return 'header';
    if (i >= lines.length - 2 && line.y > 0.82 * h) return 'footer';
    return null;
  };
  // Count recurring edge lines across pages.
  const seen = new Map<string, { zone: Zone; pages: number[]; text: string }>();
  perPage.forEach((lines, p) => {
    for (const line of lines) {
      const zone = zoneOf(line, lines, pages[p]!);
      if (!zone || isPageNumber(line.text)) continue;
      const k = `${zone}:${key(line.text)}`;
      const e = seen.get(k) ?? { zone, pages: [], text: line.text };
      if (!e.pages.includes(p)) e.pages.push(p);
      seen.set(k, e);
    }
  });
  const minPages = Math.max(2, Math.ceil(perPage.length / 2));
  const running = new Set([...seen].filter(([, e]) => e.pages.length >= minPages).map(([k]) => k));
  for (const [k, e] of seen) {
    if (!running.has(k)) continue;
    const what = e.zone === 'header' ? '页眉' : '页脚';
    warnings.push({ code: `${code}-${e.zone}-removed`, message: `${label} ${pageList(e.pages)}重复的${what}“${clip(e.text)}”已去掉，请核对`, path: 'body' });
  }
  const out: LayoutLine[] = [];
  perPage.forEach((lines, p) => {
    for (const line of lines) {
      const zone = zoneOf(line, lines, pages[p]!);
      if (zone && isPageNumber(line.text)) continue;
      if (zone && running.has(`${zone}:${key(line.text)}`)) continue;
      if (RULE.test(line.text)) continue;
      out.push(line);
    }
  });
  return { lines: out, warnings };
}

function joinLines(a: string, b: string): string {
  return /[A-Za-z0-9,.;:]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/**
 * Rebuilds paragraphs from positioned text. `label` names the format in warnings ("PDF"),
 * `code` prefixes warning codes ("pdf" → "pdf-header-removed").
 */
export function layoutParagraphs(pages: readonly LayoutPage[], label: string, code: string): LayoutResult {
  const perPage = pages.map((p, i) => pageLines(p, i));
  const lineCount = perPage.reduce((n, l) => n + l.length, 0);
  const { lines, warnings } = dropFurniture([...pages], perPage, label, code);
  if (!lines.length) return { paragraphs: [], warnings, lineCount };

  const body = median(lines.map((l) => l.size)) || 1;
  // The text block: most lines start at the left margin (wrapped lines) or two characters in.
  // Per page when the page has enough lines (mirrored margins on odd and even pages), else
  // the document's.
  const block = (ls: LayoutLine[]) => ({
    left: percentile(
      ls.map((l) => l.x0),
      0.1,
    ),
    right: percentile(
      ls.map((l) => l.x1),
      0.95,
    ),
  });
  const whole = block(lines);
  const perPageBlock = new Map<number, { left: number; right: number }>();
  for (let p = 0; p < pages.length; p++) {
    const ls = lines.filter((l) => l.page === p);
    if (ls.length >= 8) perPageBlock.set(p, block(ls));
  }
  // A short page (the last one) takes the block of a full page of the same parity.
  const blockOf = (l: LayoutLine) => perPageBlock.get(l.page) ?? perPageBlock.get(l.page - 2) ?? perPageBlock.get(l.page + 2) ?? whole;
  const pitches: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const d = lines[i]!.y - lines[i - 1]!.y;
    if (lines[i]!.page === lines[i - 1]!.page && d > 0) pitches.push(d);
  }
  const pitch = median(pitches) || body * 1.5;
  const full = (l: LayoutLine) => l.x1 >= blockOf(l).right - 1.1 * l.size;
  const indented = (l: LayoutLine) => l.x0 - blockOf(l).left >= 1.4 * l.size;
  const centred = (l: LayoutLine) => Math.abs((l.x0 + l.x1) / 2 - (blockOf(l).left + blockOf(l).right) / 2) < 1.5 * l.size;

  const paragraphs: string[] = [];
  let prev: LayoutLine | undefined;
  for (const line of lines) {
    let fresh = !prev;
    if (prev) {
      const samePage = prev.page === line.page;
      const gap = samePage ? line.y - prev.y : 0;
      // A title set in a larger type and centred over two lines stays one paragraph.
      const titleGoesOn = samePage && centred(prev) && centred(line) && prev.size > body * 1.15 && Math.abs(prev.size - line.size) < 0.5 && gap < 2 * prev.size;
      if (titleGoesOn) fresh = false;
      else if (!full(prev)) fresh = true;
      else if (indented(line)) fresh = true;
      else if (samePage && gap > 1.8 * pitch) fresh = true;
      else if (Math.abs(line.size - prev.size) > 0.25 * body) fresh = true;
      else if (SENTENCE_END.test(prev.text) && OUTLINE_START.test(line.text)) fresh = true;
    }
    if (fresh) paragraphs.push(line.text);
    else paragraphs[paragraphs.length - 1] = joinLines(paragraphs.at(-1)!, line.text);
    prev = line;
  }
  return { paragraphs, warnings, lineCount };
}
