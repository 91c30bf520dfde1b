// layoutParagraphs: positioned text (as PDF and OFD give it) back to typed paragraphs, on
// hand-made A4 pages in points: 16 pt body, text block from x=79 to x=521 (27.6 characters).
import { describe, expect, it } from 'vitest';
import { layoutParagraphs, pageLines, type LayoutPage, type TextRun } from '../../electron/import/layout-paragraphs';

const S = 16;
const LEFT = 79;
const RIGHT = LEFT + 27 * S + S; // 28 characters per line
const PER_LINE = 28;

/** Lays out paragraphs GB/T 9704 style: first line indented two characters, wrapped lines at the margin. */
function typeset(
  paragraphs: Array<string | { title: string }>,
  opts: { header?: (p: number) => string; footer?: (p: number) => string; linesPerPage?: number; shift?: (p: number) => number } = {},
): LayoutPage[] {
  const lines: Array<{ x: number; text: string; size: number }> = [];
  for (const p of paragraphs) {
    if (typeof p !== 'string') {
      const size = 22;
      const chars = [...p.title];
      const per = Math.floor((RIGHT - LEFT) / size);
      for (let i = 0; i < chars.length; i += per) {
        const t = chars.slice(i, i + per).join('');
        lines.push({ x: (LEFT + RIGHT) / 2 - (t.length * size) / 2, text: t, size });
      }
      continue;
    }
    const chars = [...p];
    let first = true;
    while (chars.length) {
      const room = first ? PER_LINE - 2 : PER_LINE;
      lines.push({ x: first ? LEFT + 2 * S : LEFT, text: chars.splice(0, room).join(''), size: S });
      first = false;
    }
  }
  const perPage = opts.linesPerPage ?? 22;
  const pages: LayoutPage[] = [];
  for (let i = 0; i < lines.length; i += perPage) {
    const n = pages.length;
    const dx = opts.shift?.(n) ?? 0;
    const runs: TextRun[] = lines
      .slice(i, i + perPage)
      .map((l, k) => ({ x: l.x + dx, y: 140 + k * 28.95, width: [...l.text].length * l.size, size: l.size, text: l.text }));
    if (opts.header) runs.push({ x: LEFT, y: 60, width: 200, size: 10.5, text: opts.header(n) });
    if (opts.footer) runs.push({ x: 400, y: 800, width: 60, size: 14, text: opts.footer(n) });
    pages.push({ width: 595, height: 842, runs });
  }
  return pages;
}

const LONG =
  '加强安全生产考核。加大安全生产工作在镇街、部门年度综合考核中的比重，进一步完善安全生产考核评价指标，创新考核方式加大正向激励力度，充分发挥考核“指挥棒”作用。（市安委会办公室牵头，各镇街负责落实）';

describe('lines', () => {
  it('runs on one baseline join left to right; nothing between CJK, a space between Latin words', () => {
    const lines = pageLines(
      {
        width: 595,
        height: 842,
        runs: [
          { x: 150, y: 100.4, width: 32, size: 16, text: '工作' },
          { x: 100, y: 100, width: 48, size: 16, text: '2020' },
          { x: 148, y: 100, width: 2, size: 16, text: ' ' },
          { x: 182, y: 100, width: 40, size: 16, text: 'PDF' },
          { x: 226, y: 100, width: 40, size: 16, text: 'file' },
          { x: 100, y: 130, width: 16, size: 16, text: '下' },
        ],
      },
      0,
    );
    expect(lines.map((l) => l.text)).toEqual(['2020工作PDF file', '下']);
  });
  it('a wide gap inside one line (版记: issuer left, date right) keeps a space', () => {
    const [line] = pageLines(
      {
        width: 595,
        height: 842,
        runs: [
          { x: 79, y: 700, width: 160, size: 16, text: '某县安全生产委员会' },
          { x: 400, y: 700, width: 120, size: 16, text: '2024年3月1日印发' },
        ],
      },
      0,
    );
    expect(line!.text).toBe('某县安全生产委员会 2024年3月1日印发');
  });
});

