// The exported DOCX measured as a reader sees it: LibreOffice renders every sample in both
// forms to PDF once (one soffice run), then poppler's word boxes and page pixels are checked
// against GB/T 9704 (../shared/docs/gbt9704.md).
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { exportPlanDocx } from '../../electron/export/plan-docx';
import { exportTaskTableDocx } from '../../electron/export/task-table-docx';
import { walkOutline } from '../../shared/plan/numbering';
import type { PlanDocument } from '../../shared/plan/schema';
import { ExportOptionsSchema, type ExportOptionsInput } from '../../shared/export/options';
import { resolveExport } from '../../shared/export/resolve';
import { charUnits, convertToPdf, findRules, ptToMm, readPages, type Line, type Page, type Rule } from '../helpers/pdf-measure';
import { loadSamplePlan, SAMPLE_NAMES, type SampleName } from '../helpers/sample-plans';

const LEFT_MM = 28;
const RIGHT_MM = 210 - 26;
const TOP_MM = 37;
const BOTTOM_MM = 297 - 35;
const NO_LINE_END = '“‘《（〔【「『(';
const NO_LINE_START = '，。、；：？！）》」』〕】”’…,.;:?!)]';

interface Case {
  key: string;
  sample: SampleName;
  options: ExportOptionsInput;
  doc: PlanDocument;
  docx: Uint8Array;
  pages: Page[];
  /** physical page numbers whose first page starts a new part (page break), 1-based */
  cover: boolean;
}

const cases: Case[] = [];
let tableCase: { pages: Page[] } | undefined;
const dir = mkdtempSync(join(tmpdir(), 'plandesk-export-'));

const FORMS: Array<[string, (s: SampleName) => ExportOptionsInput]> = [
  ['plan', () => ({ form: 'plan' })],
  // The notice form: 滕州 and 南浔 with the plan as 附件 (南浔 also with the disclosure page),
  // 潞城 running on.
  ['notice', (s) => ({ form: 'notice', attachment: s !== 'lucheng-2025', includeDisclosureTable: s === 'nanxun-2021' })],
];

beforeAll(async () => {
  const files: string[] = [];
  for (const sample of SAMPLE_NAMES) {
    const { doc } = loadSamplePlan(sample);
    for (const [form, opts] of FORMS) {
      const options = opts(sample);
      const docx = await exportPlanDocx(doc, options);
      const file = join(dir, `${sample}-${form}.docx`);
      writeFileSync(file, docx);
      files.push(file);
      cases.push({ key: `${sample}-${form}`, sample, options, doc, docx, pages: [], cover: !!options.includeDisclosureTable });
    }
  }
  const tableFile = join(dir, 'tengzhou-2020-table.docx');
  writeFileSync(tableFile, await exportTaskTableDocx(loadSamplePlan('tengzhou-2020').doc));
  files.push(tableFile);
  const pdfs = await convertToPdf(files, dir);
  for (let i = 0; i < cases.length; i++) cases[i]!.pages = await readPages(pdfs[i]!);
  tableCase = { pages: await readPages(pdfs[pdfs.length - 1]!) };
}, 180_000);

const mm = (pt: number) => ptToMm(pt);
const bodyLines = (p: Page) => p.lines.filter((l) => mm(l.yMin) < BOTTOM_MM + 1);
const footerLines = (p: Page) => p.lines.filter((l) => mm(l.yMin) >= BOTTOM_MM + 1);
const pitchMm = (c: Case) => (c.options.linePitchTwips ?? 579) / 20 / (72 / 25.4);
/** Pages of the body flow that are followed by more of it (not the last of a part). */
function fullBodyPages(c: Case): Page[] {
  const out: Page[] = [];
  for (let i = 0; i < c.pages.length - 1; i++) {
    const page = c.pages[i]!;
    const next = c.pages[i + 1]!;
    if (c.cover && i === 0) continue;
    const first = c.cover ? 1 : 0;
    if (c.options.form === 'notice' && i === first) continue; // 版头 page
    if (bodyLines(next)[0]?.text === '附件') continue; // page break before the 附件
    out.push(page);
  }
  return out;
}
const bodyText = (pages: Page[]) =>
  pages
    .flatMap((p) => bodyLines(p))
    .map((l) => l.text)
    .join('')
    .replace(/\s+/g, '');

