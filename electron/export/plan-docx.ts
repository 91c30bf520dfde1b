// The plan as an official document (GB/T 9704-2012): the plan alone, or issued by a 印发通知
// with 版头 and 版记, the plan running on or as 附件. See ../shared/docs/gbt9704.md.
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Paragraph,
  HeightRule,
  LineRuleType,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  LineNumberRestartFormat,
  type ICommentsOptions,
  type IPropertiesOptions,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import { renumber } from '../../shared/plan/numbering';
import { formatLabel } from '../../shared/plan/numbering';
import type { BodyNode, PlanDocument } from '../../shared/plan/schema';
import { countTasks } from '../../shared/plan/outline';
import { countPendingSuggestions, withoutPendingSuggestions } from '../../shared/plan/pending-suggestions';
import { ExportOptionsSchema, type ExportOptions, type ExportOptionsInput } from '../../shared/export/options';
import { resolveExport, type ResolvedExport } from '../../shared/export/resolve';
import { formatChineseDate } from '../../shared/text/dates';
import { taskTextParts, titleStop } from '../../shared/plan/running-text';
import { splitTitle, textUnits } from '../../shared/export/title-lines';
import {
  FONT_SIZE_PT,
  LINES_PER_PAGE,
  MARGIN_TWIPS,
  PAGE_NUMBER_GAP_MM,
  PAGE_TWIPS,
  RED,
  RED_LINE_EIGHTHS,
  TEXT_BLOCK_TWIPS,
  THICK_LINE_EIGHTHS,
  THIN_LINE_EIGHTHS,
  gridCharSpace,
  mmToTwips,
  type FontSettings,
} from '../../shared/layout/gbt9704';
import { BODY_CHAR_TWIPS, FOOTER_LINE_TWIPS, blankLine, bodyStyle, buildStyles, packDocx, pageNumberFooter, para, run, type RunStyle } from './docx-common';

interface Ctx {
  fonts: FontSettings;
  line: number;
  r: ResolvedExport;
  options: ExportOptions;
  layer?: DocxLayer;
}

/**
 * What the review export (electron/review/export-review-docx.ts) adds to the official layout,
 * through the docx API; the layout itself is not forked. Paths are the body's tree paths
 * (body/0/children/2) of the document given to buildPlanDocument.
 */
export interface DocxLayer {
  /** The runs of raw.slice(from, to) of a node's field, or null to leave the field as one run. */
  fieldRuns?(path: string, field: 'title' | 'text', raw: string, from: number, to: number, style: RunStyle): ParagraphChild[] | null;
  /**
   * The runs of a task's units parenthetical “（…）” in place of the one the layout prints (a
   * suggested change of the units as a tracked change), or null to leave it as it is.
   */
  unitsRuns?(path: string, style: RunStyle): ParagraphChild[] | null;
  /** Paragraphs before everything else (the 征求意见稿 mark). */
  lead?(fonts: FontSettings, line: number): Paragraph[];
  comments?: ICommentsOptions;
  trackRevisions?: boolean;
  /** Line numbers in the margin, restarting on each page. */
  lineNumbers?: boolean;
}

const SAN = FONT_SIZE_PT.sanHao;
const SI = FONT_SIZE_PT.siHao;
/** The red line 4 mm (≈11 pt) below the 发文字号 line. */
const RED_LINE_SPACE_PT = 11;
/** Height a bottom border adds to its paragraph: the gap plus the line. */
const RED_LINE_EXTRA_TWIPS = RED_LINE_SPACE_PT * 20 + Math.round((RED_LINE_EIGHTHS / 8) * 20);
/** Measured: the letterhead glyphs start about this far below the top of their exact-height line. */
const LETTERHEAD_TOP_ADJUST_TWIPS = 100;

/** The page-number footer distance: its top PAGE_NUMBER_GAP_MM below the text block. */
export const FOOTER_DISTANCE_TWIPS = MARGIN_TWIPS.bottom - mmToTwips(PAGE_NUMBER_GAP_MM) - FOOTER_LINE_TWIPS;

