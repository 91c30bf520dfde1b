// Plan blocks ⇄ the editor's document as ProseMirror JSON (the node and mark names of
// renderer/src/editor/schema.ts). Pure, so that the editor (renderer/src/editor/convert.ts), the
// team server (electron/team: the shared Y.Doc is built from and read back into this JSON) and
// tests use one mapping.
import type { FlatBlock } from './flat';
import type { Level, NodeSuggestion, Target, TextMark } from './schema';
import { findTargets } from '../import/targets';
import { taskSentences } from './running-text';

/** ProseMirror's JSON of a node (what @tiptap/core calls JSONContent), without the library. */
export interface EditorJSON {
  type?: string;
  attrs?: Record<string, unknown>;
  content?: EditorJSON[];
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  text?: string;
  [key: string]: unknown;
}

type MarkJSON = { type: string; attrs: Record<string, unknown> };

function markJSON(m: TextMark): MarkJSON {
  return m.type === 'comment'
    ? { type: 'comment', attrs: { id: m.id } }
    : { type: m.type, attrs: { id: m.id, author: m.author ?? null, unit: m.unit ?? null, time: m.time ?? null } };
}

/** A field's text as editor content: hard breaks for \n, text nodes split where marks begin or end. */
function textContent(text: string, marks: readonly TextMark[] = []): EditorJSON[] {
  const out: EditorJSON[] = [];
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) {
    cuts.add(Math.max(0, Math.min(text.length, m.from)));
    cuts.add(Math.max(0, Math.min(text.length, m.to)));
  }
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') {
      cuts.add(i);
      cuts.add(i + 1);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k]!;
    const b = points[k + 1]!;
    const piece = text.slice(a, b);
    if (!piece) continue;
    if (piece === '\n') {
      out.push({ type: 'hardBreak' });
      continue;
    }
    const on = marks.filter((m) => m.from <= a && m.to >= b && m.from < m.to).map(markJSON);
    out.push(on.length ? { type: 'text', text: piece, marks: on } : { type: 'text', text: piece });
  }
  return out;
}

const fieldMarks = (marks: readonly TextMark[] | undefined, field: TextMark['field']) => (marks ?? []).filter((m) => m.field === field);

/** The text the targets of a task were read from; when it changes, they are read again. */
export function taskTargetsKey(title: string, text: string): string {
  return taskSentences({ title, text });
}

/** Heading targets are kept as imported until the heading's own lead-in changes. */
const headingKeyPlaceholder = 'imported';

export function blocksToEditorJSON(blocks: readonly FlatBlock[]): EditorJSON {
  const content: EditorJSON[] = blocks.map((b): EditorJSON => {
    switch (b.type) {
      case 'paragraph':
        return { type: 'paragraph', attrs: { id: b.id ?? null, under: b.under }, content: textContent(b.text, fieldMarks(b.marks, 'text')) };
      case 'heading':
        return {
          type: 'planHeading',
          attrs: {
            id: b.id ?? null,
            level: b.level,
            text: b.text ?? null,
            targets: b.targets ?? null,
            targetsFor: b.targets ? headingKeyPlaceholder : null,
            suggestion: b.suggestion ?? null,
          },
          content: textContent(b.title, fieldMarks(b.marks, 'title')),
        };
      case 'task':
        return {
          type: 'planTask',
          attrs: {
            id: b.id ?? null,
            level: b.level,
            lead: b.lead,
            support: b.support,
            unitsText: b.unitsText ?? null,
            unitsNote: b.unitsNote ?? null,
            targets: b.targets,
            targetsFor: taskTargetsKey(b.title, b.text),
            suggestion: b.suggestion ?? null,
          },
          content: [
            { type: 'taskTitle', content: textContent(b.title, fieldMarks(b.marks, 'title')) },
            { type: 'taskBody', content: textContent(b.text, fieldMarks(b.marks, 'text')) },
          ],
        };
    }
  });
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph', attrs: { under: 0 } }] };
}

/**
 * What reading blocks needs of a node, so one reader serves editor JSON (the team server's
 * Y.Doc) and ProseMirror nodes (the editor, read in place without a JSON copy on every change).
 */
export interface NodeAccess<N> {
  type(n: N): string;
  attrs(n: N): Record<string, unknown>;
  /** The text of a text node. */
  text(n: N): string;
  forEachChild(n: N, f: (child: N) => void): void;
  child(n: N, index: number): N | undefined;
  forEachMark(n: N, f: (type: string, attrs: Record<string, unknown>) => void): void;
}

const JSON_ACCESS: NodeAccess<EditorJSON> = {
  type: (n) => n.type ?? '',
  attrs: (n) => n.attrs ?? {},
  text: (n) => n.text ?? '',
  forEachChild: (n, f) => n.content?.forEach(f),
  child: (n, i) => n.content?.[i],
  forEachMark: (n, f) => n.marks?.forEach((m) => f(m.type, m.attrs ?? {})),
};

