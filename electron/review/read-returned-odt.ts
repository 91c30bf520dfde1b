// Reads an OpenDocument text (.odt) that came back from a reviewer (LibreOffice, WPS or
// Yongzhong Office saving as .odt): comments and tracked changes, placed like a DOCX's.
//
// content.xml (ODF 1.2/1.3 part 3): a comment is an office:annotation where its range starts,
// with dc:creator, dc:date and its own text:p paragraphs; a range ends at the
// office:annotation-end of the same office:name (no name, no end: a comment on a point).
// Tracked changes are listed first, in text:tracked-changes: each text:changed-region (text:id)
// holds a text:insertion, text:deletion (with the deleted paragraphs) or text:format-change and
// its office:change-info (dc:creator, dc:date). In the body, text:change-start / text:change-end
// with that id enclose inserted text, and a text:change marks where deleted text was.
// The deleted text is put back at its mark, so paragraphs read as a DOCX's do (inserted and
// deleted text both included). A reply names its parent by loext:parent-name where the writer
// records one (LibreOffice 7.4 does not: its answers are comments of their own).
import { AppError } from '../../shared/errors';
import { wordDate } from './ooxml';
import { assembleReturned, positionAt, sax, type ParsedBody, type Pos, type RawComment, type RawRevision, type ReturnedDocx } from './returned-common';

const ODF = {
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  dc: 'http://purl.org/dc/elements/1.1/',
} as const;

interface Region {
  kind: 'insertion' | 'deletion' | 'format';
  author: string;
  date?: string;
  /** Deleted text (paragraphs joined). */
  text: string;
}

/** The prefixes the root element declares for the ODF namespaces (element names are prefixed). */
function prefixes(xml: string): { office: string; text: string; dc: string } {
  const root = /<(?![?!])[^>]*>/.exec(xml)?.[0] ?? '';
  const of = (ns: string, fallback: string) => {
    for (const m of root.matchAll(/xmlns:([\w.-]+)="([^"]*)"/g)) if (m[2] === ns) return m[1]!;
    return fallback;
  };
  return { office: of(ODF.office, 'office'), text: of(ODF.text, 'text'), dc: of(ODF.dc, 'dc') };
}

function readRegions(xml: string, px: ReturnType<typeof prefixes>): Map<string, Region> {
  const regions = new Map<string, Region>();
  let inChanges = 0;
  let region: Region | null = null;
  let id = '';
  let infoDepth = 0;
  let field: 'author' | 'date' | null = null;
  let paras = 0;
  sax(xml, {
    open(local, prefix, attr, raw) {
      if (prefix === px.text && local === 'tracked-changes') inChanges++;
      if (!inChanges) return;
      if (prefix === px.text && local === 'changed-region') {
        id = attr(ODF.text, 'id') ?? raw['xml:id'] ?? '';
        region = null;
      } else if (prefix === px.text && (local === 'insertion' || local === 'deletion' || local === 'format-change')) {
        region = { kind: local === 'format-change' ? 'format' : local, author: '', text: '' };
        paras = 0;
      } else if (prefix === px.office && local === 'change-info') infoDepth++;
      else if (infoDepth && prefix === px.dc && (local === 'creator' || local === 'date')) field = local === 'creator' ? 'author' : 'date';
      else if (region && !infoDepth && prefix === px.text && (local === 'p' || local === 'h')) paras++;
      else if (region && !infoDepth && prefix === px.text && local === 's') region.text += ' '.repeat(Number(attr(ODF.text, 'c') ?? 1) || 1);
      else if (region && !infoDepth && prefix === px.text && local === 'tab') region.text += '\t';
    },
    close(local, prefix) {
      if (!inChanges) return;
      if (prefix === px.text && local === 'tracked-changes') inChanges--;
      else if (prefix === px.office && local === 'change-info') infoDepth--;
      else if (prefix === px.dc && (local === 'creator' || local === 'date')) field = null;
      else if (prefix === px.text && (local === 'insertion' || local === 'deletion' || local === 'format-change') && region && id) {
        const date = wordDate(region.date);
        regions.set(id, { kind: region.kind, author: region.author.trim(), text: region.text, ...(date ? { date } : {}) });
      }
    },
    text(t) {
      if (!region) return;
      if (field === 'author') region.author += t;
      else if (field === 'date') region.date = (region.date ?? '') + t;
      else if (!infoDepth && paras) region.text += t;
    },
  });
  return regions;
}

/** Elements whose text is not body text (footnotes, frames, the change list). */
const SKIP = new Set(['note', 'frame', 'tracked-changes', 'sequence-decls', 'variable-decls', 'user-field-decls']);

