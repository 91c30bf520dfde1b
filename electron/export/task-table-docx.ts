// 任务分工表: the plan's tasks as a landscape table (序号, 任务, 牵头单位, 责任单位, 目标, 完成时限),
// the companion document many offices issue with the plan.
import {
  AlignmentType,
  BorderStyle,
  DocumentGridType,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { formatLabel, renumber } from '../../shared/plan/numbering';
import type { BodyNode, PlanDocument } from '../../shared/plan/schema';
import { countPendingSuggestions, withoutPendingSuggestions } from '../../shared/plan/pending-suggestions';
import { ExportOptionsSchema, type ExportOptions, type ExportOptionsInput } from '../../shared/export/options';
import { resolveExport } from '../../shared/export/resolve';
import { unitsParenthetical } from '../../shared/plan/running-text';
import { splitTitle } from '../../shared/export/title-lines';
import { FONT_SIZE_PT, mmToTwips, PAGE_TWIPS } from '../../shared/layout/gbt9704';
import { blankLine, buildStyles, packDocx, pageNumberFooter, para, run, type RunStyle } from './docx-common';

/** Landscape A4: the portrait margins turned with the page (top 28, bottom 26, left 37, right 35 mm). */
const MARGIN = { top: mmToTwips(28), bottom: mmToTwips(26), left: mmToTwips(37), right: mmToTwips(35) };
const TABLE_WIDTH = PAGE_TWIPS.height - MARGIN.left - MARGIN.right;
/** Column shares of the table width: 序号, 任务, 牵头单位, 责任单位, 目标, 完成时限. */
const COLUMN_SHARES = [0.06, 0.32, 0.17, 0.2, 0.14, 0.11];
const HEADERS = ['序号', '任务', '牵头单位', '责任单位', '目标', '完成时限'];

export interface TaskRow {
  kind: 'section' | 'task';
  number: string;
  task: string;
  lead: string;
  support: string;
  targets: string;
  deadline: string;
}

/** The rows of the table: a full-width row for each level-1/2 heading, one row per task. */
export function taskTableRows(docIn: PlanDocument): TaskRow[] {
  const doc = countPendingSuggestions(docIn.body) ? { ...docIn, body: withoutPendingSuggestions(docIn.body) } : docIn;
  const rows: TaskRow[] = [];
  let n = 0;
  const walk = (nodes: readonly BodyNode[]) => {
    for (const node of nodes) {
      if (node.type === 'paragraph') continue;
      if (node.type === 'heading') {
        rows.push({ kind: 'section', number: '', task: formatLabel(node.level, node.ordinal) + node.title, lead: '', support: '', targets: '', deadline: '' });
      } else {
        n++;
        const hasUnits = node.lead.length || node.support.length;
        rows.push({
          kind: 'task',
          number: String(n),
          task: node.title,
          lead: hasUnits ? node.lead.join('、') : unitsParenthetical(node),
          support: node.support.join('、'),
          targets: node.targets.map((t) => t.text).join('；'),
          deadline: [...new Set(node.targets.map((t) => t.deadline).filter((d): d is string => !!d))].join('；'),
        });
      }
      walk(node.children);
    }
  };
  walk(renumber(doc.body, doc.numbering));
  return rows;
}

export async function exportTaskTableDocx(doc: PlanDocument, optionsIn: ExportOptionsInput | ExportOptions = {}): Promise<Uint8Array> {
  const options = ExportOptionsSchema.parse(optionsIn);
  const r = resolveExport(doc, options);
  const title = `${r.title}任务分工表`;
  return landscapeTableDocx({
    title,
    subject: r.title,
    creator: r.issuer,
    keywords: ['任务分工表', String(doc.meta.year)],
    description: `${r.title}任务分工`,
    headers: HEADERS,
    shares: COLUMN_SHARES,
    aligns: ['center', 'justify', 'left', 'left', 'left', 'center'],
    rows: taskTableRows(doc).map((row) =>
      row.kind === 'section'
        ? { kind: 'section', text: row.task }
        : { kind: 'row', cells: [row.number, row.task, row.lead, row.support, row.targets, row.deadline] },
    ),
    fonts: options.fonts,
    linePitchTwips: options.linePitchTwips,
  });
}

export interface LandscapeTable {
  title: string;
  subject: string;
  creator: string;
  keywords: string[];
  description: string;
  headers: string[];
  /** Share of the table width per column (sums to 1). */
  shares: number[];
  aligns: Array<'left' | 'center' | 'justify'>;
  /**
   * Rows whose cells run to many lines (the 对照表's reasons, parts left out) may continue on the
   * next page; kept whole, one tall row pushes the rest of a page blank.
   */
  rowsMaySplit?: boolean;
  /** A section row spans the whole table. A '\n' in a cell starts a new paragraph. */
  rows: Array<{ kind: 'section'; text: string } | { kind: 'row'; cells: string[] }>;
  fonts: ExportOptions['fonts'];
  linePitchTwips: ExportOptions['linePitchTwips'];
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, justify: AlignmentType.JUSTIFIED } as const;

/** A landscape A4 document holding one table under a centred title (任务分工表, 对照表 …). */
export async function landscapeTableDocx(t: LandscapeTable): Promise<Uint8Array> {
  const { fonts } = t;
  const line = t.linePitchTwips;
  const cellStyle: RunStyle = { font: fonts.body, sizePt: FONT_SIZE_PT.siHao };
  const headStyle: RunStyle = { font: fonts.heading1, sizePt: FONT_SIZE_PT.siHao };
  const widths = t.shares.map((s) => Math.floor(TABLE_WIDTH * s));
  const widest = t.shares.indexOf(Math.max(...t.shares));
  widths[widest] = TABLE_WIDTH - widths.reduce((a, b, i) => (i === widest ? a : a + b), 0);
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cellLine = 400;
  const cell = (text: string, st: RunStyle, width: number, align: (typeof AlignmentType)[keyof typeof AlignmentType], span = 1, top = false) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      columnSpan: span,
      // Rows that may continue on the next page start at the top of their cells.
      verticalAlign: top ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      // One paragraph per line of the cell ('\n'): a 对照表 cell lists tasks, reasons and quotes.
      children: text.split('\n').map((l) => para([run(l, st)], { line: cellLine, align })),
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.headers.map((h, i) => cell(h, headStyle, widths[i]!, AlignmentType.CENTER)),
  });
  const rows = t.rows.map((row) =>
    row.kind === 'section'
      ? new TableRow({ cantSplit: true, children: [cell(row.text, { ...cellStyle, font: fonts.heading1 }, TABLE_WIDTH, AlignmentType.LEFT, t.headers.length)] })
      : new TableRow({
          cantSplit: !t.rowsMaySplit,
          children: row.cells.map((c, i) => cell(c, cellStyle, widths[i]!, ALIGN[t.aligns[i] ?? 'left'], 1, !!t.rowsMaySplit)),
        }),
  );
  const children: Array<Paragraph | Table> = [
    para(
      splitTitle(t.title, 28).map((l, i) => run(l, { font: fonts.title, sizePt: FONT_SIZE_PT.erHao, bold: !!fonts.titleBold }, i ? { break: 1 } : {})),
      { line, align: AlignmentType.CENTER, style: 'Title' },
    ),
    blankLine(line, fonts.body),
    new Table({
      rows: [header, ...rows],
      // Word reads tblW, WPS the gridCol widths: both are written.
      width: { size: TABLE_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    }),
    blankLine(line, fonts.body),
  ];
  return packDocx({
    title: t.title,
    subject: t.subject,
    creator: t.creator || 'PlanDesk',
    lastModifiedBy: t.creator || 'PlanDesk',
    keywords: t.keywords.join('；'),
    description: t.description,
    styles: buildStyles(fonts, line),
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_TWIPS.width, height: PAGE_TWIPS.height, orientation: PageOrientation.LANDSCAPE },
            margin: { ...MARGIN, header: mmToTwips(15), footer: mmToTwips(12), gutter: 0 },
            pageNumbers: { start: 1 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: line },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
}