export function sectionPage(line: number) {
  return {
    page: {
      size: { width: PAGE_TWIPS.width, height: PAGE_TWIPS.height },
      margin: {
        top: MARGIN_TWIPS.top,
        bottom: MARGIN_TWIPS.bottom,
        left: MARGIN_TWIPS.left,
        right: MARGIN_TWIPS.right,
        header: mmToTwips(15),
        footer: FOOTER_DISTANCE_TWIPS,
        gutter: 0,
      },
    },
    grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: line, charSpace: gridCharSpace() },
  };
}

function titleParagraph(ctx: Ctx, title: string): Paragraph {
  const lines = splitTitle(title);
  const style: RunStyle = { font: ctx.fonts.title, sizePt: FONT_SIZE_PT.erHao, bold: !!ctx.fonts.titleBold };
  return para(
    lines.map((l, i) => run(l, style, i > 0 ? { break: 1 } : {})),
    { line: ctx.line, align: AlignmentType.CENTER, style: 'Title' },
  );
}

function bodyPara(ctx: Ctx, text: string, firstChars = 2, keepNext = false): Paragraph {
  return para([run(text, bodyStyle(ctx.fonts))], { line: ctx.line, firstChars, keepNext });
}

/** A blank body line kept on the page of the next paragraph. */
function keptBlank(ctx: Ctx): Paragraph {
  return para([run('', { font: ctx.fonts.body, sizePt: SAN })], { line: ctx.line, keepNext: true });
}

/** 主送机关: flush left, full-width colon at the end. */
function addresseesParagraph(ctx: Ctx, addressees: string[]): Paragraph {
  const text = addressees.join('，').replace(/[：:，,。]+$/, '') + '：';
  return bodyPara(ctx, text, 0);
}

function levelFont(ctx: Ctx, level: number): string {
  return level === 1 ? ctx.fonts.heading1 : level === 2 ? ctx.fonts.heading2 : ctx.fonts.body;
}

/**
 * The runs of `prefix + field + suffix` in one style. The field is laid out trimmed; a layer
 * (the review export) may give the field's own runs (cut at comment and tracked-change
 * boundaries); otherwise the whole is one run, as the official export writes it.
 */
function fieldRuns(ctx: Ctx, path: string, field: 'title' | 'text', raw: string, style: RunStyle, prefix = '', suffix = ''): ParagraphChild[] {
  const from = raw.length - raw.trimStart().length;
  const to = raw.trimEnd().length;
  const own = ctx.layer?.fieldRuns?.(path, field, raw, Math.min(from, to), to, style);
  if (!own) return [run(prefix + raw.trim() + suffix, style)];
  return [...(prefix ? [run(prefix, style)] : []), ...own, ...(suffix ? [run(suffix, style)] : [])];
}

function renderBody(ctx: Ctx, nodes: readonly BodyNode[], out: Paragraph[], base = 'body'): void {
  nodes.forEach((node, i) => {
    const path = `${base}/${i}`;
    if (node.type === 'paragraph') {
      if (node.text.trim()) out.push(para(fieldRuns(ctx, path, 'text', node.text, bodyStyle(ctx.fonts)), { line: ctx.line, firstChars: 2 }));
      return;
    }
    const headFont = bodyStyle(ctx.fonts, levelFont(ctx, node.level));
    const body = bodyStyle(ctx.fonts);
    if (node.type === 'heading') {
      const text = node.text?.trim();
      // A heading with a lead-in: the title sentence in the heading font, the rest in the body font.
      const runs = fieldRuns(ctx, path, 'title', node.title, headFont, formatLabel(node.level, node.ordinal));
      if (text) {
        const stop = titleStop(node.title, 'heading');
        if (stop) runs.push(run(stop, headFont));
        runs.push(...fieldRuns(ctx, path, 'text', node.text!, body));
      }
      out.push(para(runs, { line: ctx.line, firstChars: 2, style: `Heading${node.level}` }));
    } else {
      const p = taskTextParts(node);
      const runs = fieldRuns(ctx, path, 'title', node.title, headFont, p.label, titleStop(node.title));
      const units = ctx.layer?.unitsRuns?.(path, body);
      if (units) runs.push(...(p.text ? fieldRuns(ctx, path, 'text', node.text, body) : []), ...units);
      else if (p.text || p.units) runs.push(...fieldRuns(ctx, path, 'text', node.text, body, '', p.units));
      out.push(para(runs, { line: ctx.line, firstChars: 2 }));
    }
    renderBody(ctx, node.children, out, `${path}/children`);
  });
}

