// What Word and LibreOffice files have in common once read: body paragraphs (inserted and
// deleted text both included), comment ranges by id, tracked insertions / deletions, and the
// comments with the link from a reply to its parent. `assembleReturned` turns them into the
// review items the matcher places (read-returned-docx.ts for .docx, read-returned-odt.ts for .odt).
//
// XML is read with htmlparser2's SAX Parser in xmlMode (installed; the HTML importer uses it
// too): a streaming parser that decodes entities and CDATA and never builds a tree, so one
// pass over the body follows the text offsets while ranges open and close across runs and
// paragraphs. It does not resolve namespaces, so each part's prefix for a namespace is taken
// from the xmlns declarations on its root element (Word, WPS and LibreOffice declare them there).
import { Parser } from 'htmlparser2';
import type { ReviewItem, ReviewReply } from '../../shared/review/types';

export interface ReturnedDocx {
  /** Comments and tracked changes, in document order. */
  items: ReviewItem[];
  /** The text of each non-empty body paragraph (inserted and deleted text both included). */
  paragraphs: string[];
  /** Everyone who commented, replied or changed something, in order of appearance. */
  authors: string[];
  /** What the format could not give (Chinese, one line each), shown before importing. */
  notes: string[];
}

type Attrs = Record<string, string>;

/** SAX over one part; `handler` gets local names and a prefix-aware attribute getter. */
export function sax(
  xml: string,
  handler: {
    open(local: string, prefix: string, attr: (ns: string, name: string) => string | undefined, raw: Attrs): void;
    close(local: string, prefix: string): void;
    text(t: string): void;
  },
): (ns: string) => string {
  const prefixes = new Map<string, string>();
  let root = true;
  const prefixOf = (ns: string) => prefixes.get(ns) ?? '';
  const split = (name: string): [string, string] => {
    const k = name.indexOf(':');
    return k < 0 ? ['', name] : [name.slice(0, k), name.slice(k + 1)];
  };
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (root) {
          for (const [k, v] of Object.entries(attribs)) if (k.startsWith('xmlns:')) prefixes.set(v, k.slice(6));
          root = false;
        }
        const [prefix, local] = split(name);
        const attr = (ns: string, n: string) => {
          const p = prefixOf(ns);
          return attribs[p ? `${p}:${n}` : n];
        };
        handler.open(local, prefix, attr, attribs);
      },
      onclosetag(name) {
        const [prefix, local] = split(name);
        handler.close(local, prefix);
      },
      ontext(t) {
        handler.text(t);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return prefixOf;
}

export interface RawComment {
  id: string;
  /** The Word comment this one is written inside (Word 2007-style nested reply). */
  container?: string;
  author: string;
  date?: string;
  paras: string[];
  paraIds: string[];
  /** Word 2007-style replies written inside the comment. */
  nested: RawComment[];
}

export interface Pos {
  p: number;
  off: number;
}

/**
 * Where the reader is: the end of the innermost open paragraph. Between paragraphs (a range start
 * or end at body level, as Word and LibreOffice may write), a start belongs to the next
 * paragraph and an end to the one before.
 */
export function positionAt(paragraphs: readonly string[], open: readonly number[], side: 'start' | 'end' = 'end'): Pos {
  const p = open[open.length - 1];
  if (p === undefined)
    return side === 'start'
      ? { p: paragraphs.length, off: 0 }
      : { p: Math.max(0, paragraphs.length - 1), off: (paragraphs[paragraphs.length - 1] ?? '').length };
  return { p, off: (paragraphs[p] ?? '').length };
}

export interface RawRevision {
  kind: 'insertion' | 'deletion';
  author: string;
  date?: string;
  p: number;
  start: number;
  end: number;
  text: string;
}

/** A body read: paragraphs and where comments and tracked changes sit in them. */
export interface ParsedBody {
  paragraphs: string[];
  starts: Map<string, Pos>;
  ends: Map<string, Pos>;
  refs: Map<string, Pos>;
  revisions: RawRevision[];
}

