// The numbering plugin and the plan keymap on a headless ProseMirror state (no browser):
// labels after insert / move / re-level / typing, and what Enter, Tab, Shift-Tab, Backspace,
// Alt-↑/↓ and Mod-Alt-n do to the flat block list.
import { getExtensionField } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { Numbering, numberingKey, outlineEntries } from '../../renderer/src/editor/numbering-plugin';
import { PlanKeymap } from '../../renderer/src/editor/keymap';
import { changeLevel, insertBlockAfter, moveSection } from '../../renderer/src/editor/structure';
import type { NumberingSettings } from '../../shared/plan/schema';
import { H, Harness, P, pluginsOf, T } from './pm-harness';

const SAMPLE = [
  H(1, '总体要求'),
  H(2, '加强管理'),
  T(3, '开展检查', '每月一次。'),
  T(3, '组织培训', '全员参加。'),
  H(2, '强化考核'),
  T(3, '严格考核', '年底考核。'),
];

function harness(blocks = SAMPLE, settings?: NumberingSettings) {
  return new Harness(blocks, pluginsOf(settings ? Numbering.configure({ settings }) : Numbering));
}

/** The labels in document order, each checked to be shown on a heading or task (and only there). */
function labels(h: Harness): string[] {
  const state = numberingKey.getState(h.state)!;
  const out: string[] = [];
  h.state.doc.forEach((node, _pos, index) => {
    const label = state.byIndex[index]!;
    expect(label !== '').toBe(['planHeading', 'planTask'].includes(node.type.name));
    if (label) out.push(label);
  });
  expect(state.byIndex.length).toBe(h.state.doc.childCount);
  expect(state.labels).toEqual(out);
  return out;
}

describe('numbering plugin', () => {
  it('labels headings and tasks by level, restarting under each parent', () => {
    const h = harness();
    expect(labels(h)).toEqual(['一、', '（一）', '1.', '2.', '（二）', '1.']);
    expect(outlineEntries(h.state).map((e) => `${e.label}${e.title}`)).toEqual([
      '一、总体要求',
      '（一）加强管理',
      '1.开展检查',
      '2.组织培训',
      '（二）强化考核',
      '1.严格考核',
    ]);
  });

  it('continuous numbering carries task numbers over headings', () => {
    const h = harness(SAMPLE, { perLevel: ['restart', 'restart', 'continuous', 'restart'] });
    expect(labels(h)).toEqual(['一、', '（一）', '1.', '2.', '（二）', '3.']);
  });

  it('recomputes after a task is inserted', () => {
    const h = harness();
    h.cursor(2, 2);
    h.apply(insertBlockAfter(h.state, 'task', 3));
    expect(h.shape[3]).toBe('t3 |');
    expect(labels(h)).toEqual(['一、', '（一）', '1.', '2.', '3.', '（二）', '1.']);
  });

  it('recomputes after a section moves', () => {
    const h = harness();
    h.cursor(4, 0); // （二）强化考核 with its task
    h.apply(moveSection(h.state, -1));
    expect(h.shape.map((s) => s.split('|')[0])).toEqual(['h1 总体要求', 'h2 强化考核', 't3 严格考核', 'h2 加强管理', 't3 开展检查', 't3 组织培训']);
    expect(labels(h)).toEqual(['一、', '（一）', '1.', '（二）', '1.', '2.']);
  });

  it('recomputes after a re-level', () => {
    const h = harness();
    h.cursor(3, 0);
    h.apply(changeLevel(h.state, 1));
    expect(labels(h)).toEqual(['一、', '（一）', '1.', '（1）', '（二）', '1.']);
  });

  it('typing inside a block keeps the labels (the same state, nothing recomputed)', () => {
    const h = harness();
    const old = numberingKey.getState(h.state)!;
    h.cursor(0, 4);
    h.dispatch(h.state.tr.insertText('和目标'));
    expect(numberingKey.getState(h.state)).toBe(old);
    expect(labels(h)).toEqual(['一、', '（一）', '1.', '2.', '（二）', '1.']);
  });

  it('setNumbering switches the settings without touching the document', () => {
    const h = harness();
    const commands = getExtensionField<() => Record<string, (s: NumberingSettings) => (p: { tr: unknown; dispatch: unknown }) => boolean>>(
      Numbering,
      'addCommands',
      { name: 'planNumbering', options: Numbering.options, storage: {}, editor: null, type: null } as never,
    )();
    const tr = h.state.tr;
    commands.setNumbering!({ perLevel: ['restart', 'restart', 'continuous', 'restart'] })({ tr, dispatch: () => undefined });
    h.dispatch(tr);
    expect(labels(h)).toEqual(['一、', '（一）', '1.', '2.', '（二）', '3.']);
  });
});

