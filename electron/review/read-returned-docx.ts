// Reads a DOCX that came back from a reviewer (Word or WPS): its comments (anchor, text,
// author, date, replies) and tracked insertions and deletions (author, date, text, context).
//
// The parts are read with the SAX helper of returned-common.ts, one pass over
// word/document.xml following the text offsets; an .odt goes to read-returned-odt.ts.
import { AppError } from '../../shared/errors';
import type { ReviewItem } from '../../shared/review/types';
import { assembleReturned, positionAt, sax, type ParsedBody, type Pos, type RawComment, type RawRevision, type ReturnedDocx } from './returned-common';
import { guardedDocxParts, isZip, readCentralDirectory } from '../import/zip-guard';
import { checkXmlDepth } from '../import/depth-guard';
import { NS, REL, wordDate } from './ooxml';
import { isWordOle, readDocParagraphs } from '../import/read-doc';
import { readReturnedOdt } from './read-returned-odt';

export type { ReturnedDocx } from './returned-common';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function fail(code: 'unsupported-file' | 'bad-file', message: string): never {
  throw new AppError(code, message);
}

function parseComments(xml: string): RawComment[] {
  const out: RawComment[] = [];
  const stack: RawComment[] = [];
  let inText = false;
  let wp = 'w';
  sax(xml, {
    open(local, prefix, attr, raw) {
      if (local === 'comments' && prefix) wp = prefix;
      if (prefix !== wp) return;
      if (local === 'comment') {
        // Dates as Word writes them (seconds): other writers add milliseconds.
        const date = wordDate(attr(NS.w, 'date'));
        const container = stack[stack.length - 1]?.id;
        stack.push({
          id: attr(NS.w, 'id') ?? '',
          author: attr(NS.w, 'author') ?? '',
          ...(date ? { date } : {}),
          ...(container !== undefined ? { container } : {}),
          paras: [],
          paraIds: [],
          nested: [],
        });
      } else if (local === 'p' && stack.length) {
        const c = stack[stack.length - 1]!;
        c.paras.push('');
        const pid = Object.entries(raw).find(([k]) => k.endsWith(':paraId'))?.[1];
        if (pid) c.paraIds.push(pid.toUpperCase());
      } else if (local === 't') inText = true;
      else if ((local === 'tab' || local === 'br') && stack.length) {
        const c = stack[stack.length - 1]!;
        if (c.paras.length) c.paras[c.paras.length - 1] += local === 'tab' ? '\t' : '\n';
      }
    },
    close(local, prefix) {
      if (prefix !== wp) return;
      if (local === 't') inText = false;
      else if (local === 'comment') {
        const c = stack.pop()!;
        if (stack.length) stack[stack.length - 1]!.nested.push(c);
        else out.push(c);
      }
    },
    text(t) {
      const c = stack[stack.length - 1];
      if (inText && c) {
        if (!c.paras.length) c.paras.push('');
        c.paras[c.paras.length - 1] += t;
      }
    },
  });
  return out;
}

interface CommentEx {
  parent?: string;
  done: boolean;
}

function parseCommentsExtended(xml: string): Map<string, CommentEx> {
  const out = new Map<string, CommentEx>();
  sax(xml, {
    open(local, _prefix, attr) {
      if (local !== 'commentEx') return;
      const pid = attr(NS.w15, 'paraId');
      if (!pid) return;
      const parent = attr(NS.w15, 'paraIdParent');
      out.set(pid.toUpperCase(), { ...(parent ? { parent: parent.toUpperCase() } : {}), done: attr(NS.w15, 'done') === '1' });
    },
    close() {},
    text() {},
  });
  return out;
}

/**
 * word/commentsIds.xml ([MS-DOCX] 2.8.3.1 CT_CommentId): the durable id of each comment, by the
 * paraId of its last paragraph; word/commentsExtensible.xml (2.10.3.1 CT_CommentExtensible): the
 * comment's time in UTC by durable id (w:date of a comment is the reviewer's local time, written
 * as if it were UTC, by Word 2019 and later). Together: the true time of a comment, by paraId.
 */
function parseCommentTimes(idsXml: string | null, cexXml: string | null): Map<string, string> {
  const durable = new Map<string, string>();
  if (idsXml)
    sax(idsXml, {
      open(local, _prefix, attr) {
        if (local !== 'commentId') return;
        const pid = attr(NS.w16cid, 'paraId');
        const did = attr(NS.w16cid, 'durableId');
        if (pid && did) durable.set(pid.toUpperCase(), did.toUpperCase());
      },
      close() {},
      text() {},
    });
  const utc = new Map<string, string>();
  if (cexXml)
    sax(cexXml, {
      open(local, _prefix, attr) {
        if (local !== 'commentExtensible') return;
        const did = attr(NS.w16cex, 'durableId');
        const date = wordDate(attr(NS.w16cex, 'dateUtc'));
        if (did && date) utc.set(did.toUpperCase(), date);
      },
      close() {},
      text() {},
    });
  const out = new Map<string, string>();
  for (const [pid, did] of durable) {
    const date = utc.get(did);
    if (date) out.set(pid, date);
  }
  return out;
}

