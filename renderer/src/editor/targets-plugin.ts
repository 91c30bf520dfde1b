// Highlights measurable targets in tasks ("覆盖率达到100%", "至少开展1次", "年底前") with the
// importer's recogniser. Results are cached per node, so typing re-reads only the edited task.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { touchedBlocks } from './changed-blocks';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';
import { findTargets } from '../../../shared/import/targets';

const cache = new WeakMap<PMNode, Array<[number, number]>>();

/** Offsets of the targets inside a textblock's text. */
function targetRanges(textblock: PMNode): Array<[number, number]> {
  let ranges = cache.get(textblock);
  if (ranges) return ranges;
  ranges = [];
  const text = textblock.textBetween(0, textblock.content.size, '\n', '\n');
  let from = 0;
  for (const t of findTargets(text)) {
    let at = text.indexOf(t.text, from);
    if (at < 0) at = text.indexOf(t.text);
    if (at >= 0) {
      ranges.push([at, at + t.text.length]);
      from = at + t.text.length;
    }
  }
  cache.set(textblock, ranges);
  return ranges;
}

function blockDecorations(block: PMNode, offset: number, decos: Decoration[]): void {
  const name = block.type.name;
  const parts: Array<[PMNode, number]> = [];
  if (name === 'planTask') {
    let inner = offset + 1;
    block.forEach((child) => {
      parts.push([child, inner + 1]);
      inner += child.nodeSize;
    });
  } else if (name === 'paragraph') {
    parts.push([block, offset + 1]);
  }
  for (const [textblock, start] of parts) {
    for (const [a, b] of targetRanges(textblock)) decos.push(Decoration.inline(start + a, start + b, { class: 'target-mark' }));
  }
}

function build(doc: PMNode): DecorationSet {
  const decos: Decoration[] = [];
  doc.forEach((block, offset) => blockDecorations(block, offset, decos));
  return DecorationSet.create(doc, decos);
}

/** Typing touches one block: map the rest, redo only the touched blocks. */
function update(tr: Transaction, old: DecorationSet): DecorationSet {
  const touched = touchedBlocks(tr);
  if (touched.length > 20) return build(tr.doc);
  let set = old.map(tr.mapping, tr.doc);
  for (const { pos, index } of touched) {
    const block = tr.doc.child(index);
    set = set.remove(set.find(pos, pos + block.nodeSize));
    const decos: Decoration[] = [];
    blockDecorations(block, pos, decos);
    if (decos.length) set = set.add(tr.doc, decos);
  }
  return set;
}

const key = new PluginKey<DecorationSet>('plandesk-targets');

export const TargetHighlight = Extension.create({
  name: 'targetHighlight',
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
