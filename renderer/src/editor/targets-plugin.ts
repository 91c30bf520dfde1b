// Highlights measurable targets in tasks ("覆盖率达到100%", "至少开展1次", "年底前") with the
// importer's recogniser. Results are cached per node, so typing re-reads only the edited task.
import { Decoration } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';
import { findTargets } from '../../../shared/import/targets';
import { blockDecorationExtension } from './block-decorations';

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

export const TargetHighlight = blockDecorationExtension('targetHighlight', (block, offset, out) => {
  const parts: Array<[PMNode, number]> = [];
  if (block.type.name === 'planTask') {
    let inner = offset + 1;
    block.forEach((child) => {
      parts.push([child, inner + 1]);
      inner += child.nodeSize;
    });
  } else if (block.type.name === 'paragraph') {
    parts.push([block, offset + 1]);
  }
  for (const [textblock, start] of parts) {
    for (const [a, b] of targetRanges(textblock)) out.push(Decoration.inline(start + a, start + b, { class: 'target-mark' }, { key: 'target' }));
  }
});
