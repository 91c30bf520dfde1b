// The blocks holding the selection's ends are marked has-cursor, so the stylesheet's
// content-visibility (blocks off screen skip layout) never applies to the block being typed in.
import { EditorState, TextSelection } from '@tiptap/pm/state';
import type { DecorationSet } from '@tiptap/pm/view';
import { describe, expect, it } from 'vitest';
import { CursorBlock } from '../../renderer/src/editor/cursor-block-plugin';
import { decorationsOf, docOf, H, P, pluginsOf, T } from './pm-harness';

const doc = docOf([P('导语。'), H(1, '总体要求'), T(2, '加强考核', '覆盖率达到100%。'), T(2, '开展检查', '每月至少1次。')]);
const [plugin] = pluginsOf(CursorBlock);

function marked(from: number, to = from): Array<[number, number]> {
  const state = EditorState.create({ doc, plugins: [plugin!], selection: TextSelection.create(doc, from, to) });
  const set = plugin!.props.decorations!.call(plugin!, state) as DecorationSet;
  return decorationsOf(set)
    .filter((d) => d.attrs.class === 'has-cursor')
    .map((d) => [d.from, d.to]);
}

/** Start and end of each top-level block. */
const blocks: Array<[number, number]> = [];
doc.forEach((b, pos) => blocks.push([pos, pos + b.nodeSize]));

describe('cursor block', () => {
  it('marks exactly the top-level block holding the caret, wherever it is', () => {
    doc.descendants((node, pos) => {
      if (!node.isTextblock) return true;
      const inside = pos + 1;
      const top = blocks.find(([a, b]) => inside > a && inside < b)!;
      expect(marked(inside)).toEqual([top]);
      return false;
    });
  });

  it('marks the blocks at both ends of a selection across blocks, and only those', () => {
    const from = blocks[0]![0] + 2;
    const to = blocks[3]![0] + 3;
    expect(marked(from, to)).toEqual([blocks[0], blocks[3]]);
  });
});
