// The draft for opinion (征求意见稿) as DOCX: the official layout of ../export/plan-docx.ts,
// unchanged, plus what reviewers in Word or WPS need — the 征求意见稿 mark, optional line
// numbers, the plan's comment threads as real Word comments (replies threaded the Word 2013+
// way) and its pending suggestions as real tracked changes, with revision tracking switched on.
//
// How the runs are split at mark offsets: before export, every mark boundary is written INTO
// the field string as one private-use character (U+E100 + event number). The exporter lays
// the text out as usual, so each boundary lands exactly where the text was generated — after
// the label, inside the title or the text run, whatever trimming or 。 the layout added. Then
// word/document.xml is post-processed: in every paragraph holding such a character, the runs
// are cut at the characters (each piece keeps its run's w:rPr), the characters are replaced by
// w:commentRangeStart/End + w:commentReference, and the pieces inside insertion / deletion
// marks are wrapped in w:ins / w:del (deleted text as w:delText). The layout code is not forked
// and knows nothing of marks. One wrinkle: a task title ending in 。 with a boundary at its end
// would get a second 。 from the layout; a DROP character (U+E0FF) after such boundaries tells
// the post-processor to remove the 。 the layout appended.
import JSZip from 'jszip';
import { exportPlanDocx } from '../export/plan-docx';
import { ExportOptionsSchema, type ExportOptions, type ExportOptionsInput } from '../../shared/export/options';
import type { BodyNode, PlanDocument, TextMark } from '../../shared/plan/schema';
import type { ReviewThread } from '../../shared/review/types';
import { CONTENT_TYPE, NS, REL, addContentType, addDocumentRel, escapeXml, wordDate } from './ooxml';

export interface ReviewExportOptions {
  /** Line numbers in the margin, restarting on each page (w:lnNumType). */
  lineNumbers?: boolean;
  exportOptions?: ExportOptionsInput | ExportOptions;
  /** The draft mark at the top of the first page; default 征求意见稿. '' for none. */
  draftMark?: string;
  /** Turn on 修订 (w:trackRevisions) so the reviewers' own edits are tracked; default true. */
  trackRevisions?: boolean;
}

export const DRAFT_MARK = '征求意见稿';
const MARKER_BASE = 0xe100;
const MARKER_MAX = 0xf8ff;
const DROP = '\ue0ff';
const MARKER_RE = /[\ue0ff\ue100-\uf8ff]/;

interface MarkEvent {
  kind: 'start' | 'end';
  mark: TextMark;
}

const TASK_END = /[。！？；]$/;
const HEADING_END = /[。！？：；]$/;

/** Writes the boundary characters into a copy of the body; returns the events by number. */
function embedMarkers(body: BodyNode[]): MarkEvent[] {
  const events: MarkEvent[] = [];
  const seenComments = new Set<string>();
  const embed = (raw: string, marks: TextMark[], dropAtEnd: boolean): string => {
    const lead = raw.length - raw.trimStart().length;
    const end = raw.trimEnd().length;
    type P = { pos: number; order: number; len: number; ch: string };
    const points: P[] = [];
    for (const m of marks) {
      if (events.length + 2 > MARKER_MAX - MARKER_BASE) break;
      const from = Math.min(Math.max(Math.min(m.from, m.to), lead), end);
      const to = Math.min(Math.max(Math.max(m.from, m.to), lead), end);
      if (m.type !== 'comment' && from === to) continue;
      if (m.type === 'comment') {
        if (seenComments.has(m.id)) continue;
        seenComments.add(m.id);
      }
      const len = to - from;
      const s = String.fromCharCode(MARKER_BASE + events.length);
      events.push({ kind: 'start', mark: m });
      const e = String.fromCharCode(MARKER_BASE + events.length);
      events.push({ kind: 'end', mark: m });
      // At one position: ends of ranges first, then starts (longest first), then the ends of
      // empty ranges, so ranges nest and never close before they open.
      points.push({ pos: from, order: 1, len, ch: s }, { pos: to, order: len ? 0 : 2, len, ch: e });
    }
    if (!points.length) return raw;
    points.sort((a, b) => a.pos - b.pos || a.order - b.order || b.len - a.len);
    let out = '';
    let at = 0;
    for (const p of points) {
      out += raw.slice(at, p.pos) + p.ch;
      at = p.pos;
    }
    const atEnd = points.some((p) => p.pos === end);
    out += raw.slice(at);
    if (dropAtEnd && atEnd) {
      const k = out.trimEnd().length;
      out = out.slice(0, k) + DROP + out.slice(k);
    }
    return out;
  };
  const visit = (nodes: BodyNode[]) => {
    for (const node of nodes) {
      const marks = [...(node.marks ?? [])];
      if (node.type !== 'paragraph' && node.suggestion && (node.suggestion.type === 'insert' || node.suggestion.type === 'delete')) {
        // A whole task or heading suggested in or out: its title and text as one tracked change.
        const s = node.suggestion;
        const type = s.type === 'insert' ? 'insertion' : 'deletion';
        const base = { type, id: s.id, ...(s.author ? { author: s.author } : {}), ...(s.unit ? { unit: s.unit } : {}), ...(s.time ? { time: s.time } : {}) } as const;
        if (node.title) marks.push({ ...base, field: 'title', from: 0, to: node.title.length });
        if (node.text) marks.push({ ...base, field: 'text', from: 0, to: node.text.length });
      }
      if (marks.length) {
        const of = (f: 'title' | 'text') => marks.filter((m) => m.field === f);
        if (node.type === 'paragraph') node.text = embed(node.text, of('text'), false);
        else {
          const title = node.title.trim();
          const drop = node.type === 'task' ? !!title && TASK_END.test(title) : !!node.text?.trim() && HEADING_END.test(title);
          node.title = embed(node.title, of('title'), drop);
          if (node.text !== undefined) node.text = embed(node.text, of('text'), false);
        }
      }
      // The boundaries now stand in the strings; the layout must see plain text, not marks or
      // whole-node suggestions it would leave out (the official export prints the text as
      // before its pending suggestions). A units change stays: the layout prints the old units.
      delete node.marks;
      if (node.type !== 'paragraph') {
        if (node.suggestion && node.suggestion.type !== 'units') delete node.suggestion;
        visit(node.children);
      }
    }
  };
  visit(body);
  return events;
}

