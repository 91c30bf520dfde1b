// Writes Word's list labels into a .docx before mammoth reads it.
//
// Why rewrite word/document.xml instead of post-processing mammoth's HTML: mammoth only says
// "list item at depth n" (and nothing at all for numbered heading styles), and matching its
// output back to the XML paragraphs is fragile. Here every <w:p> is visited in document
// order — body, tables and text boxes alike — the counter (docx-numbering.ts) gives its
// label, and the label is inserted as the paragraph's first run, exactly as if the drafter
// had typed it. The paragraph's numbering is then switched off for mammoth (w:numId 0) so it
// does not also make an <ol> whose depth-based label would compete with the real one.
// Everything else (tables, runs, styles) is left byte for byte as it was, so mammoth converts
// the rest of the document as before; the analyser then reads the labels like typed ones.
import { Parser } from 'htmlparser2';
import { parseNumberingDefs, parseXmlTree, WordListCounter, type ParagraphNumPr, type WordLabel } from './docx-numbering';
import { guardedDocxParts, storedZip, type ZipEntry } from './zip-guard';
import { escapeXml } from '../../shared/text/xml-text';

const NUMBERING_OFF = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>';

interface Edit {
  start: number;
  end: number;
  text: string;
}

interface ParaCtx {
  /** Index just after the <w:p …> open tag. */
  openEnd: number;
  pPr?: { start: number; openEnd: number; selfClosing: boolean; closeStart?: number; closeEnd?: number };
  numPr?: { start: number; end?: number };
  props: ParagraphNumPr;
  /** Inside mc:Choice: mammoth reads the mc:Fallback copy, so this copy is neither counted nor labelled. */
  skip: boolean;
  counted: boolean;
  label: WordLabel | null;
  hasText: boolean;
  /**
   * The paragraph mark is a tracked deletion (w:pPr/w:rPr/w:del or w:moveFrom): in the text
   * mammoth gives (changes accepted) the paragraph is gone or joins the next, so Word's
   * numbering of that text does not count it.
   */
  markDeleted: boolean;
}

export interface LabelResult {
  xml: string;
  /** Paragraphs whose label was written into the text. */
  labelled: number;
}

/** Inserts each numbered paragraph's label into document.xml (see the module comment). */
export function labelDocumentXml(xml: string, counter: WordListCounter): LabelResult {
  const edits: Edit[] = [];
  const names: string[] = [];
  const paras: ParaCtx[] = [];
  let labelled = 0;
  let choiceDepth = 0;
  // htmlparser2 can report a tag's start one character early after a processing instruction.
  const tagStart = (i: number): number => (xml[i] === '<' ? i : xml.indexOf('<', i));

  const count = (p: ParaCtx): void => {
    if (p.counted) return;
    p.counted = true;
    if (!p.skip && !p.markDeleted) p.label = counter.next(p.props);
  };

  const finish = (p: ParaCtx): void => {
    count(p);
    const label = p.label;
    if (p.markDeleted && !p.skip && counter.resolve(p.props)) return numberingOff(p);
    if (!label || label.numFmt === 'bullet') return; // bullets stay mammoth's <ul>: no label to read
    numberingOff(p);
    // An empty numbered paragraph shows a lone number in Word; as text it would only be noise.
    if (!p.hasText || !label.outlineLabel) return;
    const at = p.pPr ? (p.pPr.closeEnd ?? p.pPr.openEnd) : p.openEnd;
    edits.push({ start: at, end: at, text: `<w:r><w:t xml:space="preserve">${escapeXml(label.outlineLabel)}</w:t></w:r>` });
    labelled++;
  };

  /** Switches the paragraph's numbering off for mammoth (w:numId 0), so it makes no <ol> of it. */
  const numberingOff = (p: ParaCtx): void => {
    if (p.numPr?.end !== undefined) edits.push({ start: p.numPr.start, end: p.numPr.end, text: NUMBERING_OFF });
    else if (p.pPr?.selfClosing) edits.push({ start: p.pPr.start, end: p.pPr.openEnd, text: `<w:pPr>${NUMBERING_OFF}</w:pPr>` });
    else if (p.pPr?.closeStart !== undefined) edits.push({ start: p.pPr.closeStart, end: p.pPr.closeStart, text: NUMBERING_OFF });
    else edits.push({ start: p.openEnd, end: p.openEnd, text: `<w:pPr>${NUMBERING_OFF}</w:pPr>` });
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const parent = names[names.length - 1];
        const grand = names[names.length - 2];
        names.push(name);
        const p = paras[paras.length - 1];
        const start = tagStart(parser.startIndex);
        const openEnd = parser.endIndex + 1;
        if (name === 'mc:Choice') choiceDepth++;
        if (name === 'w:p') {
          if (p) count(p); // a paragraph inside this one's run (text box) comes after its label
          paras.push({ openEnd, props: {}, skip: choiceDepth > 0, counted: false, label: null, hasText: false, markDeleted: false });
          return;
        }
        if (!p) return;
        if (parent === 'w:p') {
          if (name === 'w:pPr') p.pPr = { start, openEnd, selfClosing: xml[parser.endIndex - 1] === '/' };
          else count(p);
        } else if (parent === 'w:pPr' && grand === 'w:p') {
          if (name === 'w:pStyle') p.props.styleId = attrs['w:val'];
          else if (name === 'w:numPr') p.numPr = { start };
        } else if (parent === 'w:rPr' && grand === 'w:pPr' && names[names.length - 4] === 'w:p') {
          if (name === 'w:del' || name === 'w:moveFrom') p.markDeleted = true;
        } else if (parent === 'w:numPr' && names[names.length - 3] === 'w:pPr' && names[names.length - 4] === 'w:p') {
          const v = attrs['w:val'];
          if (name === 'w:numId' && v !== undefined) p.props.numId = v;
          if (name === 'w:ilvl' && v !== undefined && /^\d+$/.test(v)) p.props.ilvl = Number(v);
        }
      },
      ontext(text) {
        if (names[names.length - 1] === 'w:t' && text.trim()) {
          const p = paras[paras.length - 1];
          if (p) p.hasText = true;
        }
      },
      onclosetag(name) {
        names.pop();
        const p = paras[paras.length - 1];
        const parent = names[names.length - 1];
        if (name === 'mc:Choice') choiceDepth--;
        if (name === 'w:p') {
          paras.pop();
          if (p) finish(p);
          return;
        }
        if (!p) return;
        if (name === 'w:pPr' && parent === 'w:p' && p.pPr) {
          p.pPr.closeStart = p.pPr.selfClosing ? undefined : tagStart(parser.startIndex);
          p.pPr.closeEnd = parser.endIndex + 1;
          count(p);
        } else if (name === 'w:numPr' && parent === 'w:pPr' && names[names.length - 2] === 'w:p' && p.numPr) {
          p.numPr.end = parser.endIndex + 1;
        }
      },
    },
    { xmlMode: true },
  );
  parser.write(xml);
  parser.end();
  if (!edits.length) return { xml, labelled: 0 };
  // Stable sort: two insertions at one place keep the order they were made in.
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += xml.slice(pos, e.start) + e.text;
    pos = Math.max(pos, e.end);
  }
  return { xml: out + xml.slice(pos), labelled };
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