describe('paragraphs', () => {
  it('first-line indents start paragraphs; wrapped lines join; a two-line centred title stays one', () => {
    const paras = [
      { title: '某县安全生产委员会关于印发《2024年全县安全生产工作要点》的通知' },
      '一、总体要求',
      LONG,
      '二、重点任务',
      LONG.replace('考核', '巡查'),
    ];
    const { paragraphs, warnings } = layoutParagraphs(typeset(paras), 'PDF', 'pdf');
    expect(paragraphs).toEqual([
      '某县安全生产委员会关于印发《2024年全县安全生产工作要点》的通知',
      '一、总体要求',
      LONG,
      '二、重点任务',
      LONG.replace('考核', '巡查'),
    ]);
    expect(warnings).toEqual([]);
  });
  it('a paragraph goes on across a page break; page numbers and running headers are dropped with a warning', () => {
    const body = Array.from({ length: 12 }, (_, i) => `${i + 1}.${LONG}`);
    const pages = typeset(body, { header: () => '某县安全生产委员会文件', footer: (p) => (p % 2 ? `— ${p + 1} —` : `-${p + 1}-`) });
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const { paragraphs, warnings } = layoutParagraphs(pages, 'PDF', 'pdf');
    expect(paragraphs).toEqual(body);
    expect(warnings).toEqual([
      { code: 'pdf-header-removed', message: expect.stringMatching(/^PDF 第1–\d页重复的页眉“某县安全生产委员会文件”已去掉/), path: 'body' },
    ]);
  });
  it('mirrored margins: even pages shifted by more than the indent still read right', () => {
    const body = Array.from({ length: 12 }, (_, i) => `${i + 1}.${LONG}`);
    expect(layoutParagraphs(typeset(body, { shift: (p) => (p % 2 ? 40 : 0) }), 'PDF', 'pdf').paragraphs).toEqual(body);
  });
  it('第1页 共3页 footers and repeated footers with changing numbers', () => {
    const body = Array.from({ length: 10 }, (_, i) => `${i + 1}.${LONG}`);
    const pages = typeset(body, { footer: (p) => `第${p + 1}页 共3页` });
    const r1 = layoutParagraphs(pages, 'OFD', 'ofd');
    expect(r1.paragraphs).toEqual(body);
    expect(r1.warnings).toEqual([]); // page numbers are dropped silently
    const r2 = layoutParagraphs(typeset(body, { footer: (p) => `内部资料 ${p + 1}` }), 'OFD', 'ofd');
    expect(r2.paragraphs).toEqual(body);
    expect(r2.warnings.map((w) => w.code)).toEqual(['ofd-footer-removed']);
  });
  it('text typed without indents: a short last line ends the paragraph, a full one does not', () => {
    const pages: LayoutPage[] = [
      {
        width: 595,
        height: 842,
        runs: [
          { x: LEFT, y: 100, width: 28 * S, size: S, text: '一二三四五六七八九十一二三四五六七八九十一二三四五六七八' },
          { x: LEFT, y: 129, width: 5 * S, size: S, text: '九十。尾行' },
          { x: LEFT, y: 158, width: 6 * S, size: S, text: '一、标题' },
          // A full line ending a sentence, then a line that starts with a number: a new paragraph.
          { x: LEFT, y: 187, width: 28 * S, size: S, text: '一二三四五六七八九十一二三四五六七八九十一二三四五六七。' },
          { x: LEFT, y: 216, width: 10 * S, size: S, text: '1.第一项任务。' },
          { x: LEFT, y: 245, width: 28 * S, size: S, text: '————————————————————————————' },
        ],
      },
    ];
    expect(layoutParagraphs(pages, 'PDF', 'pdf').paragraphs).toEqual([
      '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十。尾行',
      '一、标题',
      '一二三四五六七八九十一二三四五六七八九十一二三四五六七。',
      '1.第一项任务。',
    ]);
  });
  it('no text at all gives no lines (the reader then says it is a scan)', () => {
    expect(layoutParagraphs([{ width: 595, height: 842, runs: [] }], 'PDF', 'pdf')).toEqual({ paragraphs: [], warnings: [], lineCount: 0 });
  });
});
