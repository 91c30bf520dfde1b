// 修订 mode (issue 18 leftovers): edits that do not come from the keyboard — a 校对 quick fix,
// a group's 全部修正, find/replace (all through patch.ts), and dragging text — are suggestions
// too: what they remove is marked deleted and kept, what they add is marked inserted.
import type { Editor } from '@tiptap/react';
import { Fragment, Slice } from '@tiptap/pm/model';
import type { EditorView } from '@tiptap/pm/view';
import { describe, expect, it } from 'vitest';
import { applyBlockPatch, applyBlockPatches } from '../../renderer/src/editor/patch';
import { listSuggestions, suggestKey, SuggestMode, type Suggester } from '../../renderer/src/review/suggest-mode';
import { H, Harness, pluginsOf, T, schema } from './pm-harness';

const who: Suggester = { name: '王五', unit: '县住建局' };
const BLOCKS = [H(1, '总体要求'), T(3, '开展检查,全覆盖', '每月一次(重点企业)。'), T(3, '组织培训', '全员参加;每年两次。')];

function setup(suggesting: boolean) {
  const p = pluginsOf(SuggestMode)[0]!;
  const h = new Harness(BLOCKS, [p]);
  if (suggesting) h.dispatch(h.state.tr.setMeta(suggestKey, { enabled: true, who }));
  return { h, p, editor: h.editor as Editor };
}

/** The text of a block's part with deleted text in [-…-] and inserted text in [+…+]. */
function marked(h: Harness, block: number, part: 0 | 1): string {
  let out = '';
  h.state.doc
    .child(block)
    .child(part)
    .forEach((n) => {
      const m = n.marks.find((x) => x.type.name === 'insertion' || x.type.name === 'deletion');
      out += !m ? n.text! : m.type.name === 'deletion' ? `[-${n.text!}-]` : `[+${n.text!}+]`;
    });
  return out;
}

describe('修订: quick fixes, 全部修正 and find/replace are suggestions', () => {
  it('a quick fix outside 修订 replaces the text as before', () => {
    const { h, editor } = setup(false);
    applyBlockPatch(editor, 1, { title: '开展检查，全覆盖' });
    expect(marked(h, 1, 0)).toBe('开展检查，全覆盖');
    expect(listSuggestions(h.state.doc)).toEqual([]);
  });

  it('a quick fix in 修订 keeps the old character as a deletion and adds the new one as an insertion', () => {
    const { h, editor } = setup(true);
    applyBlockPatch(editor, 1, { title: '开展检查，全覆盖' });
    expect(marked(h, 1, 0)).toBe('开展检查[-,-][+，+]全覆盖');
    const list = listSuggestions(h.state.doc);
    expect(list.map((s) => [s.kind, s.author, s.unit])).toEqual([
      ['deletion', '王五', '县住建局'],
      ['insertion', '王五', '县住建局'],
    ]);
  });

  it('全部修正 in 修订: every fix of the group a suggestion, in one transaction', () => {
    const { h, editor } = setup(true);
    applyBlockPatches(editor, [
      { blockIndex: 1, patch: { text: '每月一次（重点企业）。' } },
      { blockIndex: 2, patch: { text: '全员参加；每年两次。' } },
    ]);
    expect(marked(h, 1, 1)).toBe('每月一次[-(-][+（+]重点企业[-)-][+）+]。');
    expect(marked(h, 2, 1)).toBe('全员参加[-;-][+；+]每年两次。');
  });

  it('a pure deletion in 修订 is only marked, nothing is removed', () => {
    const { h, editor } = setup(true);
    applyBlockPatch(editor, 2, { text: '全员参加。' });
    expect(marked(h, 2, 1)).toBe('全员参加[-;每年两次-]。');
  });
});

describe('修订: dragging text', () => {
  /** The view a drop handler uses: state, dispatch, and a posAtCoords that answers `pos`. */
  function dropView(h: Harness, pos: number): EditorView {
    return Object.assign(Object.create(h) as object, {
      posAtCoords: () => ({ pos, inside: -1 }),
      state: h.state,
      dispatch: h.dispatch,
    }) as unknown as EditorView;
  }

  it('moving text leaves it marked deleted where it was and marked inserted where it is dropped', () => {
    const { h, p } = setup(true);
    const from = h.find('重点企业');
    h.select(from, from + 4);
    const target = h.find('全员');
    const slice = new Slice(Fragment.from(schema.text('重点企业')), 0, 0);
    const handled = p.props.handleDrop!.call(p, dropView(h, target), { clientX: 0, clientY: 0 } as DragEvent, slice, true);
    expect(handled).toBe(true);
    expect(marked(h, 1, 1)).toBe('每月一次([-重点企业-])。');
    expect(marked(h, 2, 1)).toBe('[+重点企业+]全员参加;每年两次。');
  });

  it('a copy (Ctrl while dragging) only inserts', () => {
    const { h, p } = setup(true);
    const from = h.find('重点企业');
    h.select(from, from + 4);
    const slice = new Slice(Fragment.from(schema.text('重点企业')), 0, 0);
    p.props.handleDrop!.call(p, dropView(h, h.find('全员')), { clientX: 0, clientY: 0 } as DragEvent, slice, false);
    expect(marked(h, 1, 1)).toBe('每月一次(重点企业)。');
    expect(marked(h, 2, 1)).toBe('[+重点企业+]全员参加;每年两次。');
  });

  it('outside 修订 a drop is left to the editor', () => {
    const { h, p } = setup(false);
    const slice = new Slice(Fragment.from(schema.text('重点企业')), 0, 0);
    expect(p.props.handleDrop!.call(p, dropView(h, h.find('全员')), { clientX: 0, clientY: 0 } as DragEvent, slice, true)).toBe(false);
  });
});
