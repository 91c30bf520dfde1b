// 校对 findings grouped by kind (issue 18), and a group's “全部修正”: every fix of the kind
// applied as ONE editor transaction, so one Ctrl+Z restores them all.
import { getSchema } from '@tiptap/core';
import { history, undo } from '@tiptap/pm/history';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import type { Editor } from '@tiptap/react';
import { describe, expect, it } from 'vitest';
import { groupChecks, runChecks } from '../../shared/checks/index';
import type { FlatBlock } from '../../shared/plan/flat';
import { blocksToEditorJSON, editorDocToBlocks } from '../../renderer/src/editor/convert';
import { applyBlockPatches } from '../../renderer/src/editor/patch';
import { planSchemaExtensions } from '../../renderer/src/editor/schema';

const schema = getSchema(planSchemaExtensions);

const task = (title: string, text: string, extra: Partial<Extract<FlatBlock, { type: 'task' }>> = {}): FlatBlock => ({
  type: 'task',
  level: 3,
  title,
  text,
  lead: [],
  support: ['县应急局', '县公安局'],
  targets: [],
  ...extra,
});

const BLOCKS: FlatBlock[] = [
  { type: 'heading', level: 1, title: '重点工作' },
  { type: 'heading', level: 2, title: '压实责任' },
  task('加强危险化学品安全监管。', '开展检查,做到全覆盖(每季度一次)。', { lead: ['县应急局'], support: ['各乡镇'] }),
  task('推进森林防火。', '组建队伍;落实责任。', { lead: ['县林业局'], support: ['各乡镇'] }),
  task('强化道路交通安全。', '整治隐患:严查超载。', { lead: ['县公安局'], support: ['县交通局'] }),
  task('抓好校园安全。', '开展演练。'),
];
const META = { title: '2021年全县安全生产工作要点', year: 2021, addressees: [], cc: [] };
const NUMBERING = { perLevel: ['restart', 'restart', 'continuous', 'restart'] as const } as never;

/** A headless editor: state plus dispatch, which is all applyBlockPatches uses. */
function fakeEditor() {
  // newGroupDelay 0: separate transactions would be separate undo steps.
  let state = EditorState.create({ schema, doc: schema.nodeFromJSON(blocksToEditorJSON(BLOCKS)), plugins: [history({ newGroupDelay: 0 })] });
  let transactions = 0;
  const editor = {
    get state() {
      return state;
    },
    view: {
      dispatch(tr: Transaction) {
        transactions++;
        state = state.apply(tr);
      },
    },
  };
  return {
    editor: editor as unknown as Editor,
    get state() {
      return state;
    },
    get transactions() {
      return transactions;
    },
    undo() {
      undo(state, (tr) => (state = state.apply(tr)));
    },
  };
}

const texts = (s: EditorState) => editorDocToBlocks(s.doc).map((b) => ('text' in b ? b.text : ''));

describe('checks grouped by kind', () => {
  const checks = runChecks({ meta: META, blocks: BLOCKS, numbering: NUMBERING });

  it('one group per kind with its count, the fixes of blocks one per block', () => {
    const groups = groupChecks(checks);
    const punct = groups.find((g) => g.kind === 'halfwidth-punct')!;
    expect(punct.label).toBe('半角标点');
    expect(punct.checks).toHaveLength(3);
    expect(punct.blockFixes.map((f) => f.blockIndex)).toEqual([2, 3, 4]);
    expect(groups.find((g) => g.kind === 'lead-missing')?.checks).toHaveLength(1);
    expect(groups.reduce((n, g) => n + g.checks.length, 0)).toBe(checks.length);
  });

  it('全部修正 applies every fix of the kind in one transaction; one undo restores them all', () => {
    const punct = groupChecks(checks).find((g) => g.kind === 'halfwidth-punct')!;
    const ed = fakeEditor();
    const before = texts(ed.state);
    applyBlockPatches(
      ed.editor,
      punct.blockFixes.map((f) => ({ blockIndex: f.blockIndex!, patch: f.patch as Partial<FlatBlock> })),
    );
    expect(ed.transactions).toBe(1);
    const after = editorDocToBlocks(ed.state.doc);
    expect(runChecks({ meta: META, blocks: after, numbering: NUMBERING }).filter((c) => c.code === 'halfwidth-punct')).toEqual([]);
    expect(texts(ed.state)[2]).toBe('开展检查，做到全覆盖（每季度一次）。');
    ed.undo();
    expect(texts(ed.state)).toEqual(before);
  });
});