/** Elements whose content is not body text. */
const SKIP = new Set(['rPr', 'pPr', 'sectPr', 'instrText', 'delInstrText', 'drawing', 'pict', 'object', 'Fallback', 'tblPr', 'trPr', 'tcPr']);

function parseDocument(xml: string): ParsedBody {
  const paragraphs: string[] = [];
  const open: number[] = [];
  const starts = new Map<string, Pos>();
  const ends = new Map<string, Pos>();
  const refs = new Map<string, Pos>();
  const revisions: RawRevision[] = [];
  const revStack: RawRevision[] = [];
  let skip = 0;
  let inText = false;
  let wp = 'w';
  const here = (side: 'start' | 'end' = 'end'): Pos => positionAt(paragraphs, open, side);
  const append = (t: string) => {
    const p = open[open.length - 1];
    if (p === undefined) return;
    paragraphs[p] += t;
    const r = revStack[revStack.length - 1];
    if (r && r.p === p) {
      r.text += t;
      r.end = paragraphs[p]!.length;
    }
  };
  sax(xml, {
    open(local, prefix, attr) {
      if (local === 'document' && prefix) wp = prefix;
      if (local === 'Fallback' || SKIP.has(local)) {
        skip++;
        return;
      }
      if (skip || prefix !== wp) return;
      switch (local) {
        case 'p':
          open.push(paragraphs.length);
          paragraphs.push('');
          break;
        case 't':
        case 'delText':
          inText = true;
          break;
        case 'tab':
          append('\t');
          break;
        case 'noBreakHyphen':
          append('-');
          break;
        case 'ins':
        case 'moveTo':
        case 'del':
        case 'moveFrom': {
          const pos = here();
          const date = wordDate(attr(NS.w, 'date'));
          revStack.push({
            kind: local === 'ins' || local === 'moveTo' ? 'insertion' : 'deletion',
            author: attr(NS.w, 'author') ?? '',
            ...(date ? { date } : {}),
            p: pos.p,
            start: pos.off,
            end: pos.off,
            text: '',
          });
          break;
        }
        case 'commentRangeStart':
          starts.set(attr(NS.w, 'id') ?? '', here('start'));
          break;
        case 'commentRangeEnd':
          ends.set(attr(NS.w, 'id') ?? '', here());
          break;
        case 'commentReference':
          refs.set(attr(NS.w, 'id') ?? '', here());
          break;
      }
    },
    close(local, prefix) {
      if (local === 'Fallback' || SKIP.has(local)) {
        skip--;
        return;
      }
      if (skip || prefix !== wp) return;
      if (local === 't' || local === 'delText') inText = false;
      else if (local === 'p') open.pop();
      else if (local === 'ins' || local === 'moveTo' || local === 'del' || local === 'moveFrom') {
        const r = revStack.pop();
        if (r && r.text) revisions.push(r);
      }
    },
    text(t) {
      if (inText && !skip) append(t);
    },
  });
  return { paragraphs, starts, ends, refs, revisions };
}

/** The XML parts of a returned .docx, inflated under the zip guard's caps (nothing else is read). */
type Parts = ReadonlyMap<string, Uint8Array>;

async function partText(zip: Parts, path: string): Promise<string | null> {
  const f = zip.get(path);
  return f ? new TextDecoder('utf-8').decode(f) : null;
}

/** Targets of a part's relationships by type, resolved against the part's folder. */
async function relTargets(zip: Parts, part: string): Promise<Map<string, string>> {
  const dir = part.includes('/') ? part.slice(0, part.lastIndexOf('/') + 1) : '';
  const rels = await partText(zip, `${dir}_rels/${part.slice(dir.length)}.rels`);
  const out = new Map<string, string>();
  if (!rels) return out;
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const type = /Type="([^"]*)"/.exec(m[0])?.[1];
    const target = /Target="([^"]*)"/.exec(m[0])?.[1];
    if (!type || !target || /TargetMode="External"/.test(m[0])) continue;
    const path = target.startsWith('/') ? target.slice(1) : normalize(dir + target);
    if (!out.has(type)) out.set(type, path);
  }
  return out;
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const s of path.split('/')) {
    if (s === '..') out.pop();
    else if (s && s !== '.') out.push(s);
  }
  return out.join('/');
}

function checkFile(fileName: string, bytes: Uint8Array): Parts {
  const name = fileName.split(/[\\/]/).pop() || fileName;
  if (!isZip(bytes)) {
    if (/\.(doc|wps|dot)$/i.test(name)) fail('bad-file', `“${name}”不是有效的 Word/WPS 文档，可能已损坏或只是改了扩展名。`);
    if (/\.odt$/i.test(name)) fail('bad-file', `“${name}”不是有效的 OpenDocument 文本文件（.odt），可能已损坏或只是改了扩展名。`);
    if (/\.docx$/i.test(name))
      fail('bad-file', `“${name}”不是有效的 Word 文档（.docx），可能已损坏或只是改了扩展名；请在 Word 或 WPS 中打开后另存为 .docx 再导入。`);
    fail('unsupported-file', `“${name}”不是 Word 文档（.docx）或 OpenDocument 文本（.odt），只能导入这两种格式（以及 .doc/.wps）的反馈文件。`);
  }
  const parts = guardedDocxParts(bytes, readCentralDirectory(bytes));
  for (const data of parts.values()) checkXmlDepth(data, name);
  return parts;
}