function nodeText<N>(node: N | undefined, r: NodeAccess<N>): string {
  let s = '';
  if (node === undefined) return s;
  r.forEachChild(node, (child) => {
    const type = r.type(child);
    s += type === 'text' ? r.text(child) : type === 'hardBreak' ? '\n' : '';
  });
  return s;
}

/** The review marks of a textblock as ranges of its text (adjacent pieces of one mark merged). */
function nodeMarks<N>(node: N | undefined, field: TextMark['field'], r: NodeAccess<N>): TextMark[] {
  const out: TextMark[] = [];
  if (node === undefined) return out;
  let offset = 0;
  r.forEachChild(node, (child) => {
    const len = r.type(child) === 'text' ? r.text(child).length : 1;
    r.forEachMark(child, (markType, attrs) => {
      const type = markType as TextMark['type'];
      const id = String(attrs.id ?? '');
      const open = out.find((m) => m.type === type && m.id === id && m.field === field && m.to === offset);
      if (open) open.to = offset + len;
      else {
        const m: TextMark = { field, from: offset, to: offset + len, type, id };
        if (attrs.author) m.author = String(attrs.author);
        if (attrs.unit) m.unit = String(attrs.unit);
        if (attrs.time) m.time = String(attrs.time);
        out.push(m);
      }
    });
    offset += len;
  });
  // One canonical order, so that saving twice writes the same document.
  return out.sort((x, y) => x.from - y.from || x.to - y.to || x.type.localeCompare(y.type) || x.id.localeCompare(y.id));
}

function withReview<T extends object>(b: T, marks: TextMark[], suggestion: unknown): T {
  const out = b as T & { marks?: TextMark[]; suggestion?: NodeSuggestion };
  if (marks.length) out.marks = marks;
  if (suggestion) out.suggestion = suggestion as NodeSuggestion;
  return out;
}

/** Keeps "unconfirmed" flags of targets whose words are still there. */
function mergeTargets(fresh: Target[], old: readonly Target[]): Target[] {
  return fresh.map((t) => {
    const prev = old.find((o) => o.text === t.text);
    return prev?.unconfirmed ? { ...t, unconfirmed: true } : t;
  });
}

/** The plan's blocks from an editor document, however its nodes are held (`r`). */
export function readBlocks<N>(doc: N, r: NodeAccess<N>): FlatBlock[] {
  const blocks: FlatBlock[] = [];
  r.forEachChild(doc, (node) => {
    const a = r.attrs(node);
    const id = typeof a.id === 'string' && a.id ? { id: a.id } : {};
    const type = r.type(node);
    if (type === 'paragraph') {
      const text = nodeText(node, r);
      blocks.push(withReview({ type: 'paragraph' as const, ...id, text, under: Number(a.under) || 0 }, nodeMarks(node, 'text', r), null));
    } else if (type === 'planHeading') {
      const b: FlatBlock = { type: 'heading', ...id, level: (Number(a.level) || 1) as Level, title: nodeText(node, r) };
      if (typeof a.text === 'string') b.text = a.text;
      if (Array.isArray(a.targets)) b.targets = a.targets as Target[];
      blocks.push(withReview(b, nodeMarks(node, 'title', r), a.suggestion));
    } else if (type === 'planTask') {
      const titleNode = r.child(node, 0);
      const bodyNode = r.child(node, 1);
      const title = nodeText(titleNode, r);
      const text = nodeText(bodyNode, r);
      const key = taskTargetsKey(title, text);
      const old = Array.isArray(a.targets) ? (a.targets as Target[]) : [];
      const targets = a.targetsFor === key ? old : mergeTargets(findTargets(key), old);
      const b: FlatBlock = {
        type: 'task',
        ...id,
        level: (Number(a.level) || 3) as Level,
        title,
        text,
        lead: Array.isArray(a.lead) ? (a.lead as string[]) : [],
        support: Array.isArray(a.support) ? (a.support as string[]) : [],
        targets,
      };
      if (typeof a.unitsText === 'string') b.unitsText = a.unitsText;
      if (typeof a.unitsNote === 'string') b.unitsNote = a.unitsNote;
      blocks.push(withReview(b, [...nodeMarks(titleNode, 'title', r), ...nodeMarks(bodyNode, 'text', r)], a.suggestion));
    }
  });
  // Drop empty paragraphs at the very end (the editor keeps one to type into).
  while (blocks.length && blocks[blocks.length - 1]!.type === 'paragraph' && !(blocks[blocks.length - 1] as { text: string }).text) blocks.pop();
  return blocks;
}

/** The blocks of an editor document given as JSON (what the team server reads back from the shared Y.Doc). */
export function editorJSONToBlocks(doc: EditorJSON): FlatBlock[] {
  return readBlocks(doc, JSON_ACCESS);
}