describe.each(SAMPLE_NAMES.flatMap((s) => FORMS.map(([f]) => `${s}-${f}`)))('%s measured in LibreOffice', (key) => {
  const c = () => cases.find((x) => x.key === key)!;

  it('is A4 on every page', () => {
    expect(c().pages.length).toBeGreaterThan(1);
    for (const p of c().pages) {
      expect(mm(p.width)).toBeCloseTo(210, 0);
      expect(mm(p.height)).toBeCloseTo(297, 0);
    }
  });

  it('has the text block at 28 mm from the left and 37 mm from the top, 22 lines of 28 characters', () => {
    const pitch = pitchMm(c());
    const pages = fullBodyPages(c());
    expect(pages.length).toBeGreaterThan(0);
    let fullLines = 0;
    const counts: Record<number, number> = {};
    const measured: Array<{ page: number; top: number; left: number; slots: number }> = [];
    for (const p of pages) {
      const lines = bodyLines(p);
      const left = Math.min(...lines.map((l) => mm(l.xMin)));
      expect(Math.abs(left - LEFT_MM), `left edge on page ${p.number}: ${left.toFixed(1)} mm`).toBeLessThanOrEqual(1);
      // Exact line pitch: the line box of slot k spans [top + k·pitch, top + (k+1)·pitch] and
      // the glyphs sit on its bottom. The first text line may follow blank lines, so find the
      // slot that puts the block top nearest 37 mm, then require every line on that grid and
      // the 22nd slot used.
      const firstBottom = mm(lines[0]!.yMax);
      const k = Math.max(0, Math.round((firstBottom - pitch - TOP_MM) / pitch));
      const top = firstBottom - (k + 1) * pitch;
      expect(Math.abs(top - TOP_MM), `top of text block on page ${p.number}: ${top.toFixed(2)} mm`).toBeLessThanOrEqual(1);
      expect(mm(lines[0]!.yMin)).toBeGreaterThanOrEqual(TOP_MM - 0.5);
      const slots = lines.map((l) => (mm(l.yMax) - top) / pitch - 1);
      for (const s of slots) expect(Math.abs(s - Math.round(s)), `off-grid line on page ${p.number}`).toBeLessThan(0.1);
      expect(Math.round(slots[slots.length - 1]!) + 1, `line slots on page ${p.number}`).toBe(22);
      measured.push({ page: p.number, top, left, slots: Math.round(slots[slots.length - 1]!) + 1 });
      expect(mm(lines[lines.length - 1]!.yMax)).toBeLessThanOrEqual(BOTTOM_MM + 0.5);
      // Full body lines: flush left and right, 三号, only full-width characters (the half-width
      // digits of the fallback font on a test machine are not half an em).
      lines.forEach((l: Line, i) => {
        const isFull = Math.abs(mm(l.xMin) - LEFT_MM) < 1 && mm(l.xMax) > RIGHT_MM - 2.5 && mm(l.yMax - l.yMin) < 8;
        if (!isFull || /[\x20-\x7e]/.test(l.text)) return;
        fullLines++;
        const n = charUnits(l.text);
        const next = lines[i + 1]?.text ?? bodyLines(c().pages[p.number] ?? p)[0]?.text ?? '';
        // Kinsoku: LibreOffice moves the last character down with a ，。” that may not start a line
        // (Word compresses the punctuation instead), so such a line holds 27.
        // …and a line does not end with an opening “《（, which moves down to the next line.
        const pulled = Array.from(next.slice(0, 4)).filter((ch) => NO_LINE_START.includes(ch)).length + (NO_LINE_END.includes(next[0] ?? '') ? 1 : 0);
        const allowed = [28, 27, 26, 25].slice(0, 1 + pulled);
        counts[n] = (counts[n] ?? 0) + 1;
        expect(allowed, `page ${p.number}: ${n} characters in “${l.text}” (next “${next.slice(0, 6)}”)`).toContain(n);
      });
    }
    expect(fullLines).toBeGreaterThan(10);
    console.log(
      `${key}: full body pages ${pages.map((p) => p.number).join(',')}; ` +
        `block top ${measured.map((m) => m.top.toFixed(1)).join('/')} mm, left ${measured.map((m) => m.left.toFixed(1)).join('/')} mm, ` +
        `line slots ${measured.map((m) => m.slots).join('/')}; characters per full line ${JSON.stringify(counts)}`,
    );
  });

  it('numbers pages "— N —", right on odd pages and left on even, 7 mm under the block', () => {
    const pages = c().pages.slice(c().cover ? 1 : 0);
    pages.forEach((p, i) => {
      const n = i + 1;
      const foot = footerLines(p);
      expect(foot.map((l) => l.text)).toEqual([`—${n}—`]);
      const f = foot[0]!;
      expect(Math.abs(mm(f.yMin) - (BOTTOM_MM + 7))).toBeLessThanOrEqual(1.5);
      const oneChar = 14 / (72 / 25.4);
      if (n % 2) expect(Math.abs(mm(f.xMax) - (RIGHT_MM - oneChar))).toBeLessThanOrEqual(1);
      else expect(Math.abs(mm(f.xMin) - (LEFT_MM + oneChar))).toBeLessThanOrEqual(1);
    });
    if (c().cover) expect(footerLines(c().pages[0]!)).toEqual([]);
  });

  it('centres the title on its first page', () => {
    const page = c().pages[c().cover ? 1 : 0]!;
    const r = resolveExport(c().doc, ExportOptionsSchema.parse(c().options));
    const title = c().options.form === 'notice' ? r.noticeTitle : r.title;
    const lines = bodyLines(page);
    let found = 0;
    for (const l of lines) {
      const t = l.text.replace(/\s+/g, '');
      if (t.length >= 4 && title.replace(/\s+/g, '').includes(t) && mm(l.yMax - l.yMin) > 8) {
        found++;
        const centre = (mm(l.xMin) + mm(l.xMax)) / 2;
        expect(Math.abs(centre - (LEFT_MM + RIGHT_MM) / 2), `title line “${t}” centre ${centre.toFixed(1)}`).toBeLessThanOrEqual(1.5);
      }
    }
    expect(found).toBeGreaterThan(0);
  });

  it('contains the text of every task, in order', () => {
    const text = bodyText(c().pages);
    let at = 0;
    walkOutline(c().doc.body, (node) => {
      const needles = [node.title, node.type === 'task' ? node.text.slice(0, 24) : ''].map((s) => s.replace(/\s+/g, '')).filter((s) => s.length > 0);
      for (const needle of needles) {
        const i = text.indexOf(needle, at);
        expect(i, `“${needle}” after offset ${at}`).toBeGreaterThanOrEqual(0);
        at = i + needle.length;
      }
    });
  });

  it('has the red line (notice) and the 版记 lines at the foot of the last page', async () => {
    const pdf = join(dir, `${key}.pdf`);
    if (c().options.form !== 'notice') return;
    const first = c().cover ? 2 : 1;
    const red = (await findRules(pdf, first)).filter((r: Rule) => r.color === 'red');
    expect(red).toHaveLength(1);
    expect(red[0]!.xMaxMm - red[0]!.xMinMm).toBeGreaterThan(150);
    const docNumber = bodyLines(c().pages[first - 1]!).find((l) => l.text.includes('〔'))!;
    expect(red[0]!.yMm - mm(docNumber.yMax)).toBeGreaterThan(2);
    expect(red[0]!.yMm - mm(docNumber.yMax)).toBeLessThan(7);
    const last = c().pages.length;
    const black = (await findRules(pdf, last)).filter((r: Rule) => r.color === 'black');
    expect(black.length).toBeGreaterThanOrEqual(2);
    for (const r of black) expect(r.xMaxMm - r.xMinMm).toBeGreaterThan(150);
    const bottom = black[black.length - 1]!;
    expect(Math.abs(bottom.yMm + bottom.thicknessMm - BOTTOM_MM)).toBeLessThanOrEqual(1.5);
    expect(bottom.thicknessMm).toBeGreaterThanOrEqual(black[black.length - 2]!.thicknessMm - 0.01);
    expect(bodyText([c().pages[last - 1]!])).toContain('印发');
  });
});

