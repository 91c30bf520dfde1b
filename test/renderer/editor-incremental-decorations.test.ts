// The decoration plugins update incrementally (only the touched blocks are decorated again, the
// rest mapped) and the numbering labels are kept while the blocks' kinds and levels stay: after
// any sequence of edits they must be exactly what a full computation over the new document gives.
import { EditorState, type Plugin, type Transaction } from '@tiptap/pm/state';
import type { DecorationSet } from '@tiptap/pm/view';
import { describe, expect, it } from 'vitest';
import { Numbering, numberingKey } from '../../renderer/src/editor/numbering-plugin';
import { TargetHighlight } from '../../renderer/src/editor/targets-plugin';
import { TitleStop } from '../../renderer/src/editor/title-stop-plugin';
import { decorationsOf, H, Harness, P, pluginsOf, T } from './pm-harness';
import { rng as random } from '../helpers/rng';

const SAMPLE = [
  P('为深入贯彻落实安全生产决策部署，现提出如下要点。'),
  H(1, '总体要求'),
  T(2, '加强考核', '覆盖率达到100%。'),
  T(3, '已有句号。', '年底前完成。'),
  H(1, '重点任务'),
  H(2, '专项整治'),
  T(3, '开展检查', '每月至少开展1次。', ['县应急局']),
  T(3, '组织培训', '全员参加。'),
  P('以上各项抓好落实。', 2),
];

/** Text pieces that change decorations: a sentence end (the title's 。), targets, plain text. */
const PIECES = ['。', '达到100%', '年底前', '至少开展2次', '加强', '测', '，', '建立健全'];

/** Positions inside textblocks (where typing happens). */
function textPositions(state: EditorState): number[] {
  const out: number[] = [];
  state.doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    for (let i = 0; i <= node.content.size; i++) out.push(pos + 1 + i);
    return false;
  });
  return out;
}

/** One random edit: typing, replacing, deleting across blocks, splitting or joining blocks. */
function randomEdit(state: EditorState, rnd: () => number): Transaction | null {
  const at = textPositions(state);
  const pick = () => at[Math.floor(rnd() * at.length)]!;
  const piece = PIECES[Math.floor(rnd() * PIECES.length)]!;
  const tr = state.tr;
  const kind = rnd();
  try {
    if (kind < 0.45) tr.insertText(piece, pick());
    else if (kind < 0.6) {
      const a = pick();
      tr.insertText(piece, a, Math.min(a + 1 + Math.floor(rnd() * 3), state.doc.resolve(a).end()));
    } else if (kind < 0.75) {
      const [a, b] = [pick(), pick()].sort((x, y) => x - y);
      if (a === b) return null;
      tr.delete(a!, b!);
    } else if (kind < 0.9) tr.split(pick());
    else {
      const a = pick();
      const $a = state.doc.resolve(a);
      if ($a.depth !== 1 || $a.index(0) === 0) return null;
      tr.join($a.before(1));
    }
  } catch {
    return null;
  }
  return tr.docChanged ? tr : null;
}

/** What a test compares: place, attributes and key of every decoration (the numbering: its labels). */
function view(plugin: Plugin, state: EditorState) {
  if (plugin.spec.key === numberingKey) return numberingKey.getState(state)!.byIndex;
  return decorationsOf(plugin.getState(state) as DecorationSet).map((d) => ({ from: d.from, to: d.to, attrs: d.attrs, key: d.spec.key }));
}

describe('incremental decorations and labels equal a full computation', () => {
  for (const [name, ext] of [
    ['title stop', TitleStop],
    ['targets', TargetHighlight],
    ['numbering', Numbering],
  ] as const) {
    it(`${name}: after each of 300 random edits, for 4 seeds`, () => {
      for (const seed of [1, 2, 3, 4]) {
        const rnd = random(seed);
        const h = new Harness(SAMPLE, pluginsOf(ext));
        const plugin = h.state.plugins[0]!;
        let edits = 0;
        for (let step = 0; step < 300; step++) {
          const tr = randomEdit(h.state, rnd);
          if (!tr) continue;
          h.dispatch(tr);
          edits++;
          const full = EditorState.create({ doc: h.state.doc, plugins: h.state.plugins });
          expect(view(plugin, h.state), `seed ${seed}, step ${step}`).toEqual(view(plugin, full));
        }
        expect(edits).toBeGreaterThan(150);
      }
    });
  }

  it('typing in a task’s body keeps its title stop (the same widget, so the view does not draw it again)', () => {
    const h = new Harness(SAMPLE, pluginsOf(TitleStop));
    const plugin = h.state.plugins[0]!;
    const widgetSpecs = () => decorationsOf(plugin.getState(h.state)).map((d) => d.spec);
    const before = widgetSpecs();
    expect(before.length).toBe(3);
    h.dispatch(h.state.tr.insertText('测', h.find('每月至少') + 2));
    const after = widgetSpecs();
    expect(after.length).toBe(3);
    after.forEach((spec, i) => expect(spec).toBe(before[i]));
  });
});
