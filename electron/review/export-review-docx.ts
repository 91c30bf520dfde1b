// The draft for opinion (征求意见稿) as DOCX: the official layout of ../export/plan-docx.ts,
// unchanged, plus what reviewers in Word or WPS need — the 征求意见稿 mark, optional line
// numbers, the plan's comment threads as real Word comments (replies threaded the Word 2013+
// way) and its pending suggestions as real tracked changes (a change of a task's units too,
// inside its parenthetical), with revision tracking switched on. Authors are written
// “王五（县住建局）” (exportedAuthor, shared/review/sender.ts).
//
// All of it is built through the docx library's API, as a layer the layout calls
// (DocxLayer in ../export/plan-docx.ts): for each field of each node the layout asks this module
// for the field's runs, which are cut at the mark boundaries into TextRun / InsertedTextRun /
// DeletedTextRun with the layout's own run style, with CommentRangeStart / CommentRangeEnd and a
// CommentReference run around commented words. Comments (with parentId for replies, resolved
// threads marked done), w:trackRevisions and line numbers are Document / section options. The
// layout code is not forked and the serialized XML is never rewritten.
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  InsertedTextRun,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type ParagraphChild,
} from 'docx';
import { planDocumentProperties, type DocxLayer } from '../export/plan-docx';
import { packDocx, para, run, runOptions, type RunStyle } from '../export/docx-common';
import { ExportOptionsSchema, type ExportOptions, type ExportOptionsInput } from '../../shared/export/options';
import { FONT_SIZE_PT, type FontSettings } from '../../shared/layout/gbt9704';
import type { BodyNode, NodeSuggestion, PlanDocument, TextMark } from '../../shared/plan/schema';
import { unitsChangeTexts, unitsParentheticalChange, type UnitsChangePiece } from '../../shared/review/units-change';
import { exportedAuthor } from '../../shared/review/sender';
import type { ReviewThread } from '../../shared/review/types';
import { wordDate } from './ooxml';

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

type Field = 'title' | 'text';

/**
 * Takes the marks (and whole-node insert/delete suggestions, as marks over the title and text)
 * off a copy of the body, so the layout prints the plain text, and returns them by path and field.
 */
interface UnitsChange {
  pieces: UnitsChangePiece[];
  suggestion: NodeSuggestion;
}

function takeMarks(body: BodyNode[], unitsChanges: Map<string, UnitsChange> = new Map()): Map<string, TextMark[]> {
  const byField = new Map<string, TextMark[]>();
  const visit = (nodes: BodyNode[], base: string) =>
    nodes.forEach((node, i) => {
      const path = `${base}/${i}`;
      const marks = [...(node.marks ?? [])];
      if (node.type !== 'paragraph' && node.suggestion && (node.suggestion.type === 'insert' || node.suggestion.type === 'delete')) {
        // A whole task or heading suggested in or out: its title and text as one tracked change.
        const s = node.suggestion;
        const type = s.type === 'insert' ? 'insertion' : 'deletion';
        const base = {
          type,
          id: s.id,
          ...(s.author ? { author: s.author } : {}),
          ...(s.unit ? { unit: s.unit } : {}),
          ...(s.time ? { time: s.time } : {}),
        } as const;
        if (node.title) marks.push({ ...base, field: 'title', from: 0, to: node.title.length });
        if (node.text) marks.push({ ...base, field: 'text', from: 0, to: node.text.length });
      }
      for (const f of ['title', 'text'] as const) {
        const of = marks.filter((m) => m.field === f);
        if (of.length) byField.set(`${path}|${f}`, of);
      }
      // The layout must see plain text, not marks or whole-node suggestions it would leave out
      // (the official export prints the text as before its pending suggestions). A units change
      // stays on the node (the layout's text is the old units) and is written by unitsRuns, the
      // names that go and come as w:del / w:ins inside the parenthetical.
      delete node.marks;
      if (node.type === 'task' && node.suggestion?.type === 'units') {
        const texts = unitsChangeTexts(node, node.suggestion);
        if (texts) unitsChanges.set(path, { pieces: unitsParentheticalChange(texts.before, texts.after), suggestion: node.suggestion });
      }
      if (node.type !== 'paragraph') {
        if (node.suggestion && node.suggestion.type !== 'units') delete node.suggestion;
        visit(node.children, `${path}/children`);
      }
    });
  visit(body, 'body');
  return byField;
}

/** Comment marks in document order (body order, title before text, by position). */
function commentOrder(byField: Map<string, TextMark[]>): string[] {
  const out: string[] = [];
  for (const marks of byField.values()) {
    for (const m of [...marks].sort((a, b) => Math.min(a.from, a.to) - Math.min(b.from, b.to))) if (m.type === 'comment' && !out.includes(m.id)) out.push(m.id);
  }
  return out;
}

function when(iso: string | undefined): Date | undefined {
  const w = wordDate(iso);
  return w ? new Date(w) : undefined;
}

/** Word comments for the threads anchored in the text: thread id → Word comment ids (first, then replies). */
function buildComments(order: readonly string[], threads: readonly ReviewThread[]): { ids: Map<string, number[]>; comments: ICommentOptions[] } {
  const byId = new Map(threads.map((t) => [t.id, t]));
  const ids = new Map<string, number[]>();
  const comments: ICommentOptions[] = [];
  let next = 0;
  for (const threadId of order) {
    const thread = byId.get(threadId);
    if (!thread || !thread.comments.length) continue;
    const cids: number[] = [];
    thread.comments.forEach((c, i) => {
      const id = next++;
      cids.push(id);
      const author = exportedAuthor(c.author, c.unit);
      const date = when(c.time);
      comments.push({
        id,
        author,
        initials: [...author][0] ?? '',
        ...(date ? { date } : {}),
        ...(i > 0 ? { parentId: cids[0]! } : {}),
        ...(i === 0 && thread.status === 'resolved' ? { resolved: true } : {}),
        children: c.body.split(/\r?\n/).map((line) => new Paragraph({ children: [new TextRun(line)] })),
      });
    });
    ids.set(threadId, cids);
  }
  return { ids, comments };
}