/** Relationship targets by type from a .rels part, resolved against `base` (a folder, '' or 'word'). */
function relTargets(xml: string | undefined, base: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of xml ? parseXmlTree(xml).children.flatMap((c) => c.children) : []) {
    const type = rel.attrs['Type'];
    const target = rel.attrs['Target'];
    if (rel.name !== 'Relationship' || !type || !target || out.has(type)) continue;
    out.set(type, target.startsWith('/') ? target.slice(1) : [base, target].filter(Boolean).join('/'));
  }
  return out;
}

/** The parts mammoth reads (found the way mammoth finds them: relationships, then the usual names). */
function findParts(parts: ReadonlyMap<string, Uint8Array>): { document?: string; numbering?: string; styles?: string } {
  const find = (name: string | undefined) => (name !== undefined && parts.has(name) ? name : undefined);
  const text = (name: string) => {
    const data = parts.get(name);
    return data ? new TextDecoder('utf-8').decode(data) : undefined;
  };
  const documentPath = relTargets(text('_rels/.rels'), '').get(`${REL}officeDocument`) ?? 'word/document.xml';
  const slash = documentPath.lastIndexOf('/');
  const dir = slash < 0 ? '' : documentPath.slice(0, slash);
  const rels = relTargets(text(`${dir ? dir + '/' : ''}_rels/${documentPath.slice(slash + 1)}.rels`), dir);
  return {
    document: find(documentPath),
    numbering: find(rels.get(`${REL}numbering`) ?? 'word/numbering.xml'),
    styles: find(rels.get(`${REL}styles`) ?? 'word/styles.xml'),
  };
}

/**
 * Writes the labels into the main document part of `parts` (the XML parts of a .docx, already
 * inflated under the zip guard's caps). Returns whether the part changed and how many
 * paragraphs were labelled.
 */
export function labelDocxParts(parts: Map<string, Uint8Array>): { changed: boolean; labelled: number } {
  const found = findParts(parts);
  if (!found.numbering || !found.document) return { changed: false, labelled: 0 };
  const decode = (name: string) => new TextDecoder('utf-8').decode(parts.get(name)!);
  const defs = parseNumberingDefs(decode(found.numbering), found.styles ? decode(found.styles) : undefined);
  if (!defs.nums.size) return { changed: false, labelled: 0 };
  const original = decode(found.document);
  const { xml, labelled } = labelDocumentXml(original, new WordListCounter(defs));
  if (xml === original) return { changed: false, labelled: 0 };
  parts.set(found.document, new TextEncoder().encode(xml));
  return { changed: true, labelled };
}

/**
 * The .docx to hand to mammoth: unchanged when nothing is numbered, else a fresh stored zip of
 * the XML parts (inflated under the zip guard's caps) whose main document part carries the labels.
 */
export async function withWordListLabels(bytes: Uint8Array, entries: readonly ZipEntry[]): Promise<{ bytes: Uint8Array; labelled: number }> {
  const parts = guardedDocxParts(bytes, entries);
  const { changed, labelled } = labelDocxParts(parts);
  if (!changed) return { bytes, labelled: 0 };
  return { bytes: await storedZip(parts), labelled };
}