/**
 * 署名 and 成文日期 (GB/T 9704 7.3.5). Unsealed: 署名 two characters in from the right, the date
 * on the next line starting two characters right of the 署名's first character. Sealed: the
 * date four characters in from the right, the 署名 centred over it.
 */
function signatureBlock(ctx: Ctx, signer: string, isoDate: string, keepWithNote = false): Paragraph[] {
  const out: Paragraph[] = [];
  const date = isoDate ? formatChineseDate(isoDate) : '';
  const sl = textUnits(signer);
  const dl = textUnits(date);
  let signerRight: number;
  let dateRight: number;
  if (ctx.options.sealed) {
    dateRight = 4;
    signerRight = Math.max(0, 4 + (dl - sl) / 2);
    out.push(keptBlank(ctx), keptBlank(ctx));
  } else {
    signerRight = 2;
    dateRight = 2 + sl - 2 - dl;
    if (dateRight < 2) {
      dateRight = 2;
      signerRight = 4 + dl - sl;
    }
    out.push(keptBlank(ctx));
  }
  const tw = (chars: number) => Math.round(chars * BODY_CHAR_TWIPS);
  // 署名, date and 附注 stay together on one page.
  if (signer) out.push(para([run(signer, bodyStyle(ctx.fonts))], { line: ctx.line, align: AlignmentType.RIGHT, rightTwips: tw(signerRight), keepNext: true }));
  if (date)
    out.push(para([run(date, bodyStyle(ctx.fonts))], { line: ctx.line, align: AlignmentType.RIGHT, rightTwips: tw(dateRight), keepNext: keepWithNote }));
  return out;
}

/** 版头: 发文机关标志 (red), 发文字号, the red line. */
function letterhead(ctx: Ctx): Paragraph[] {
  const text = ctx.r.letterhead;
  // Must fit one line of the 156 mm text block; issuer's choice otherwise (42 pt at most).
  const sizePt = Math.max(22, Math.min(42, Math.floor((TEXT_BLOCK_TWIPS.width / 20 / Math.max(1, textUnits(text))) * 0.96)));
  // Its top 35 mm below the text block top. The spacer and the letterhead line together take
  // five body lines, so the lines below stay on the 22-line grid.
  const spacer = mmToTwips(35) - LETTERHEAD_TOP_ADJUST_TWIPS;
  const lineTwips = Math.max(Math.round(sizePt * 20 * 1.1), 5 * ctx.line - spacer);
  return [
    para([run('', { font: ctx.fonts.body, sizePt: 1 })], { line: spacer }),
    para([run(text, { font: ctx.fonts.title, sizePt, color: RED, spacing: 0, bold: !!ctx.fonts.titleBold })], { line: lineTwips, align: AlignmentType.CENTER }),
    blankLine(ctx.line, ctx.fonts.body),
    blankLine(ctx.line, ctx.fonts.body),
    para([run(ctx.r.docNumber, { font: ctx.fonts.body, sizePt: SAN })], {
      line: ctx.line,
      align: AlignmentType.CENTER,
      // The red line 4 mm below the 发文字号, the full text-block width.
      border: { bottom: { style: BorderStyle.SINGLE, size: RED_LINE_EIGHTHS, color: RED, space: RED_LINE_SPACE_PT } },
    }),
  ];
}

/** Characters of 四号 on one 版记 line: the text block less one character each side. */
function colophonLines(text: string): number {
  const perLine = Math.floor((TEXT_BLOCK_TWIPS.width - 2 * SI * 20) / (SI * 20));
  return Math.max(1, Math.ceil(textUnits(text) / perLine));
}