/**
 * Word 97–2003 / WPS binary files (.doc/.wps; a .wps or .doc that is really a zip is read as
 * .docx below). word-extractor reads their comment texts but neither where a comment is
 * anchored nor who wrote it, and no tracked changes. The comments are still the reviewers'
 * opinions: they come back as opinions tied to no task (the file's 提出单位 stands for the
 * author), and the notes say plainly what could not be read and what to do about it.
 */
async function readBinaryWord(name: string, bytes: Uint8Array): Promise<ReturnedDocx> {
  if (!isWordOle(bytes)) fail('unsupported-file', `“${name}”不是 Word/WPS 文字文档，无法读取批注和修订。`);
  const text = await readDocParagraphs(name, bytes);
  const items: ReviewItem[] = text.annotations.map((body) => ({
    kind: 'comment',
    author: '',
    text: body,
    anchorText: '',
    before: '',
    after: '',
    paragraphText: '',
    unplaced: true,
  }));
  const notes = [
    `“${name}”是旧版 Word 97-2003 或 WPS 二进制格式（.doc/.wps）：这种格式中读不出批注的位置和作者，${
      items.length ? `${items.length} 条批注将作为“未对应任务”的意见导入，提出单位按下面填写的单位记` : '没有读到批注'
    }；修订（增删的文字）也无法读取。如果这份文件中有修订，或需要批注对应到任务，请在 Word 或 WPS 中打开，“另存为”Word 文档（*.docx）后再导入。`,
  ];
  return { items, paragraphs: text.paragraphs.map((p) => p.trim()).filter(Boolean), authors: [], notes };
}

/** The comments and tracked changes of a returned DOCX; see the file comment. */
export async function readReturnedDocx(fileName: string, bytes: Uint8Array): Promise<ReturnedDocx> {
  if (OLE.every((b, i) => bytes[i] === b)) return readBinaryWord(fileName.split(/[\\/]/).pop() || fileName, bytes);
  const zip = checkFile(fileName, bytes);
  const name = fileName.split(/[\\/]/).pop() || fileName;
  // OpenDocument text (LibreOffice, WPS or Yongzhong saving as .odt): content.xml, no OOXML parts.
  if (zip.has('content.xml') && !zip.has('[Content_Types].xml')) return readReturnedOdt(name, zip);
  const main = (await relTargets(zip, '')).get('http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument') ?? 'word/document.xml';
  const documentXml = await partText(zip, main).catch(() => null);
  if (!documentXml) fail('bad-file', `“${name}”中没有 Word 正文，可能不是 Word 文档或已损坏。`);
  const rels = await relTargets(zip, main);
  const commentsPath = rels.get(REL.comments) ?? (zip.has('word/comments.xml') ? 'word/comments.xml' : undefined);
  const extPath = rels.get(REL.commentsExtended) ?? (zip.has('word/commentsExtended.xml') ? 'word/commentsExtended.xml' : undefined);
  const idsPath = rels.get(REL.commentsIds) ?? (zip.has('word/commentsIds.xml') ? 'word/commentsIds.xml' : undefined);
  const cexPath = rels.get(REL.commentsExtensible) ?? (zip.has('word/commentsExtensible.xml') ? 'word/commentsExtensible.xml' : undefined);
  let parsed: ReturnType<typeof parseDocument>;
  let comments: RawComment[] = [];
  let ext = new Map<string, CommentEx>();
  try {
    parsed = parseDocument(documentXml);
    const cx = commentsPath ? await partText(zip, commentsPath) : null;
    if (cx) comments = parseComments(cx);
    const ex = extPath ? await partText(zip, extPath) : null;
    if (ex) ext = parseCommentsExtended(ex);
    const times = parseCommentTimes(idsPath ? await partText(zip, idsPath) : null, cexPath ? await partText(zip, cexPath) : null);
    for (const c of comments) {
      const utc = times.get(c.paraIds[c.paraIds.length - 1] ?? '');
      if (utc) c.date = utc;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    fail('bad-file', `“${name}”的内容无法解析，可能已损坏：${(err as Error).message}`);
  }
  // Replies: by commentsExtended (paraIdParent of the comment's last paragraph), or nested.
  const byPara = new Map<string, RawComment>();
  for (const c of comments) for (const pid of c.paraIds) byPara.set(pid, c);
  const parentOf = (c: RawComment): RawComment | null => {
    const pid = c.paraIds[c.paraIds.length - 1];
    const parent = pid ? ext.get(pid)?.parent : undefined;
    return parent ? (byPara.get(parent) ?? null) : null;
  };
  const doneOf = (c: RawComment) => !!ext.get(c.paraIds[c.paraIds.length - 1] ?? '')?.done;
  return assembleReturned(parsed, comments, parentOf, doneOf);
}
