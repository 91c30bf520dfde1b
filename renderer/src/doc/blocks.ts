// Helpers over the editor document's top-level blocks, used by editor/ and review/ alike
// (a neutral module, so that review/ need not import editor/, which imports review/).
import type { EditorState } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';

export interface BlockAt {
  node: PMNode;
  index: number;
  pos: number;
}

/** The top-level block holding the selection head. */
export function blockAt(state: EditorState, pos = state.selection.head): BlockAt | null {
  const $pos = state.doc.resolve(Math.min(pos, state.doc.content.size));
  if ($pos.depth < 1) {
    const index = $pos.index(0);
    if (index >= state.doc.childCount) return null;
    let p = 0;
    for (let i = 0; i < index; i++) p += state.doc.child(i).nodeSize;
    return { node: state.doc.child(index), index, pos: p };
  }
  return { node: $pos.node(1), index: $pos.index(0), pos: $pos.before(1) };
}
