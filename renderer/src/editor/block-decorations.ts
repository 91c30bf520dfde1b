// A plugin whose decorations are computed block by block: built once for the whole document,
// then on each change only the touched top-level blocks are decorated again and the rest is
// mapped. Used for target highlights and the title's 。. A touched block's decorations that come
// out the same (same place and spec.key) are kept rather than replaced: ProseMirror draws a
// replaced widget again, and a new DOM node costs the browser another layout per keystroke.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { DecorationSet, type Decoration } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';
import { touchedBlocks } from './changed-blocks';

/**
 * Adds the decorations of one top-level block (at document position `pos`) to `out`. Two
 * decorations with the same from, to and `spec.key` must be interchangeable.
 */
export type DecorateBlock = (block: PMNode, pos: number, out: Decoration[]) => void;

const same = (a: Decoration, b: Decoration) => a.from === b.from && a.to === b.to && a.spec.key !== undefined && a.spec.key === b.spec.key;

/** Replaces a block's decorations `old` by `next`, keeping those of `old` that `next` has too. */
function replaceDecorations(set: DecorationSet, doc: PMNode, old: Decoration[], next: Decoration[]): DecorationSet {
  const stale = old.filter((o) => !next.some((n) => same(o, n)));
  const fresh = next.filter((n) => !old.some((o) => same(o, n)));
  if (stale.length) set = set.remove(stale);
  if (fresh.length) set = set.add(doc, fresh);
  return set;
}

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
      const out: Decoration[] = [];
      decorate(block, pos, out);
      set = replaceDecorations(set, tr.doc, set.find(pos, pos + block.nodeSize), out);
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
