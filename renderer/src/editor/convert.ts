// Plan body ⇄ editor document. The JSON direction (blocks → editor JSON) lives in
// shared/plan/editor-json.ts, shared with the team server; the PMNode reading stays here.
import type { Node as PMNode } from '@tiptap/pm/model';
import type { FlatBlock } from '../../../shared/plan/flat';
import type { Level, NodeSuggestion, Target, TextMark } from '../../../shared/plan/schema';
import { findTargets } from '../../../shared/import/targets';
import { taskTargetsKey } from '../../../shared/plan/editor-json';

export { blocksToEditorJSON, taskTargetsKey } from '../../../shared/plan/editor-json';

function nodeText(node: PMNode): string {
  let s = '';
  node.forEach((child) => {
    s += child.isText ? child.text : child.type.name === 'hardBreak' ? '\n' : '';
  });
  return s;
}

/** The review marks of a textblock as ranges of its text (adjacent pieces of one mark merged). */
function nodeMarks(node: PMNode, field: TextMark['field']): TextMark[] {
  const out: TextMark[] = [];
  let offset = 0;
  node.forEach((child) => {
    const len = child.isText ? child.text!.length : 1;
    for (const m of child.marks) {
      const type = m.type.name as TextMark['type'];
      const id = String(m.attrs.id ?? '');
      const open = out.find((r) => r.type === type && r.id === id && r.field === field && r.to === offset);
      if (open) open.to = offset + len;
      else {
        const r: TextMark = { field, from: offset, to: offset + len, type, id };
        if (m.attrs.author) r.author = String(m.attrs.author);
        if (m.attrs.unit) r.unit = String(m.attrs.unit);
        if (m.attrs.time) r.time = String(m.attrs.time);
        out.push(r);
      }
    }
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

export function editorDocToBlocks(doc: PMNode): FlatBlock[] {
  const blocks: FlatBlock[] = [];
  doc.forEach((node) => {
    const a = node.attrs as Record<string, unknown>;
    const id = typeof a.id === 'string' && a.id ? { id: a.id } : {};
    if (node.type.name === 'paragraph') {
      const text = nodeText(node);
      // The trailing empty paragraph ProseMirror needs for typing is not content.
      blocks.push(withReview({ type: 'paragraph' as const, ...id, text, under: Number(a.under) || 0 }, nodeMarks(node, 'text'), null));
    } else if (node.type.name === 'planHeading') {
      const b: FlatBlock = { type: 'heading', ...id, level: a.level as Level, title: nodeText(node) };
      if (typeof a.text === 'string') b.text = a.text;
      if (Array.isArray(a.targets)) b.targets = a.targets as Target[];
      blocks.push(withReview(b, nodeMarks(node, 'title'), a.suggestion));
    } else if (node.type.name === 'planTask') {
      const title = nodeText(node.child(0));
      const text = nodeText(node.child(1));
      const key = taskTargetsKey(title, text);
      const old = (a.targets as Target[]) ?? [];
      const targets = a.targetsFor === key ? old : mergeTargets(findTargets(key), old);
      const b: FlatBlock = {
        type: 'task',
        ...id,
        level: a.level as Level,
        title,
        text,
        lead: (a.lead as string[]) ?? [],
        support: (a.support as string[]) ?? [],
        targets,
      };
      if (typeof a.unitsText === 'string') b.unitsText = a.unitsText;
      if (typeof a.unitsNote === 'string') b.unitsNote = a.unitsNote;
      blocks.push(withReview(b, [...nodeMarks(node.child(0), 'title'), ...nodeMarks(node.child(1), 'text')], a.suggestion));
    }
  });
  // Drop empty paragraphs at the very end (the editor keeps one to type into).
  while (blocks.length && blocks[blocks.length - 1]!.type === 'paragraph' && !(blocks[blocks.length - 1] as { text: string }).text) blocks.pop();
  return blocks;
}
