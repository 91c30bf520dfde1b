// Builds .docx files whose outline is numbered by Word itself (docx library numbering), from
// plan text with typed labels: each line the outline matcher reads as 一、/（一）/1./（1）
// loses its typed label and becomes a paragraph of a four-level Word list instead. Used by
// the import tests, the F1 measurement (bench/docx-numbering-f1.ts) and the import bench.
import JSZip from 'jszip';
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph } from 'docx';
import { matchItem } from '../../shared/import/outline';

/**
 * typed: the labels stay typed text (the baseline); list: direct list numbering on each
 * paragraph; headingStyles: levels 1 and 2 are Heading 1 / Heading 2 paragraphs numbered by
 * their styles, levels 3 and 4 have direct numbering in the same list.
 */
export type WordListMode = 'typed' | 'list' | 'headingStyles';

export const PLAN_LEVELS = [
  { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', start: 1, alignment: AlignmentType.START },
  { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', start: 1, alignment: AlignmentType.START },
  { level: 2, format: LevelFormat.DECIMAL, text: '%3.', start: 1, alignment: AlignmentType.START },
  { level: 3, format: LevelFormat.DECIMAL, text: '（%4）', start: 1, alignment: AlignmentType.START },
] as const;

export interface WordListDocxOptions {
  mode: WordListMode;
  /** Levels (0-based) that never restart: w:lvlRestart 0 is written into numbering.xml (the docx library has no option for it). */
  continuous?: readonly number[];
}

export interface NumberedLine {
  /** 0-based list level, or null for a plain paragraph. */
  ilvl: number | null;
  text: string;
  /** The ordinal the typed label had. */
  ordinal?: number;
}

/** Splits typed plan text into list paragraphs (label removed) and plain paragraphs. */
export function numberedLines(lines: readonly string[]): NumberedLine[] {
  return lines
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = matchItem(l);
      return m ? { ilvl: m.level - 1, text: m.rest, ordinal: m.ordinal } : { ilvl: null, text: l };
    });
}

/**
 * The levels whose typed ordinals run on across a higher-level item (so need w:lvlRestart 0
 * for Word to count them the same way).
 */
export function continuousLevels(lines: readonly NumberedLine[]): number[] {
  const out = new Set<number>();
  const last: Array<number | undefined> = [];
  for (const l of lines) {
    if (l.ilvl === null || l.ordinal === undefined) continue;
    if (last[l.ilvl] === undefined && l.ordinal > 1 && l.ilvl > 0) out.add(l.ilvl);
    last[l.ilvl] = l.ordinal;
    for (let d = l.ilvl + 1; d < 4; d++) last[d] = undefined;
  }
  return [...out].sort();
}

export async function wordListDocx(lines: readonly string[], opts: WordListDocxOptions): Promise<Uint8Array> {
  const kept = lines.map((l) => l.trim()).filter(Boolean);
  const paragraphs = numberedLines(kept).map((l, i) => {
    if (opts.mode === 'typed') return new Paragraph(kept[i]!);
    if (l.ilvl === null) return new Paragraph(l.text);
    if (opts.mode === 'headingStyles' && l.ilvl <= 1) {
      return new Paragraph({ text: l.text, heading: l.ilvl === 0 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 });
    }
    return new Paragraph({ text: l.text, numbering: { reference: 'plan', level: l.ilvl } });
  });
  const doc = new Document({
    numbering: { config: [{ reference: 'plan', levels: [...PLAN_LEVELS] }] },
    styles:
      opts.mode === 'headingStyles'
        ? {
            paragraphStyles: [
              { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', paragraph: { numbering: { reference: 'plan', level: 0 } } },
              { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Normal', paragraph: { numbering: { reference: 'plan', level: 1 } } },
            ],
          }
        : undefined,
    sections: [{ children: paragraphs }],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(doc));
  return opts.continuous?.length ? withLvlRestart(bytes, opts.continuous, 0) : bytes;
}

/** Writes <w:lvlRestart w:val="…"/> into every abstractNum's given levels. */
export async function withLvlRestart(bytes: Uint8Array, levels: readonly number[], value: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let xml = await zip.file('word/numbering.xml')!.async('string');
  for (const ilvl of levels) {
    const re = new RegExp(`(<w:lvl [^>]*w:ilvl="${ilvl}"[^>]*>(?:(?!</w:lvl>).)*?<w:numFmt [^>]*/>)`, 'gs');
    xml = xml.replace(re, `$1<w:lvlRestart w:val="${value}"/>`);
  }
  zip.file('word/numbering.xml', xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