interface Ids {
  /** Thread id → the Word comment ids of its comments (first, then replies). */
  comments: Map<string, number[]>;
  nextRevision: number;
}

const RUN_RE = /<w:r>(<w:rPr>[\s\S]*?<\/w:rPr>)?<w:t(?: xml:space="preserve")?>([^<]*)<\/w:t><\/w:r>/g;

function revisionAttrs(ids: Ids, m: TextMark): string {
  const date = wordDate(m.time);
  const author = m.author || m.unit || '审阅人';
  return `w:id="${ids.nextRevision++}" w:author="${escapeXml(author)}"${date ? ` w:date="${date}"` : ''}`;
}

/** Cuts the runs of one paragraph at the boundary characters; see the file comment. */
function rewriteParagraph(p: string, events: MarkEvent[], ids: Ids): string {
  const ins: TextMark[] = [];
  const del: TextMark[] = [];
  let drop = false;
  const piece = (rPr: string, text: string): string => {
    if (!text) return '';
    const d = del[del.length - 1];
    const i = ins[ins.length - 1];
    if (d) {
      const x = `<w:del ${revisionAttrs(ids, d)}><w:r>${rPr}<w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`;
      return i ? `<w:ins ${revisionAttrs(ids, i)}>${x}</w:ins>` : x;
    }
    const r = `<w:r>${rPr}<w:t xml:space="preserve">${text}</w:t></w:r>`;
    return i ? `<w:ins ${revisionAttrs(ids, i)}>${r}</w:ins>` : r;
  };
  const event = (ch: string): string => {
    const ev = events[ch.charCodeAt(0) - MARKER_BASE];
    if (!ev) return '';
    const m = ev.mark;
    if (m.type === 'comment') {
      const cids = ids.comments.get(m.id);
      if (!cids) return '';
      if (ev.kind === 'start') return cids.map((c) => `<w:commentRangeStart w:id="${c}"/>`).join('');
      return cids.map((c) => `<w:commentRangeEnd w:id="${c}"/><w:r><w:commentReference w:id="${c}"/></w:r>`).join('');
    }
    const stack = m.type === 'insertion' ? ins : del;
    if (ev.kind === 'start') stack.push(m);
    else {
      const k = stack.lastIndexOf(m);
      if (k >= 0) stack.splice(k, 1);
    }
    return '';
  };
  return p.replace(RUN_RE, (_all, rPr: string | undefined, text: string) => {
    let out = '';
    let buf = '';
    for (const ch of text) {
      if (ch === DROP) {
        drop = true;
        continue;
      }
      if (MARKER_RE.test(ch)) {
        out += piece(rPr ?? '', buf) + event(ch);
        buf = '';
        continue;
      }
      if (drop) {
        drop = false;
        if (ch === '。') continue;
      }
      buf += ch;
    }
    return out + piece(rPr ?? '', buf);
  });
}

function paraId(n: number): string {
  // w14:paraId: 8 hex digits, below 0x80000000, unique in the document.
  return (0x10000000 + n).toString(16).toUpperCase();
}

function commentParagraphs(body: string, id: string, first: boolean): string {
  const lines = body.split(/\r?\n/);
  return lines
    .map((line, i) => {
      const last = i === lines.length - 1;
      // Only the last paragraph carries the comment's paraId (commentsExtended refers to it).
      const attrs = last ? ` w14:paraId="${id}" w14:textId="77777777"` : '';
      const ref = first && i === 0 ? '<w:r><w:annotationRef/></w:r>' : '';
      return `<w:p${attrs}>${ref}<w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`;
    })
    .join('');
}

