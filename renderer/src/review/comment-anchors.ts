// Where the comment marks are in the editor document.
import type { EditorState } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import { blockAt } from '../doc/blocks';

/** thread id → first document position of its mark (document order). */
export function commentPositions(doc: PMNode): Map<string, number> {
  const out = new Map<string, number>();
  doc.descendants((node, pos) => {
    if (!node.isText) return;
    for (const m of node.marks) {
      if (m.type.name === 'comment' && !out.has(String(m.attrs.id))) out.set(String(m.attrs.id), pos);
    }
  });
  return out;
}

/** The range a new comment covers: the selection, or the whole task/paragraph the cursor is in. */
export function commentRange(state: EditorState): { from: number; to: number; quote: string } | null {
  const { from, to, empty } = state.selection;
  if (!empty) return { from, to, quote: state.doc.textBetween(from, to, '\n', '\n') };
  const at = blockAt(state);
  if (!at || at.node.content.size === 0) return null;
  const start = at.pos + 1;
  const end = at.pos + at.node.nodeSize - 1;
  return { from: start, to: end, quote: state.doc.textBetween(start, end, '\n', '\n') };
}
