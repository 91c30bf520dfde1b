// Building blocks shared by the plan and the task-table exporters: runs that name every font
// slot, exact-pitch paragraphs, built-in styles without docx's blue Calibri defaults, the
// page-number footers, and the packing with the XML edits for what `docx` cannot express.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImportedXmlComponent,
  LineRuleType,
  Packer,
  Paragraph,
  TextRun,
  type IParagraphOptions,
  type IPropertiesOptions,
  type ParagraphChild,
  type IStylesOptions,
} from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import {
  BLACK,
  BODY_CHAR_SPACING_TWIPS,
  FONT_SIZE_PT,
  PAGE_NUMBER_FONT,
  fontDeclaration,
  halfPoints,
  ptToTwips,
  type FontSettings,
} from '../../shared/layout/gbt9704';
import { escapeXml, unescapeXml } from '../../shared/text/xml-text';

/** All four font slots, so Chinese text never falls back to a theme font. */
export function fontSlots(name: string) {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

export interface RunStyle {
  font: string;
  sizePt: number;
  bold?: boolean;
  color?: string;
  /** Character spacing in twips; body text uses BODY_CHAR_SPACING_TWIPS. */
  spacing?: number;
}

/** The run formatting of a style (also for tracked-change runs, which take the same options). */
export function runOptions(style: RunStyle) {
  return {
    font: fontSlots(style.font),
    size: halfPoints(style.sizePt),
    sizeComplexScript: halfPoints(style.sizePt),
    bold: style.bold ?? false,
    color: style.color ?? BLACK,
    ...(style.spacing ? { characterSpacing: style.spacing } : {}),
  };
}

export function run(text: string, style: RunStyle, extra: { break?: number } = {}): TextRun {
  return new TextRun({
    text,
    ...runOptions(style),
    ...(extra.break ? { break: extra.break } : {}),
  });
}

/** Body run style (三号 in the body font, condensed so 28 characters fill the line). */
export function bodyStyle(fonts: FontSettings, font: string = fonts.body): RunStyle {
  return { font, sizePt: FONT_SIZE_PT.sanHao, spacing: BODY_CHAR_SPACING_TWIPS };
}

/** One character of body text in twips (16 pt condensed by BODY_CHAR_SPACING_TWIPS). */
export const BODY_CHAR_TWIPS = ptToTwips(FONT_SIZE_PT.sanHao) + BODY_CHAR_SPACING_TWIPS;

export interface ParaOpts {
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  /** First-line indent in body characters. */
  firstChars?: number;
  leftTwips?: number;
  rightTwips?: number;
  /** Exact line height in twips. */
  line: number;
  style?: string;
  pageBreakBefore?: boolean;
  border?: IParagraphOptions['border'];
  tabStops?: IParagraphOptions['tabStops'];
  keepNext?: boolean;
}

export function para(children: ParagraphChild[], o: ParaOpts): Paragraph {
  return new Paragraph({
    children,
    ...(o.style ? { style: o.style } : {}),
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: { line: o.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    // Zero the indents explicitly, or the body indent of Normal leaks into titles and footers.
    indent: {
      firstLine: Math.round((o.firstChars ?? 0) * BODY_CHAR_TWIPS),
      left: o.leftTwips ?? 0,
      right: o.rightTwips ?? 0,
    },
    ...(o.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(o.border ? { border: o.border } : {}),
    ...(o.tabStops ? { tabStops: o.tabStops } : {}),
    widowControl: false,
    keepNext: o.keepNext ?? false,
  });
}

/** An empty line of the given exact height (steadier across Word and WPS than spacing before). */
export function blankLine(line: number, font: string, sizePt: number = FONT_SIZE_PT.sanHao): Paragraph {
  return para([run('', { font, sizePt })], { line });
}

/**
 * Built-in styles (Word recognises them by w:name): Normal, Title, Heading 1–4, all black,
 * not bold, in the configured fonts, exact line pitch, no spacing before/after.
 */
export function buildStyles(fonts: FontSettings, line: number): IStylesOptions {
  const p = (extra: object = {}) => ({
    spacing: { line, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    widowControl: false,
    keepNext: false,
    keepLines: false,
    ...extra,
  });
  const r = (font: string, sizePt: number, bold = false) => ({
    font: fontSlots(font),
    size: halfPoints(sizePt),
    sizeComplexScript: halfPoints(sizePt),
    color: BLACK,
    bold,
    italics: false,
  });
  return {
    default: {
      document: {
        // The grid's character pitch is computed from the default font size: it must be 16 pt.
        run: { ...r(fonts.body, FONT_SIZE_PT.sanHao), language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: p({ alignment: AlignmentType.JUSTIFIED }),
      },
      title: {
        run: r(fonts.title, FONT_SIZE_PT.erHao, !!fonts.titleBold),
        paragraph: p({ alignment: AlignmentType.CENTER, indent: { firstLine: 0, left: 0, right: 0 } }),
      },
      heading1: { run: r(fonts.heading1, FONT_SIZE_PT.sanHao), paragraph: p({ outlineLevel: 0 }) },
      heading2: { run: r(fonts.heading2, FONT_SIZE_PT.sanHao), paragraph: p({ outlineLevel: 1 }) },
      heading3: { run: r(fonts.body, FONT_SIZE_PT.sanHao), paragraph: p({ outlineLevel: 2 }) },
      heading4: { run: r(fonts.body, FONT_SIZE_PT.sanHao), paragraph: p({ outlineLevel: 3 }) },
      // Not used, but docx's defaults for them are blue Calibri: neutralise them too.
      heading5: { run: r(fonts.body, FONT_SIZE_PT.sanHao), paragraph: p({ outlineLevel: 4 }) },
      heading6: { run: r(fonts.body, FONT_SIZE_PT.sanHao), paragraph: p({ outlineLevel: 5 }) },
    },
    paragraphStyles: [
      {
        id: 'Normal',
        name: 'Normal',
        quickFormat: true,
        run: r(fonts.body, FONT_SIZE_PT.sanHao),
        paragraph: p({ alignment: AlignmentType.JUSTIFIED }),
      },
      // The page-number footers' style: every font the document uses is named in the styles,
      // which is where the font table is made from (fontTableXml).
      {
        id: 'Footer',
        name: 'footer',
        basedOn: 'Normal',
        run: r(PAGE_NUMBER_FONT, FONT_SIZE_PT.siHao),
        paragraph: p({ indent: { firstLine: 0, left: 0, right: 0 } }),
      },
    ],
  };
}

/** A field character or instruction written as Word writes it (docx writes no field result). */
const fieldPart = (xml: string) => ImportedXmlComponent.fromXmlString(xml);

/**
 * Footer text "— N —": 四号 宋体, odd pages right and even pages left, one character in. The
 * PAGE field carries a cached result (1 on odd-page footers, 2 on even), begin / instruction /
 * separate / result / end in runs of their own as Word writes them, so a viewer that does not
 * update fields still shows a number (docx's PageNumber.CURRENT writes no result).
 */
export function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const style: RunStyle = { font: PAGE_NUMBER_FONT, sizePt: FONT_SIZE_PT.siHao };
  const oneChar = ptToTwips(FONT_SIZE_PT.siHao);
  const r = (children: Array<string | ImportedXmlComponent>) => new TextRun({ children, ...runOptions(style) });
  return new Footer({
    children: [
      new Paragraph({
        style: 'Footer',
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: { line: FOOTER_LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        indent: { firstLine: 0, left: side === 'even' ? oneChar : 0, right: side === 'odd' ? oneChar : 0 },
        children: [
          r(['— ']),
          r([fieldPart('<w:fldChar w:fldCharType="begin"/>')]),
          r([fieldPart('<w:instrText xml:space="preserve"> PAGE </w:instrText>')]),
          r([fieldPart('<w:fldChar w:fldCharType="separate"/>')]),
          r([side === 'odd' ? '1' : '2']),
          r([fieldPart('<w:fldChar w:fldCharType="end"/>')]),
          r([' —']),
        ],
      }),
    ],
  });
}

/** Exact height of the footer line: 四号 with a little leading. */
export const FOOTER_LINE_TWIPS = 360;

export const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;

// ---------------------------------------------------------------------------------------------
// XML post-processing (docx cannot write these; string edits on known, docx-generated XML).

/** Characters no line may start / end with (Word's zh-CN kinsoku lists, simplified Chinese). */
const NO_LINE_BREAKS_BEFORE = '!%),.:;?]}¢°·’"†‡›℃∶、。〃〆〕〗〞﹚﹜！＂％＇），．：；？！］｝～〉》」』】〙〛〟…—～';
const NO_LINE_BREAKS_AFTER = '$(£¥·‘“〈《「『【〔〖〝﹙﹛＄（．［｛￡￥';

/** Inserts `xml` before the first of the given elements found, else before `</w:settings>`. */
function insertBefore(doc: string, xml: string, beforeTags: string[]): string {
  for (const tag of beforeTags) {
    const at = doc.indexOf(`<${tag}`);
    if (at >= 0) return doc.slice(0, at) + xml + doc.slice(at);
  }
  const end = doc.lastIndexOf('</w:settings>');
  return doc.slice(0, end) + xml + doc.slice(end);
}

const SETTINGS_PART = 'word/settings.xml';
const STYLES_PART = 'word/styles.xml';
const FONT_TABLE_PART = 'word/fontTable.xml';

/**
 * The document as DOCX bytes, zipped once: docx writes settings.xml and styles.xml the same
 * whatever the body (they come from the document's options), so they are taken from the same
 * document without its sections, edited (settingsXml, stylesXml), and given to the one real
 * packing as overrides (issue 17: it used to be zipped, unzipped and zipped again).
 */
export async function packDocx(properties: IPropertiesOptions): Promise<Uint8Array> {
  const skeleton = await Packer.pack(new Document({ ...properties, sections: [] }), 'uint8array');
  const parts = unzipSync(skeleton, { filter: (f) => f.name === SETTINGS_PART || f.name === STYLES_PART });
  const overrides = [
    ...(parts[SETTINGS_PART] ? [{ path: SETTINGS_PART, data: settingsXml(strFromU8(parts[SETTINGS_PART])) }] : []),
    ...(parts[STYLES_PART] ? [{ path: STYLES_PART, data: stylesXml(strFromU8(parts[STYLES_PART])) }] : []),
    ...(parts[STYLES_PART] ? [{ path: FONT_TABLE_PART, data: fontTableXml(fontsNamed(strFromU8(parts[STYLES_PART]))) }] : []),
  ];
  return Packer.pack(new Document(properties), 'uint8array', false, overrides);
}

function settingsXml(settings: string): string {
  let s = settings;
  // Chinese typesetting: compress punctuation, kinsoku lists (CT_Settings element order:
  // …evenAndOddHeaders… characterSpacingControl, noLineBreaksAfter, noLineBreaksBefore, … compat).
  if (!s.includes('w:characterSpacingControl')) {
    s = insertBefore(
      s,
      '<w:characterSpacingControl w:val="compressPunctuation"/>' +
        `<w:noLineBreaksAfter w:lang="zh-CN" w:val="${escapeXml(NO_LINE_BREAKS_AFTER)}"/>` +
        `<w:noLineBreaksBefore w:lang="zh-CN" w:val="${escapeXml(NO_LINE_BREAKS_BEFORE)}"/>`,
      ['w:savePreviewPicture', 'w:hdrShapeDefaults', 'w:footnotePr', 'w:endnotePr', 'w:compat', 'w:docVars', 'w:rsids', 'm:mathPr', 'w:themeFontLang'],
    );
  }
  if (!s.includes('w:themeFontLang')) {
    s = insertBefore(s, '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>', [
      'w:clrSchemeMapping',
      'w:doNotIncludeSubdocsInStats',
      'w:decimalSymbol',
      'w:listSeparator',
    ]);
  }
  return s;
}

function stylesXml(styles: string): string {
  let s = styles;
  // Default paragraph properties: kinsoku and punctuation overflow on; no automatic space
  // between Chinese and Latin/digits (it would break the 28-character grid).
  s = s.replace(/<w:pPrDefault>\s*<w:pPr>([\s\S]*?)<\/w:pPr>/, (_m, inner: string) => {
    const extra = '<w:kinsoku w:val="1"/><w:overflowPunct w:val="1"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>';
    // Text does not snap to the character grid: the grid (22 × 28) stays declared for Word's
    // 页面设置, while the layout comes from exact line pitch and condensed runs, which Word,
    // WPS and LibreOffice render alike (LibreOffice's char grid put 14 characters on a line).
    const snap = '<w:snapToGrid w:val="0"/>';
    // CT_PPrBase order: … widowControl, numPr, pBdr, shd, tabs, suppressAutoHyphens, kinsoku, …, autoSpaceDN, bidi, …, spacing, ind, …, jc …
    const later =
      /<w:(bidi|adjustRightInd|snapToGrid|spacing|ind|contextualSpacing|mirrorIndents|suppressOverlap|jc|textDirection|textAlignment|textboxTightWrap|outlineLvl|divId|cnfStyle|rPr)\b/.exec(
        inner,
      );
    const at = later ? later.index : inner.length;
    const head = inner.slice(0, at) + extra;
    let tail = inner.slice(at);
    // snapToGrid comes after bidi/adjustRightInd and before spacing.
    const afterSnap =
      /<w:(spacing|ind|contextualSpacing|mirrorIndents|suppressOverlap|jc|textDirection|textAlignment|textboxTightWrap|outlineLvl|divId|cnfStyle|rPr)\b/.exec(
        tail,
      );
    const k = afterSnap ? afterSnap.index : tail.length;
    tail = tail.slice(0, k).replace(/<w:snapToGrid[^>]*\/>/g, '') + snap + tail.slice(k);
    return `<w:pPrDefault><w:pPr>${head}${tail}</w:pPr>`;
  });
  // Word's own names for the built-in heading styles are lower case ("heading 1").
  s = s.replace(/<w:name w:val="Heading ([1-9])"\/>/g, '<w:name w:val="heading $1"/>');
  return s;
}

/**
 * The fonts an XML part names in w:rFonts (every slot; theme fonts are not used), in order of
 * appearance. Every run of the exports takes its font from the four font settings or the page
 * number font, and each of those is named by a style (buildStyles), so the styles part names
 * every font the document uses (test/electron/export-fonts-fields.test.ts checks the parts).
 */
export function fontsNamed(xml: string): string[] {
  const out = new Set<string>();
  for (const m of xml.matchAll(/<w:rFonts\b([^>]*)\/>/g)) {
    for (const a of m[1]!.matchAll(/\bw:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"/g)) out.add(unescapeXml(a[1]!));
  }
  return [...out];
}

/** word/fontTable.xml declaring the fonts with their substitution hints (shared/layout/gbt9704.ts). */
export function fontTableXml(fonts: readonly string[]): string {
  const val = (tag: string, v: string | undefined) => (v ? `<w:${tag} w:val="${escapeXml(v)}"/>` : '');
  const body = fonts
    .map((name) => {
      const d = fontDeclaration(name);
      return (
        `<w:font w:name="${escapeXml(name)}">` +
        val('altName', d.altName) +
        val('panose1', d.panose1) +
        val('charset', d.charset) +
        val('family', d.family) +
        val('pitch', d.pitch) +
        '</w:font>'
      );
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    body +
    '</w:fonts>'
  );
}
