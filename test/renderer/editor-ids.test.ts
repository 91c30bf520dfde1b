// Node ids in the editor (issue 14): an attribute of every block, kept through edits, moves,
// undo and redo and the round trip to the exchange format; a block without one, a duplicate
// (the first keeps it) and a pasted copy get new ones.
import { getSchema } from '@tiptap/core';
import { Slice } from '@tiptap/pm/model';
import { history, redo, undo } from '@tiptap/pm/history';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { describe, expect, it } from 'vitest';
import { blocksToEditorJSON, editorDocToBlocks } from '../../renderer/src/editor/convert';
import { nodeIdsPlugin } from '../../renderer/src/editor/ids-plugin';
import { planSchemaExtensions } from '../../renderer/src/editor/schema';
import type { FlatBlock } from '../../shared/plan/flat';
import { isNodeId } from '../../shared/plan/ids';
import { ySyncPluginKey } from 'y-prosemirror';

const schema = getSchema(planSchemaExtensions);

const BLOCKS: FlatBlock[] = [
  { type: 'heading', id: 'head000001', level: 1, title: '重点工作' },
  { type: 'task', id: 'taskA00001', level: 3, title: '加强危险化学品安全监管', text: '开展全覆盖检查。', lead: ['县应急局'], support: [], targets: [] },
  { type: 'task', id: 'taskB00002', level: 3, title: '推进森林防火', text: '组建专业队伍。', lead: [], support: [], targets: [] },
  { type: 'paragraph', id: 'para000003', text: '各地要抓好落实。', under: 1 },
];

function state(blocks = BLOCKS): EditorState {
  return EditorState.create({ schema, doc: schema.nodeFromJSON(blocksToEditorJSON(blocks)), plugins: [history(), nodeIdsPlugin()] });
}

function apply(s: EditorState, tr: Transaction): EditorState {
  return s.applyTransaction(tr).state;
}

const ids = (s: EditorState) => editorDocToBlocks(s.doc).map((b) => b.id);

function run(s: EditorState, cmd: typeof undo): EditorState {
  let next = s;
  cmd(s, (tr) => (next = apply(s, tr)));
  return next;
}

describe('node ids in the editor', () => {
  it('survive the round trip blocks → editor → blocks', () => {
    expect(editorDocToBlocks(state().doc)).toEqual(BLOCKS);
  });

  it('are kept through a move (delete + insert) and undo / redo', () => {
    let s = state();
    const first = s.doc.child(1);
    const at = first.nodeSize;
    // Move task A after task B, as Alt+↓ does: one transaction.
    const posA = s.doc.child(0).nodeSize;
    const tr = s.tr.delete(posA, posA + at);
    tr.insert(posA + s.doc.child(2).nodeSize, first);
    s = apply(s, tr);
    expect(ids(s)).toEqual(['head000001', 'taskB00002', 'taskA00001', 'para000003']);
    s = run(s, undo);
    expect(ids(s)).toEqual(['head000001', 'taskA00001', 'taskB00002', 'para000003']);
    s = run(s, redo);
    expect(ids(s)).toEqual(['head000001', 'taskB00002', 'taskA00001', 'para000003']);
  });

  it('a split paragraph: the first half keeps the id, the second gets a new one; undo removes it', () => {
    let s = state();
    const paraPos = s.doc.content.size - s.doc.lastChild!.nodeSize;
    s = apply(s, s.tr.split(paraPos + 1 + 4));
    const after = ids(s);
    expect(after.slice(0, 4)).toEqual(['head000001', 'taskA00001', 'taskB00002', 'para000003']);
    expect(isNodeId(after[4])).toBe(true);
    expect(new Set(after).size).toBe(after.length);
    s = run(s, undo);
    expect(ids(s)).toEqual(['head000001', 'taskA00001', 'taskB00002', 'para000003']);
  });

  it('a new block gets an id; a duplicated block gets a new one and the first keeps its own', () => {
    let s = state();
    s = apply(s, s.tr.insert(s.doc.content.size, schema.nodes.paragraph!.create({ under: 0 }, schema.text('新段落'))));
    expect(isNodeId(ids(s)[4])).toBe(true);
    // Duplicate task A right after itself (same attributes, same id).
    const posA = s.doc.child(0).nodeSize;
    s = apply(s, s.tr.insert(posA + s.doc.child(1).nodeSize, s.doc.child(1)));
    const after = ids(s);
    expect(after[1]).toBe('taskA00001');
    expect(after[2]).not.toBe('taskA00001');
    expect(isNodeId(after[2])).toBe(true);
    expect(new Set(after).size).toBe(after.length);
  });

  it('a pasted copy arrives without ids and gets new ones; a drag within the editor keeps them', () => {
    const s = state();
    const plugin = s.plugins.find((p) => p.props.transformPasted)!;
    const slice = new Slice(s.doc.content.cut(s.doc.child(0).nodeSize, s.doc.child(0).nodeSize + s.doc.child(1).nodeSize), 0, 0);
    const pasted = plugin.props.transformPasted!.call(plugin, slice, { dragging: null } as unknown as EditorView, false);
    expect(pasted.content.child(0).attrs.id).toBeNull();
    const dragged = plugin.props.transformPasted!.call(plugin, slice, { dragging: { slice, move: true } } as unknown as EditorView, false);
    expect(dragged.content.child(0).attrs.id).toBe('taskA00001');
    // Pasting the copy before the original: the original keeps its id, the copy gets a new one.
    const next = apply(s, s.tr.replace(s.doc.child(0).nodeSize, s.doc.child(0).nodeSize, pasted));
    const after = ids(next);
    expect(after[2]).toBe('taskA00001');
    expect(after[1]).not.toBe('taskA00001');
    expect(isNodeId(after[1])).toBe(true);
  });
});

describe('the ids plugin stays out of typing', () => {
  it('a keystroke does not walk the document; a block-adding change does', () => {
    // A document with a block lacking an id: typing leaves it alone (it cannot have made it),
    // inserting a block repairs everything.
    let s = state([{ type: 'paragraph', text: '甲', under: 0 }, ...BLOCKS.slice(1)]);
    s = apply(s, s.tr.insertText('乙', 1));
    expect(ids(s)[0]).toBeUndefined();
    s = apply(s, s.tr.insert(s.doc.content.size, schema.nodes.paragraph!.create({ under: 0 })));
    expect(isNodeId(ids(s)[0])).toBe(true);
  });
});

describe('node ids in team mode', () => {
  it('leave a change from the shared document alone (its author gave the ids); a local one still gets them', () => {
    const s = state();
    const taskWithoutId = () => schema.nodes.planTask!.create({ level: 3 }, [schema.nodes.taskTitle!.create(), schema.nodes.taskBody!.create()]);
    // y-prosemirror's own key: the meta the editor sees for another person's change.
    const remote = apply(s, s.tr.insert(s.doc.content.size, taskWithoutId()).setMeta(ySyncPluginKey, { isChangeOrigin: true }));
    expect(ids(remote).at(-1)).toBeUndefined();
    const local = apply(s, s.tr.insert(s.doc.content.size, taskWithoutId()));
    expect(isNodeId(ids(local).at(-1))).toBe(true);
  });
});
