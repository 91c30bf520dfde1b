// Node ids in the editor (issue 14; shared/plan/ids.ts). Ids are a node attribute, so undo,
// redo and moves keep them. This plugin only repairs: after any change, a block without an id
// (a new task, a split paragraph's second half) or with an id an earlier block already has
// (keeping the first) gets a fresh one, in a transaction appended to the change — one undo
// step with it. A pasted copy arrives without ids (transformPasted), so it gets new ones; a
// block dragged within the editor is a move and keeps its id.
import { Extension } from '@tiptap/core';
import { Fragment, Slice, type Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { AttrStep } from '@tiptap/pm/transform';
import { isNodeId, newNodeId } from '../../../shared/plan/ids';
import { ID_NODE_TYPES } from './schema';
import { fromSharedDoc } from '../doc/shared-doc';

export const nodeIdsKey = new PluginKey('plandesk-node-ids');

/** The transaction that gives every block a unique id, or null when all have one. */
export function repairIds(state: EditorState): Transaction | null {
  const seen = new Set<string>();
  const fix: number[] = [];
  state.doc.forEach((node, pos) => {
    if (!ID_NODE_TYPES.has(node.type.name)) return;
    const id = node.attrs.id as unknown;
    if (isNodeId(id) && !seen.has(id)) seen.add(id);
    else fix.push(pos);
  });
  if (!fix.length) return null;
  // Ids in use anywhere (also those of blocks about to be re-id'd later in the list).
  const taken = new Set(seen);
  const tr = state.tr;
  for (const pos of fix) {
    const id = newNodeId(taken);
    taken.add(id);
    tr.setNodeAttribute(pos, 'id', id);
  }
  return tr.setMeta(nodeIdsKey, true);
}

function withoutIds(fragment: Fragment): Fragment {
  const nodes: PMNode[] = [];
  fragment.forEach((node) => {
    if (ID_NODE_TYPES.has(node.type.name) && node.attrs.id) nodes.push(node.type.create({ ...node.attrs, id: null }, node.content, node.marks));
    else if (!node.isLeaf && !node.isTextblock) nodes.push(node.copy(withoutIds(node.content)));
    else nodes.push(node);
  });
  return Fragment.from(nodes);
}

/**
 * True when a transaction may have added a block or changed a block's id: one of its steps
 * carries a block node (insert, split, paste, re-type, undo of a delete) or sets `id`. Typing
 * carries only text, so a keystroke costs no walk over the document. Changes from the shared
 * document (team mode) were given their ids on the client that made them.
 */
function mayAddBlocks(trs: readonly Transaction[]): boolean {
  for (const tr of trs) {
    if (!tr.docChanged || fromSharedDoc(tr)) continue;
    for (const step of tr.steps) {
      if (step instanceof AttrStep && step.attr === 'id') return true;
      const slice = (step as unknown as { slice?: Slice }).slice;
      if (!slice) continue;
      let found = false;
      slice.content.descendants((n) => {
        if (found) return false;
        if (ID_NODE_TYPES.has(n.type.name)) found = true;
        return !n.isTextblock;
      });
      if (found) return true;
    }
  }
  return false;
}

/** The plugin (exported for tests, which run it on a bare EditorState). */
export function nodeIdsPlugin(): Plugin {
  return new Plugin({
    key: nodeIdsKey,
    appendTransaction: (trs, _old, state) => (mayAddBlocks(trs) ? repairIds(state) : null),
    props: {
      transformPasted: (slice, view) => {
        // A drag within the editor moves the blocks: they keep who they are.
        if (view?.dragging?.move) return slice;
        return new Slice(withoutIds(slice.content), slice.openStart, slice.openEnd);
      },
    },
  });
}

export const NodeIds = Extension.create({
  name: 'nodeIds',
  addProseMirrorPlugins() {
    return [nodeIdsPlugin()];
  },
});