/**
 * 版记: 抄送 and 印发机关/印发日期 between full-width lines (first and last thick, between thin),
 * at the foot of the last page: a floating table anchored to the last paragraph and placed at
 * an absolute offset from the top of the text block so that it ends on the text block's last
 * line. Row heights are exact, so the table height is known here. (Measured in LibreOffice
 * 7.4: a floating table with tblpYSpec="bottom" and a w:framePr frame with yAlign="bottom" both
 * stay where they are anchored, mid-page; an absolute tblpY is honoured by Word and LibreOffice.)
 */
function colophon(ctx: Ctx): Table {
  const oneChar = SI * 20;
  const style: RunStyle = { font: ctx.fonts.body, sizePt: SI };
  const w = TEXT_BLOCK_TWIPS.width;
  const thick = { style: BorderStyle.SINGLE, size: THICK_LINE_EIGHTHS, color: '000000' };
  const thin = { style: BorderStyle.SINGLE, size: THIN_LINE_EIGHTHS, color: '000000' };
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const rowLine = ctx.line;
  const cell = (children: Paragraph[], span: number, width: number) =>
    new TableCell({
      children,
      columnSpan: span,
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 0, right: 0, top: 0, bottom: 0 },
    });
  const rows: TableRow[] = [];
  let height = 0;
  const cc = ctx.r.cc;
  if (cc.length) {
    const text = '抄送：' + cc.join('，').replace(/[。，,.]+$/, '') + '。';
    const lines = colophonLines(text);
    height += lines * rowLine;
    rows.push(
      new TableRow({
        height: { value: lines * rowLine, rule: HeightRule.EXACT },
        cantSplit: true,
        children: [
          cell(
            [
              new Paragraph({
                children: [run(text, style)],
                alignment: AlignmentType.JUSTIFIED,
                spacing: { line: rowLine, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
                // Wrapped lines aligned after the colon: a hanging indent of the label's width.
                indent: { left: 4 * oneChar, hanging: 3 * oneChar, right: oneChar },
                widowControl: false,
              }),
            ],
            2,
            w,
          ),
        ],
      }),
    );
  }
  const printDate = ctx.r.printDate ? `${formatChineseDate(ctx.r.printDate)}印发` : '';
  height += rowLine;
  rows.push(
    new TableRow({
      height: { value: rowLine, rule: HeightRule.EXACT },
      cantSplit: true,
      children: [
        cell([para([run(ctx.r.printer, style)], { line: rowLine, align: AlignmentType.LEFT, leftTwips: oneChar })], 1, Math.floor(w / 2)),
        cell([para([run(printDate, style)], { line: rowLine, align: AlignmentType.RIGHT, rightTwips: oneChar })], 1, w - Math.floor(w / 2)),
      ],
    }),
  );
  return new Table({
    rows,
    width: { size: w, type: WidthType.DXA },
    columnWidths: [Math.floor(w / 2), w - Math.floor(w / 2)],
    layout: TableLayoutType.FIXED,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    borders: { top: thick, bottom: thick, left: none, right: none, insideHorizontal: thin, insideVertical: none },
    float: {
      // Horizontally relative to the page: LibreOffice keeps a text-block-wide floating table
      // inline unless its horizontal position is relative to the page edge.
      horizontalAnchor: TableAnchorType.PAGE,
      verticalAnchor: TableAnchorType.MARGIN,
      absoluteHorizontalPosition: MARGIN_TWIPS.left,
      absoluteVerticalPosition: Math.max(0, LINES_PER_PAGE * ctx.line - height),
      topFromText: 0,
      bottomFromText: 0,
      leftFromText: 0,
      rightFromText: 0,
    },
  });
}

