// Structural edits on the flat block list, each one transaction (so one undo step):
// insert a heading/task, change a level, move a block with its children, Enter/Backspace
// inside tasks.
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { TextSelection } from '@tiptap/pm/state';
import type { Node as PMNode, Schema } from '@tiptap/pm/model';

import { blockAt } from '../doc/blocks';

export { blockAt, type BlockAt } from '../doc/blocks';

export function blockPositions(doc: PMNode): number[] {
  const out: number[] = [];
  doc.forEach((_n, offset) => out.push(offset));
  return out;
}

function outlineLevel(node: PMNode): number | null {
  return node.type.name === 'planHeading' || node.type.name === 'planTask' ? (node.attrs.level as number) : null;
}

/**
 * The blocks that move with block `index`: itself and what follows it at a deeper level
 * (outline items with a greater level, paragraphs that belong under it). Returns [start, end).
 */
export function sectionRange(doc: PMNode, index: number): [number, number] {
  const own = outlineLevel(doc.child(index));
  if (own === null) return [index, index + 1];
  let end = index + 1;
  while (end < doc.childCount) {
    const n = doc.child(end);
    const lvl = outlineLevel(n);
    if (lvl !== null ? lvl <= own : (n.attrs.under as number) < own) break;
    end++;
  }
  return [index, end];
}

export function newTaskNode(schema: Schema, level: number, title = '', attrs: Record<string, unknown> = {}): PMNode {
  return schema.nodes.planTask!.create({ level, lead: [], support: [], targets: [], ...attrs }, [
    schema.nodes.taskTitle!.create(null, title ? schema.text(title) : null),
    schema.nodes.taskBody!.create(),
  ]);
}

export function newHeadingNode(schema: Schema, level: number, title = ''): PMNode {
  return schema.nodes.planHeading!.create({ level }, title ? schema.text(title) : null);
}

/** Inserts a block after the section of the current block and puts the cursor in it. */
export function insertBlockAfter(state: EditorState, kind: 'task' | 'heading' | 'paragraph', level: number): Transaction | null {
  const at = blockAt(state);
  const { schema } = state;
  const node =
    kind === 'task'
      ? newTaskNode(schema, Math.max(2, level))
      : kind === 'heading'
        ? newHeadingNode(schema, level)
        : schema.nodes.paragraph!.create({ under: level });
  const tr = state.tr;
  if (!at) {
    tr.insert(state.doc.content.size, node);
    tr.setSelection(TextSelection.near(tr.doc.resolve(tr.doc.content.size - 1)));
    return tr.scrollIntoView();
  }
  // An empty paragraph is replaced rather than left behind.
  if (at.node.type.name === 'paragraph' && at.node.content.size === 0) {
    tr.replaceWith(at.pos, at.pos + at.node.nodeSize, node);
    tr.setSelection(TextSelection.near(tr.doc.resolve(at.pos + 1)));
    return tr.scrollIntoView();
  }
  // A new heading goes after the whole current section; a task or paragraph right after the block.
  const insertIndex = kind === 'heading' ? sectionRange(state.doc, at.index)[1] : at.index + 1;
  const positions = blockPositions(state.doc);
  const insertPos = insertIndex < positions.length ? positions[insertIndex]! : state.doc.content.size;
  tr.insert(insertPos, node);
  tr.setSelection(TextSelection.near(tr.doc.resolve(insertPos + 1)));
  return tr.scrollIntoView();
}

/** Tab / Shift+Tab: one level deeper or higher (headings 1–4, tasks 2–4). */
export function changeLevel(state: EditorState, delta: 1 | -1): Transaction | null {
  const at = blockAt(state);
  if (!at) return null;
  const name = at.node.type.name;
  if (name !== 'planHeading' && name !== 'planTask') return null;
  const min = name === 'planTask' ? 2 : 1;
  const level = (at.node.attrs.level as number) + delta;
  if (level < min || level > 4) return null;
  return state.tr.setNodeMarkup(at.pos, undefined, { ...at.node.attrs, level });
}

export function setLevel(state: EditorState, kind: 'heading' | 'task', level: number): Transaction | null {
  const at = blockAt(state);
  if (!at) return null;
  const { schema } = state;
  const name = at.node.type.name;
  if (kind === 'heading') {
    const title = name === 'planTask' ? at.node.child(0).textContent : at.node.textContent;
    const node = name === 'planHeading' ? null : newHeadingNode(schema, level, title);
    const tr = state.tr;
    // Re-typed, the block stays the same block: it keeps its id.
    if (node) {
      tr.replaceWith(at.pos, at.pos + at.node.nodeSize, node).setNodeAttribute(at.pos, 'id', at.node.attrs.id ?? null);
      // The cursor stays in the re-typed block (at the end of its title), not in the next one.
      tr.setSelection(TextSelection.near(tr.doc.resolve(at.pos + 1 + node.content.size)));
    } else tr.setNodeMarkup(at.pos, undefined, { ...at.node.attrs, level });
    return tr;
  }
  if (level < 2) return null;
  if (name === 'planTask') return state.tr.setNodeMarkup(at.pos, undefined, { ...at.node.attrs, level });
  const node = newTaskNode(schema, level, at.node.textContent);
  const tr = state.tr.replaceWith(at.pos, at.pos + at.node.nodeSize, node).setNodeAttribute(at.pos, 'id', at.node.attrs.id ?? null);
  tr.setSelection(TextSelection.near(tr.doc.resolve(at.pos + 2)));
  return tr;
}

/** Moves the blocks [start, end) so that they begin before block `target` (indices of the old doc). */
export function moveBlocks(state: EditorState, start: number, end: number, target: number): Transaction | null {
  const { doc } = state;
  if (target >= start && target <= end) return null;
  const positions = blockPositions(doc);
  const from = positions[start]!;
  const to = end < positions.length ? positions[end]! : doc.content.size;
  const slice = doc.slice(from, to);
  const selOffset = state.selection.head - from;
  const tr = state.tr;
  const insertAt = target < positions.length ? positions[target]! : doc.content.size;
  tr.insert(insertAt, slice.content);
  const mappedFrom = tr.mapping.map(from);
  const mappedTo = tr.mapping.map(to);
  tr.delete(mappedFrom, mappedTo);
  const newStart = target < start ? insertAt : insertAt - (to - from);
  if (state.selection.head >= from && state.selection.head <= to) {
    tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(newStart + selOffset, tr.doc.content.size))));
  }
  return tr.scrollIntoView();
}

/** Alt+↑ / Alt+↓: the block and its children swap with the previous / next sibling section. */
export function moveSection(state: EditorState, dir: -1 | 1, index = blockAt(state)?.index): Transaction | null {
  if (index === undefined) return null;
  const { doc } = state;
  const [start, end] = sectionRange(doc, index);
  const own = outlineLevel(doc.child(index));
  const lvl = (n: PMNode) => outlineLevel(n) ?? 99;
  if (dir < 0) {
    // The previous sibling: the nearest earlier outline block at the same or a higher level.
    let k = start - 1;
    while (k >= 0 && lvl(doc.child(k)) > (own ?? 99)) k--;
    if (own === null) k = start - 1;
    if (k < 0) return null;
    if (own !== null && lvl(doc.child(k)) < own) return null; // that is the parent: stay inside it
    return moveBlocks(state, start, end, k);
  }
  if (end >= doc.childCount) return null;
  const nextLevel = lvl(doc.child(end));
  if (own !== null && nextLevel < own) return null; // the next block belongs to a higher section
  const [, nextEnd] = sectionRange(doc, end);
  return moveBlocks(state, start, end, nextEnd);
}