function parseContent(xml: string, px: ReturnType<typeof prefixes>, regions: Map<string, Region>) {
  const paragraphs: string[] = [];
  const open: number[] = [];
  const starts = new Map<string, Pos>();
  const ends = new Map<string, Pos>();
  const revisions: RawRevision[] = [];
  const openIns = new Map<string, RawRevision>();
  const comments: RawComment[] = [];
  const parentName = new Map<RawComment, string>();
  const resolved = new Set<RawComment>();
  let skip = 0;
  let comment: RawComment | null = null;
  let commentStart: Pos | null = null;
  let named = false;
  let field: 'author' | 'date' | null = null;
  let unnamed = 0;
  const here = (side: 'start' | 'end' = 'end'): Pos => positionAt(paragraphs, open, side);
  const append = (t: string) => {
    if (comment) {
      if (field === 'author') comment.author += t;
      else if (field === 'date') comment.date = (comment.date ?? '') + t;
      else if (comment.paras.length) comment.paras[comment.paras.length - 1] += t;
      return;
    }
    const p = open[open.length - 1];
    if (p === undefined) return;
    paragraphs[p] += t;
    for (const r of openIns.values()) {
      if (r.p !== p) continue;
      r.text += t;
      r.end = paragraphs[p]!.length;
    }
  };
  sax(xml, {
    open(local, prefix, attr, raw) {
      if (SKIP.has(local) && (prefix === px.text || prefix === 'draw' || prefix === px.office)) {
        skip++;
        return;
      }
      if (skip) return;
      if (prefix === px.office && local === 'annotation') {
        const name = attr(ODF.office, 'name');
        named = !!name;
        comment = { id: name || `odt-point-${++unnamed}`, author: '', paras: [], paraIds: [], nested: [] };
        commentStart = here('start');
        const parent = Object.entries(raw).find(([k]) => k.endsWith(':parent-name'))?.[1];
        if (parent) parentName.set(comment, parent);
        if (Object.entries(raw).some(([k, v]) => k.endsWith(':resolved') && v === 'true')) resolved.add(comment);
        return;
      }
      if (comment) {
        if (prefix === px.dc && (local === 'creator' || local === 'date')) field = local === 'creator' ? 'author' : 'date';
        else if (prefix === px.text && (local === 'p' || local === 'h')) comment.paras.push('');
        else if (prefix === px.text && local === 'line-break' && comment.paras.length) comment.paras[comment.paras.length - 1] += '\n';
        else if (prefix === px.text && local === 's') append(' '.repeat(Number(attr(ODF.text, 'c') ?? 1) || 1));
        return;
      }
      if (prefix === px.office && local === 'annotation-end') {
        const name = attr(ODF.office, 'name');
        if (name) ends.set(name, here());
        return;
      }
      if (prefix !== px.text) return;
      switch (local) {
        case 'p':
        case 'h':
          open.push(paragraphs.length);
          paragraphs.push('');
          break;
        case 's':
          append(' '.repeat(Number(attr(ODF.text, 'c') ?? 1) || 1));
          break;
        case 'tab':
          append('\t');
          break;
        case 'line-break':
          append('\n');
          break;
        case 'change-start': {
          const id = attr(ODF.text, 'change-id') ?? '';
          const r = regions.get(id);
          if (r?.kind !== 'insertion') break;
          const pos = here('start');
          openIns.set(id, { kind: 'insertion', author: r.author, ...(r.date ? { date: r.date } : {}), p: pos.p, start: pos.off, end: pos.off, text: '' });
          break;
        }
        case 'change-end': {
          const id = attr(ODF.text, 'change-id') ?? '';
          const r = openIns.get(id);
          openIns.delete(id);
          if (r?.text) revisions.push(r);
          break;
        }
        case 'change': {
          const r = regions.get(attr(ODF.text, 'change-id') ?? '');
          if (r?.kind !== 'deletion' || !r.text) break;
          const pos = here();
          if (paragraphs[pos.p] === undefined) paragraphs[pos.p] = '';
          paragraphs[pos.p] += r.text;
          revisions.push({
            kind: 'deletion',
            author: r.author,
            ...(r.date ? { date: r.date } : {}),
            p: pos.p,
            start: pos.off,
            end: pos.off + r.text.length,
            text: r.text,
          });
          break;
        }
      }
    },
    close(local, prefix) {
      if (SKIP.has(local) && (prefix === px.text || prefix === 'draw' || prefix === px.office)) {
        skip--;
        return;
      }
      if (skip) return;
      if (comment) {
        if (prefix === px.dc && (local === 'creator' || local === 'date')) field = null;
        else if (prefix === px.office && local === 'annotation') {
          const date = wordDate(comment.date);
          if (date) comment.date = date;
          else delete comment.date;
          comment.author = comment.author.trim();
          comments.push(comment);
          starts.set(comment.id, commentStart!);
          if (!named) ends.set(comment.id, commentStart!);
          comment = null;
        }
        return;
      }
      if (prefix === px.text && (local === 'p' || local === 'h')) open.pop();
    },
    text(t) {
      if (!skip) append(t);
    },
  });
  for (const r of openIns.values()) if (r.text) revisions.push(r);
  const body: ParsedBody = { paragraphs, starts, ends, refs: new Map(), revisions };
  return { body, comments, parentName, resolved };
}

/** The comments and tracked changes of a returned .odt (its XML parts, read under the zip guard). */
export function readReturnedOdt(name: string, parts: ReadonlyMap<string, Uint8Array>): ReturnedDocx {
  const content = parts.get('content.xml');
  if (!content) throw new AppError('bad-file', `“${name}”中没有正文（content.xml），可能不是 OpenDocument 文本文件或已损坏。`);
  const xml = new TextDecoder('utf-8').decode(content);
  let read: ReturnType<typeof parseContent>;
  try {
    const px = prefixes(xml);
    read = parseContent(xml, px, readRegions(xml, px));
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('bad-file', `“${name}”的内容无法解析，可能已损坏：${(err as Error).message}`);
  }
  const byName = new Map(read.comments.map((c) => [c.id, c]));
  const parentOf = (c: RawComment) => {
    const p = read.parentName.get(c);
    return p ? (byName.get(p) ?? null) : null;
  };
  return assembleReturned(read.body, read.comments, parentOf, (c) => read.resolved.has(c));
}