/** The disclosure table page (as government websites show it), in its own section. */
function disclosureTable(ctx: Ctx, doc: PlanDocument): Array<Paragraph | Table> {
  const m = doc.meta;
  const style: RunStyle = { font: ctx.fonts.body, sizePt: SI };
  const labelStyle: RunStyle = { font: ctx.fonts.heading1, sizePt: SI };
  const w = TEXT_BLOCK_TWIPS.width;
  const widths = [Math.round(w * 0.14), Math.round(w * 0.38), Math.round(w * 0.14)];
  widths.push(w - widths[0]! - widths[1]! - widths[2]!);
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const c = (text: string, st: RunStyle, width: number, span = 1) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      columnSpan: span,
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      children: [para([run(text, st)], { line: 440, align: AlignmentType.LEFT })],
    });
  const row = (a: string, av: string, b: string, bv: string) =>
    new TableRow({ children: [c(a, labelStyle, widths[0]!), c(av, style, widths[1]!), c(b, labelStyle, widths[2]!), c(bv, style, widths[3]!)] });
  const date = (iso?: string) => (iso ? formatChineseDate(iso) : '');
  const title = ctx.options.form === 'notice' ? ctx.r.noticeTitle || ctx.r.title : ctx.r.title;
  return [
    para([run('政府信息公开', { font: ctx.fonts.title, sizePt: FONT_SIZE_PT.erHao, bold: !!ctx.fonts.titleBold })], {
      line: ctx.line,
      align: AlignmentType.CENTER,
    }),
    blankLine(ctx.line, ctx.fonts.body),
    new Table({
      width: { size: w, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: [
        row('索引号', m.indexNumber ?? '', '主题分类', m.category ?? ''),
        row('发布机构', ctx.r.issuer, '成文日期', date(ctx.r.date)),
        row('文号', ctx.r.docNumber, '发文日期', date(m.publishDate)),
        new TableRow({ children: [c('标题', labelStyle, widths[0]!), c(title, style, w - widths[0]!, 3)] }),
        row('效力状态', m.validity ?? '', '公开方式', m.disclosure ?? ''),
      ],
    }),
  ];
}

function buildContent(ctx: Ctx, doc: PlanDocument): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  const body: Paragraph[] = [];
  renderBody(ctx, renumber(doc.body, doc.numbering), body);
  const { r, options } = ctx;
  if (options.form === 'notice') {
    out.push(...letterhead(ctx));
    // Two blank lines under the red line; the first gives back what the border took, so the
    // title and text stay on the line grid.
    out.push(blankLine(ctx.line - RED_LINE_EXTRA_TWIPS, ctx.fonts.body), blankLine(ctx.line, ctx.fonts.body));
    out.push(titleParagraph(ctx, r.noticeTitle));
    out.push(blankLine(ctx.line, ctx.fonts.body));
    if (r.addressees.length) out.push(addresseesParagraph(ctx, r.addressees));
    // The last paragraph of the text (and the 附件说明) stays with the 署名, so a page never
    // holds only the 署名 and date (GB/T 9704 7.3.5.4).
    if (r.selfNotice) body.forEach((p) => out.push(p));
    r.noticeParagraphs.forEach((p, i) => out.push(bodyPara(ctx, p, 2, i === r.noticeParagraphs.length - 1)));
    if (options.attachment && !r.selfNotice) {
      out.push(keptBlank(ctx));
      out.push(bodyPara(ctx, `附件：${r.title}`, 2, true));
    }
    out.push(...signatureBlock(ctx, r.signer, r.date, !!r.note));
    if (r.note) out.push(bodyPara(ctx, r.note));
    if (r.selfNotice) {
      // The plan is the notice: its body was the text above.
    } else if (options.attachment) {
      out.push(
        para([run('附件', bodyStyle(ctx.fonts, ctx.fonts.heading1))], { line: ctx.line, align: AlignmentType.LEFT, pageBreakBefore: true }),
        blankLine(ctx.line, ctx.fonts.body),
      );
    } else {
      out.push(blankLine(ctx.line, ctx.fonts.body), blankLine(ctx.line, ctx.fonts.body));
    }
    if (!r.selfNotice) {
      out.push(titleParagraph(ctx, r.title));
      out.push(blankLine(ctx.line, ctx.fonts.body));
      out.push(...body);
    }
    // The floating 版记 anchors to the paragraph after it, on the last page.
    out.push(colophon(ctx), para([run('', { font: ctx.fonts.body, sizePt: 1 })], { line: 20 }));
  } else {
    out.push(titleParagraph(ctx, r.title));
    out.push(blankLine(ctx.line, ctx.fonts.body));
    if (options.planAddressees && r.addressees.length) out.push(addresseesParagraph(ctx, r.addressees));
    out.push(...body);
    if (options.planSignature) out.push(...signatureBlock(ctx, r.signer, r.date));
  }
  if (!body.length && countTasks(doc.body) === 0 && out.length === 0) out.push(blankLine(ctx.line, ctx.fonts.body));
  return out;
}

