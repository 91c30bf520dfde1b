// A plugin whose decorations are computed block by block: built once for the whole document,
// then on each change only the touched top-level blocks are decorated again and the rest is
// mapped. Used for target highlights and the title's 。.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { DecorationSet, type Decoration } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';
import { touchedBlocks } from './changed-blocks';

/** Adds the decorations of one top-level block (at document position `pos`) to `out`. */
export type DecorateBlock = (block: PMNode, pos: number, out: Decoration[]) => void;

export function blockDecorationExtension(name: string, decorate: DecorateBlock) {
  const key = new PluginKey<DecorationSet>(`plandesk-${name}`);
  const build = (doc: PMNode) => {
    const out: Decoration[] = [];
    doc.forEach((block, pos) => decorate(block, pos, out));
    return DecorationSet.create(doc, out);
  };
  const update = (tr: Transaction, old: DecorationSet) => {
    const touched = touchedBlocks(tr);
    if (touched.length > 20) return build(tr.doc);
    let set = old.map(tr.mapping, tr.doc);
    for (const { pos, index } of touched) {
      const block = tr.doc.child(index);
      set = set.remove(set.find(pos, pos + block.nodeSize));
      const out: Decoration[] = [];
      decorate(block, pos, out);
      if (out.length) set = set.add(tr.doc, out);
    }
    return set;
  };
  return Extension.create({
    name,
    addProseMirrorPlugins() {
      return [
        new Plugin<DecorationSet>({
          key,
          state: {
            init: (_c, state) => build(state.doc),
            apply: (tr, old) => (tr.docChanged ? update(tr, old) : old),
          },
          props: { decorations: (state) => key.getState(state) },
        }),
      ];
    },
  });
}