interface Boundary {
  pos: number;
  /** 0 end of a range, 1 start, 2 end of an empty range: ranges nest and never close before they open. */
  order: number;
  len: number;
  kind: 'start' | 'end';
  mark: TextMark;
}

/** The review layer: field runs cut at mark boundaries, comments, revision tracking, draft mark, line numbers. */
function reviewLayer(
  byField: Map<string, TextMark[]>,
  threads: readonly ReviewThread[],
  opts: ReviewExportOptions,
  unitsChanges: Map<string, UnitsChange> = new Map(),
): DocxLayer {
  const { ids, comments } = buildComments(commentOrder(byField), threads);
  const placed = new Set<string>();
  let nextRevision = comments.length + 1000;
  const revision = (m: Pick<TextMark, 'author' | 'unit' | 'time'>) => {
    const date = wordDate(m.time);
    return { id: nextRevision++, author: exportedAuthor(m.author, m.unit), ...(date ? { date } : {}) } as { id: number; author: string; date: string };
  };

  const fieldRuns = (path: string, field: Field, raw: string, from: number, to: number, style: RunStyle): ParagraphChild[] | null => {
    const marks = byField.get(`${path}|${field}`);
    if (!marks) return null;
    const points: Boundary[] = [];
    for (const m of marks) {
      const a = Math.min(Math.max(Math.min(m.from, m.to), from), to);
      const b = Math.min(Math.max(Math.max(m.from, m.to), from), to);
      if (m.type !== 'comment' && a === b) continue;
      if (m.type === 'comment') {
        if (placed.has(m.id) || !ids.has(m.id)) continue;
        placed.add(m.id);
      }
      const len = b - a;
      points.push({ pos: a, order: 1, len, kind: 'start', mark: m }, { pos: b, order: len ? 0 : 2, len, kind: 'end', mark: m });
    }
    points.sort((x, y) => x.pos - y.pos || x.order - y.order || y.len - x.len);
    const out: ParagraphChild[] = [];
    const ins: TextMark[] = [];
    const del: TextMark[] = [];
    const piece = (text: string) => {
      if (!text) return;
      const d = del[del.length - 1];
      const i = ins[ins.length - 1];
      // Text both suggested in and then out reads as deleted (docx nests no w:del in w:ins).
      if (d) out.push(new DeletedTextRun({ text, ...runOptions(style), ...revision(d) }));
      else if (i) out.push(new InsertedTextRun({ text, ...runOptions(style), ...revision(i) }));
      else out.push(run(text, style));
    };
    let at = from;
    for (const p of points) {
      piece(raw.slice(at, p.pos));
      at = p.pos;
      const m = p.mark;
      if (m.type === 'comment') {
        const cids = ids.get(m.id)!;
        if (p.kind === 'start') out.push(...cids.map((c) => new CommentRangeStart(c)));
        else for (const c of cids) out.push(new CommentRangeEnd(c), new TextRun({ children: [new CommentReference(c)] }));
        continue;
      }
      const stack = m.type === 'insertion' ? ins : del;
      if (p.kind === 'start') stack.push(m);
      else {
        const k = stack.lastIndexOf(m);
        if (k >= 0) stack.splice(k, 1);
      }
    }
    piece(raw.slice(at, to));
    return out;
  };

  // A units suggestion: the parenthetical with the names that go deleted and those that come
  // inserted; the brackets too when the task had no units before, or has none after.
  const unitsRuns = (path: string, style: RunStyle): ParagraphChild[] | null => {
    const change = unitsChanges.get(path);
    if (!change) return null;
    const { pieces, suggestion } = change;
    const piece = ({ kind, text }: UnitsChangePiece): ParagraphChild =>
      kind === 'deleted'
        ? new DeletedTextRun({ text, ...runOptions(style), ...revision(suggestion) })
        : kind === 'inserted'
          ? new InsertedTextRun({ text, ...runOptions(style), ...revision(suggestion) })
          : run(text, style);
    return pieces.map(piece);
  };

  const mark = opts.draftMark ?? DRAFT_MARK;
  return {
    fieldRuns,
    unitsRuns,
    // The draft mark: 黑体 三号, right-aligned, the first line of the first page.
    lead: (fonts: FontSettings, line: number) =>
      mark ? [para([run(mark, { font: fonts.heading1, sizePt: FONT_SIZE_PT.sanHao })], { line, align: AlignmentType.RIGHT })] : [],
    comments: { children: comments },
    trackRevisions: opts.trackRevisions ?? true,
    lineNumbers: !!opts.lineNumbers,
  };
}

/** The review DOCX (see the file comment). */
export async function exportReviewDocx(doc: PlanDocument, threads: readonly ReviewThread[], opts: ReviewExportOptions = {}): Promise<Uint8Array> {
  const options = ExportOptionsSchema.parse(opts.exportOptions ?? {});
  const copy = structuredClone(doc);
  const unitsChanges = new Map<string, UnitsChange>();
  const layer = reviewLayer(takeMarks(copy.body, unitsChanges), threads, opts, unitsChanges);
  return packDocx(planDocumentProperties(copy, options, layer));
}