function documentProperties(doc: PlanDocument, r: ResolvedExport, options: ExportOptions) {
  const m = doc.meta;
  const author = r.issuer || 'PlanDesk';
  const custom: Array<[string, string]> = [
    ['索引号', m.indexNumber ?? ''],
    ['文号', r.docNumber],
    ['主题分类', m.category ?? ''],
    ['成文日期', r.date ? formatChineseDate(r.date) : ''],
    ['发文日期', m.publishDate ? formatChineseDate(m.publishDate) : ''],
    ['效力状态', m.validity ?? ''],
    ['公开方式', m.disclosure ?? ''],
  ];
  return {
    title: options.form === 'notice' && r.noticeTitle ? r.noticeTitle : r.title,
    subject: r.title,
    creator: author,
    lastModifiedBy: author,
    keywords: ['安全生产', '工作要点', String(m.year), r.docNumber].filter(Boolean).join('；'),
    description: m.summary?.trim() || `${r.title}${r.issuer ? `（${r.issuer}）` : ''}`,
    // Word shows custom properties with empty values as blanks; a space keeps them listed.
    customProperties: custom.map(([name, value]) => ({ name, value: value || ' ' })),
  };
}

/** The docx options of the plan's document (packDocx writes them; buildPlanDocument makes the Document). */
export function planDocumentProperties(docIn: PlanDocument, optionsIn: ExportOptionsInput | ExportOptions = {}, layer?: DocxLayer): IPropertiesOptions {
  // Undecided suggestions (修订) are not printed: the text as it was before them.
  const doc = countPendingSuggestions(docIn.body) ? { ...docIn, body: withoutPendingSuggestions(docIn.body) } : docIn;
  const options = ExportOptionsSchema.parse(optionsIn);
  const r = resolveExport(doc, options);
  const ctx: Ctx = { fonts: options.fonts, line: options.linePitchTwips, r, options, ...(layer ? { layer } : {}) };
  const lineNumbers = layer?.lineNumbers ? { lineNumbers: { countBy: 1, restart: LineNumberRestartFormat.NEW_PAGE } } : {};
  const footers = { default: pageNumberFooter('odd'), even: pageNumberFooter('even') };
  const sections: ISectionOptions[] = [];
  if (options.includeDisclosureTable) {
    sections.push({ properties: { ...sectionPage(ctx.line), ...lineNumbers }, children: disclosureTable(ctx, doc) });
  }
  sections.push({
    properties: { ...sectionPage(ctx.line), page: { ...sectionPage(ctx.line).page, pageNumbers: { start: 1 } }, ...lineNumbers },
    footers,
    children: buildContent(ctx, doc),
  });
  const lead = layer?.lead?.(ctx.fonts, ctx.line) ?? [];
  if (lead.length) sections[0] = { ...sections[0]!, children: [...lead, ...sections[0]!.children] };
  return {
    ...documentProperties(doc, r, options),
    ...(layer?.comments?.children.length ? { comments: layer.comments } : {}),
    ...(layer?.trackRevisions ? { features: { trackRevisions: true } } : {}),
    styles: buildStyles(ctx.fonts, ctx.line),
    evenAndOddHeaderAndFooters: true,
    sections,
  };
}

export function buildPlanDocument(doc: PlanDocument, options: ExportOptionsInput | ExportOptions = {}, layer?: DocxLayer): Document {
  return new Document(planDocumentProperties(doc, options, layer));
}

/** The plan as an official-format DOCX (GB/T 9704-2012). */
export async function exportPlanDocx(doc: PlanDocument, options: ExportOptionsInput | ExportOptions = {}): Promise<Uint8Array> {
  return packDocx(planDocumentProperties(doc, options));
}