describe('XML of the exported samples', () => {
  it.each(SAMPLE_NAMES.flatMap((s) => FORMS.map(([f]) => `${s}-${f}`)))('%s: fonts on every run, exact lines, grid, footers, properties', async (key) => {
    const c = cases.find((x) => x.key === key)!;
    const zip = await JSZip.loadAsync(c.docx);
    const parts = Object.keys(zip.files).filter((n) => /^word\/(document|footer\d*)\.xml$/.test(n));
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) {
      const xml = await zip.file(part)!.async('string');
      const runs = xml.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? [];
      expect(runs.length).toBeGreaterThan(0);
      for (const r of runs) {
        const fonts = /<w:rFonts ([^>]*)\/>/.exec(r)?.[1] ?? '';
        for (const slot of ['ascii', 'hAnsi', 'eastAsia']) expect(fonts, `${part}: ${r.slice(0, 200)}`).toContain(`w:${slot}="`);
      }
      for (const sp of xml.match(/<w:spacing [^>]*w:line="[^"]*"[^>]*\/>/g) ?? []) expect(sp).toContain('w:lineRule="exact"');
    }
    const doc = await zip.file('word/document.xml')!.async('string');
    expect(doc).toMatch(/<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-848"\/>/);
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(doc).toContain('w:footerReference w:type="default"');
    expect(doc).toContain('w:footerReference w:type="even"');
    const settings = await zip.file('word/settings.xml')!.async('string');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    expect(settings).toContain('<w:characterSpacingControl w:val="compressPunctuation"/>');
    expect(settings).toContain('<w:noLineBreaksBefore w:lang="zh-CN"');
    const styles = await zip.file('word/styles.xml')!.async('string');
    for (const name of ['Normal', 'Title', 'heading 1', 'heading 2', 'heading 3', 'heading 4']) expect(styles).toContain(`<w:name w:val="${name}"/>`);
    expect(styles).not.toMatch(/2E74B5|Calibri|Cambria/i);
    expect(styles).toContain('<w:kinsoku w:val="1"/>');
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).not.toContain('Un-named');
    expect(core).toContain(`<dc:creator>${c.doc.meta.issuer}</dc:creator>`);
    expect(core).toContain(`<dc:subject>${c.doc.meta.title}</dc:subject>`);
    expect(core).toMatch(/<dc:title>[^<]+<\/dc:title>/);
    expect(core).toMatch(/<cp:keywords>[^<]+<\/cp:keywords>/);
    expect(core).toMatch(/<dc:description>[^<]+<\/dc:description>/);
    const custom = await zip.file('docProps/custom.xml')!.async('string');
    for (const name of ['索引号', '文号', '主题分类', '成文日期', '发文日期', '效力状态', '公开方式']) expect(custom).toContain(`name="${name}"`);
    expect(custom).toContain(`<vt:lpwstr>${c.doc.meta.docNumber}</vt:lpwstr>`);
  });
});

describe('任务分工表', () => {
  it('is landscape A4 with the six columns and every task', () => {
    const pages = tableCase!.pages;
    expect(mm(pages[0]!.width)).toBeCloseTo(297, 0);
    expect(mm(pages[0]!.height)).toBeCloseTo(210, 0);
    const text = bodyText(pages.map((p) => ({ ...p, lines: p.lines.filter((l) => !/^—\d+—$/.test(l.text)) })));
    for (const h of ['序号', '任务', '牵头单位', '责任单位', '目标', '完成时限']) expect(text).toContain(h);
    const doc = loadSamplePlan('tengzhou-2020').doc;
    let at = 0;
    // Cells wrap, so the text of a row interleaves its cells: look for each title's opening.
    walkOutline(doc.body, (n) => {
      if (n.type !== 'task') return;
      const head = n.title.replace(/\s+/g, '').slice(0, 6);
      const i = text.indexOf(head, at);
      expect(i, n.title).toBeGreaterThanOrEqual(0);
      at = i;
    });
  });
});
