// The 。 that ends a task's title sentence is shown, not stored (the model keeps the title
// without it). It is a non-editable widget at the start of the body rather than CSS content:
// that also gives the caret two distinct places, the end of the title and the start of the
// body, which the browser would otherwise merge (typing after Enter would land in the title).
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';
import { touchedBlocks } from './changed-blocks';

const ENDS_SENTENCE = /[。！？；]$/;

function stopWidget(): HTMLElement {
  const span = document.createElement('span');
  span.className = 'title-stop';
  span.contentEditable = 'false';
  span.textContent = '。';
  return span;
}

function blockWidget(block: PMNode, pos: number, out: Decoration[]): void {
  if (block.type.name !== 'planTask') return;
  const title = block.child(0).textContent;
  if (!title || ENDS_SENTENCE.test(title)) return;
  const bodyStart = pos + 1 + block.child(0).nodeSize + 1;
  out.push(Decoration.widget(bodyStart, stopWidget, { side: -1, key: 'stop', ignoreSelection: true }));
}

function build(doc: PMNode): DecorationSet {
  const out: Decoration[] = [];
  doc.forEach((block, pos) => blockWidget(block, pos, out));
  return DecorationSet.create(doc, out);
}

function update(tr: Transaction, old: DecorationSet): DecorationSet {
  const touched = touchedBlocks(tr);
  if (touched.length > 20) return build(tr.doc);
  let set = old.map(tr.mapping, tr.doc);
  for (const { pos, index } of touched) {
    const block = tr.doc.child(index);
    set = set.remove(set.find(pos, pos + block.nodeSize));
    const out: Decoration[] = [];
    blockWidget(block, pos, out);
    if (out.length) set = set.add(tr.doc, out);
  }
  return set;
}

const key = new PluginKey<DecorationSet>('plandesk-title-stop');

export const TitleStop = Extension.create({
  name: 'titleStop',
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