describe('plan keymap', () => {
  function keyed(blocks = SAMPLE) {
    const h = harness(blocks);
    const keys = shortcuts(h);
    return { h, keys };
  }
  const shortcuts = (h: Harness) => {
    const bound = getExtensionField<() => Record<string, (a: unknown) => boolean>>(PlanKeymap, 'addKeyboardShortcuts', {
      name: 'planKeymap',
      options: {},
      storage: {},
      editor: h.editor,
      type: null,
    } as never)();
    return (key: string) => bound[key]!({ editor: h.editor });
  };

  it('Enter at the end of a task starts the next task at the same level, cursor in its title', () => {
    const { h, keys } = keyed();
    h.cursor(3, '全员参加。'.length, 'body');
    expect(keys('Enter')).toBe(true);
    expect(h.shape.slice(3, 5)).toEqual(['t3 组织培训|全员参加。', 't3 |']);
    expect(h.state.selection.$head.parent.type.name).toBe('taskTitle');
    expect(h.state.selection.$head.index(0)).toBe(4);
    expect(labels(h)).toEqual(['一、', '（一）', '1.', '2.', '3.', '（二）', '1.']);
  });

  it('Enter inside the title moves the rest of the title to the start of the body', () => {
    const { h, keys } = keyed();
    h.cursor(2, 2);
    expect(keys('Enter')).toBe(true);
    expect(h.shape[2]).toBe('t3 开展|检查每月一次。');
    expect(h.state.selection.$head.parent.type.name).toBe('taskBody');
    expect(h.state.selection.$head.parentOffset).toBe(0);
  });

  it('Enter inside a body inserts a line break; at the end of a heading, a paragraph under it', () => {
    const { h, keys } = keyed();
    h.cursor(2, 2, 'body');
    expect(keys('Enter')).toBe(true);
    expect(h.state.doc.child(2).child(1).childCount).toBe(3); // text, hardBreak, text
    h.cursor(1, '加强管理'.length);
    expect(keys('Enter')).toBe(true);
    expect(h.shape[2]).toBe('p2 ');
    expect(h.state.selection.$head.parent.type.name).toBe('paragraph');
  });

  it('Tab and Shift-Tab change the level within bounds', () => {
    const { h, keys } = keyed();
    h.cursor(3, 0);
    expect(keys('Tab')).toBe(true);
    expect(h.shape[3]).toMatch(/^t4 /);
    expect(keys('Tab')).toBe(true); // consumed, but 4 is the deepest level
    expect(h.shape[3]).toMatch(/^t4 /);
    expect(keys('Shift-Tab')).toBe(true);
    expect(keys('Shift-Tab')).toBe(true);
    expect(h.shape[3]).toMatch(/^t2 /);
    keys('Shift-Tab'); // a task is never level 1
    expect(h.shape[3]).toMatch(/^t2 /);
    expect(labels(h)).toEqual(['一、', '（一）', '1.', '（二）', '（三）', '1.']);
  });

  it('Alt-ArrowDown and Alt-ArrowUp move a task among its siblings', () => {
    const { h, keys } = keyed();
    h.cursor(2, 0);
    expect(keys('Alt-ArrowDown')).toBe(true);
    expect(h.shape.slice(2, 4).map((s) => s.split('|')[0])).toEqual(['t3 组织培训', 't3 开展检查']);
    expect(h.state.selection.$head.index(0)).toBe(3); // the cursor moves with the task
    expect(keys('Alt-ArrowDown')).toBe(false); // the next block is a higher section
    expect(keys('Alt-ArrowUp')).toBe(true);
    expect(h.shape[2]).toMatch(/^t3 开展检查/);
  });

  it('Mod-Alt-1 turns a task into a heading, Mod-Alt-3 a heading into a task', () => {
    const { h, keys } = keyed();
    h.cursor(2, 1);
    expect(keys('Mod-Alt-1')).toBe(true);
    expect(h.shape[2]).toBe('h1 开展检查');
    h.cursor(2, 1);
    expect(keys('Mod-Alt-3')).toBe(true);
    expect(h.shape[2]).toBe('t3 开展检查|');
    expect(h.state.selection.$head.index(0)).toBe(2);
    expect(h.state.selection.$head.parent.type.name).toBe('taskTitle');
  });

  // Was a bug: setLevel's task → heading branch set no selection, so the cursor was mapped out
  // of the replaced block into the next one, and a second Mod-Alt-n changed that block.
  it('keeps the cursor in a task that Mod-Alt-1 turned into a heading', () => {
    const { h, keys } = keyed();
    h.cursor(2, 1);
    keys('Mod-Alt-1');
    expect(h.state.selection.$head.index(0)).toBe(2);
  });

  it('Mod-Alt-t inserts a task after the current block', () => {
    const { h, keys } = keyed();
    h.cursor(1, 0);
    expect(keys('Mod-Alt-t')).toBe(true);
    expect(h.shape[2]).toBe('t3 |');
  });

  it('Backspace at the start of a body goes to the end of the title, never merging', () => {
    const { h, keys } = keyed();
    h.cursor(2, 0, 'body');
    expect(keys('Backspace')).toBe(true);
    expect(h.state.selection.$head.parent.type.name).toBe('taskTitle');
    expect(h.state.selection.$head.parentOffset).toBe('开展检查'.length);
    expect(keys('Backspace')).toBe(false); // inside text: ordinary deletion
    h.cursor(2, 0);
    expect(keys('Backspace')).toBe(true);
    expect(h.shape[2]).toBe('t3 开展检查|每月一次。');
    expect(h.state.selection.$head.index(0)).toBe(1);
  });

  it('Backspace in an empty task turns it into a paragraph under its parent level', () => {
    const { h, keys } = keyed([H(1, '总体要求'), T(3, ''), P('后文')]);
    h.cursor(1, 0);
    expect(keys('Backspace')).toBe(true);
    expect(h.shape).toEqual(['h1 总体要求', 'p2 ', 'p0 后文']);
  });

  it('leaves Enter alone while an IME composition is open', () => {
    const { h, keys } = keyed();
    h.cursor(3, 2, 'body');
    h.composing = true;
    expect(keys('Enter')).toBe(false);
    expect(h.shape).toHaveLength(SAMPLE.length);
  });
});