/** The review DOCX (see the file comment). */
export async function exportReviewDocx(doc: PlanDocument, threads: readonly ReviewThread[], opts: ReviewExportOptions = {}): Promise<Uint8Array> {
  const options = ExportOptionsSchema.parse(opts.exportOptions ?? {});
  const copy = structuredClone(doc);
  const events = embedMarkers(copy.body);
  const bytes = await exportPlanDocx(copy, options);
  const zip = await JSZip.loadAsync(bytes);
  let xml = await zip.file('word/document.xml')!.async('string');

  // Comment ids, in the order their anchors stand in the document.
  const byId = new Map(threads.map((t) => [t.id, t]));
  const ids: Ids = { comments: new Map(), nextRevision: 0 };
  const commentXml: string[] = [];
  const extXml: string[] = [];
  let nextComment = 0;
  let nextPara = 1;
  for (const ev of events) {
    if (ev.kind !== 'start' || ev.mark.type !== 'comment') continue;
    const thread = byId.get(ev.mark.id);
    if (!thread || !thread.comments.length || ids.comments.has(thread.id)) continue;
    const cids: number[] = [];
    let parent = '';
    thread.comments.forEach((c, i) => {
      const cid = nextComment++;
      cids.push(cid);
      const pid = paraId(nextPara++);
      const author = c.author || c.unit || '审阅人';
      const date = wordDate(c.time);
      commentXml.push(
        `<w:comment w:id="${cid}" w:author="${escapeXml(author)}"${date ? ` w:date="${date}"` : ''} w:initials="${escapeXml([...author][0] ?? '')}">` +
          commentParagraphs(c.body, pid, true) +
          '</w:comment>',
      );
      const done = i === 0 && thread.status === 'resolved' ? '1' : '0';
      extXml.push(`<w15:commentEx w15:paraId="${pid}"${i ? ` w15:paraIdParent="${parent}"` : ''} w15:done="${done}"/>`);
      if (i === 0) parent = pid;
    });
    ids.comments.set(thread.id, cids);
  }
  ids.nextRevision = nextComment + 1000;

  // Cut runs at the boundary characters.
  xml = xml.replace(/<w:p>[\s\S]*?<\/w:p>|<w:p [^>]*>[\s\S]*?<\/w:p>/g, (p) => (MARKER_RE.test(p) ? rewriteParagraph(p, events, ids) : p));

  // The draft mark: 黑体 三号, right-aligned, the first line of the first page.
  const mark = opts.draftMark ?? DRAFT_MARK;
  if (mark) {
    const f = escapeXml(options.fonts.heading1);
    xml = xml.replace(
      '<w:body>',
      `<w:body><w:p><w:pPr><w:widowControl w:val="false"/><w:spacing w:after="0" w:before="0" w:line="${options.linePitchTwips}" w:lineRule="exact"/>` +
        `<w:ind w:left="0" w:right="0" w:firstLine="0"/><w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="${f}" w:cs="${f}" w:eastAsia="${f}" w:hAnsi="${f}"/>` +
        `<w:color w:val="000000"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr><w:t xml:space="preserve">${escapeXml(mark)}</w:t></w:r></w:p>`,
    );
  }
  // Line numbers: CT_SectPr order is … pgMar, paperSrc, pgBorders, lnNumType, pgNumType …
  if (opts.lineNumbers) xml = xml.replace(/(<w:pgMar [^>]*\/>)/g, '$1<w:lnNumType w:countBy="1" w:restart="newPage"/>');
  zip.file('word/document.xml', xml);

  if (commentXml.length) {
    zip.file(
      'word/comments.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${NS.w}" xmlns:w14="${NS.w14}" xmlns:mc="${NS.mc}" mc:Ignorable="w14">${commentXml.join('')}</w:comments>`,
    );
    zip.file(
      'word/commentsExtended.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx xmlns:w15="${NS.w15}" xmlns:mc="${NS.mc}" mc:Ignorable="w15">${extXml.join('')}</w15:commentsEx>`,
    );
    await addContentType(zip, '/word/comments.xml', CONTENT_TYPE.comments);
    await addContentType(zip, '/word/commentsExtended.xml', CONTENT_TYPE.commentsExtended);
    await addDocumentRel(zip, REL.comments, 'comments.xml');
    await addDocumentRel(zip, REL.commentsExtended, 'commentsExtended.xml');
  }
  if (opts.trackRevisions ?? true) {
    const f = zip.file('word/settings.xml');
    if (f) {
      let s = await f.async('string');
      if (!s.includes('<w:trackRevisions')) {
        // CT_Settings: … revisionView, trackRevisions, doNotTrackMoves, … defaultTabStop …
        const at = s.search(/<w:(doNotTrackMoves|doNotTrackFormatting|documentProtection|autoFormatOverride|styleLockTheme|styleLockQFSet|defaultTabStop)\b/);
        s = at >= 0 ? s.slice(0, at) + '<w:trackRevisions/>' + s.slice(at) : s;
        zip.file('word/settings.xml', s);
      }
    }
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