/** The review items of a read body and its comments (a reply's parent by `parentOf`). */
export function assembleReturned(
  parsed: ParsedBody,
  comments: readonly RawComment[],
  parentOf: (c: RawComment) => RawComment | null,
  doneOf: (c: RawComment) => boolean,
): ReturnedDocx {
  const { paragraphs } = parsed;

  const rootOf = (c: RawComment): RawComment => {
    let r = c;
    for (let k = 0; k < 50; k++) {
      const p = parentOf(r);
      if (!p || p === c) break;
      r = p;
    }
    return r;
  };
  const replies = new Map<RawComment, ReviewReply[]>();
  const body = (c: RawComment) => c.paras.join('\n').trim();
  // A reply names the comment it answers (its direct parent), by the parent's w:id.
  const asReply = (c: RawComment, parent: string): ReviewReply => ({
    author: c.author,
    ...(c.date ? { date: c.date } : {}),
    text: body(c),
    sourceId: c.id,
    parentId: parent,
  });
  for (const c of comments) {
    const root = rootOf(c);
    if (root !== c) {
      const list = replies.get(root) ?? [];
      list.push(asReply(c, parentOf(c)?.id ?? root.id));
      replies.set(root, list);
    }
    for (const n of c.nested) {
      const list = replies.get(root) ?? [];
      list.push(asReply(n, n.container ?? c.id));
      replies.set(root, list);
    }
  }

  type Placed = { item: ReviewItem; at: Pos };
  const placed: Placed[] = [];
  const slice = (a: Pos, b: Pos): string => {
    if (a.p === b.p) return (paragraphs[a.p] ?? '').slice(a.off, b.off);
    const parts = [(paragraphs[a.p] ?? '').slice(a.off)];
    for (let p = a.p + 1; p < b.p; p++) parts.push(paragraphs[p] ?? '');
    parts.push((paragraphs[b.p] ?? '').slice(0, b.off));
    return parts.join('\n');
  };
  for (const c of comments) {
    if (rootOf(c) !== c) continue;
    let s = parsed.starts.get(c.id) ?? parsed.refs.get(c.id) ?? null;
    let e = parsed.ends.get(c.id) ?? (s ? s : null);
    if (s && e && (e.p < s.p || (e.p === s.p && e.off < s.off))) [s, e] = [e, s];
    const para = s ? (paragraphs[s.p] ?? '') : '';
    const item: ReviewItem = {
      kind: 'comment',
      sourceId: c.id,
      author: c.author,
      ...(c.date ? { date: c.date } : {}),
      text: body(c),
      anchorText: s && e ? slice(s, e) : '',
      before: s ? para.slice(0, s.off) : '',
      after: s && e && e.p === s.p ? para.slice(e.off) : '',
      paragraphText: para,
      ...(replies.get(c)?.length ? { replies: replies.get(c)! } : {}),
      ...(doneOf(c) ? { resolved: true } : {}),
    };
    placed.push({ item, at: s ?? { p: Number.MAX_SAFE_INTEGER, off: 0 } });
  }
  // Word splits one edit into several w:ins / w:del when formatting changes: join neighbours.
  const revs: RawRevision[] = [];
  for (const r of [...parsed.revisions].sort((a, b) => a.p - b.p || a.start - b.start)) {
    const last = revs[revs.length - 1];
    if (last && last.kind === r.kind && last.author === r.author && last.p === r.p && last.end === r.start) {
      last.text += r.text;
      last.end = r.end;
    } else revs.push({ ...r });
  }
  for (const r of revs) {
    const para = paragraphs[r.p] ?? '';
    placed.push({
      item: {
        kind: r.kind,
        author: r.author,
        ...(r.date ? { date: r.date } : {}),
        text: r.text,
        anchorText: r.text,
        before: para.slice(0, r.start),
        after: para.slice(r.end),
        paragraphText: para,
      },
      at: { p: r.p, off: r.start },
    });
  }
  placed.sort((a, b) => a.at.p - b.at.p || a.at.off - b.at.off);
  const items = placed.map((x) => x.item);
  const authors: string[] = [];
  const see = (a: string) => {
    if (a && !authors.includes(a)) authors.push(a);
  };
  for (const it of items) {
    see(it.author);
    it.replies?.forEach((r) => see(r.author));
  }
  return { items, paragraphs: paragraphs.map((p) => p.trim()).filter(Boolean), authors, notes: [] };
}
