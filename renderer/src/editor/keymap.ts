// Keyboard behaviour a drafter expects, as one extension.
import { Extension } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { blockAt, changeLevel, insertBlockAfter, moveSection, newTaskNode, setLevel } from './structure';
import { requestUnitsEdit } from './task-view';

export const PlanKeymap = Extension.create({
  name: 'planKeymap',
  // Before TipTap's own Enter/Backspace (splitBlock would try to split a task title).
  priority: 1000,
  addKeyboardShortcuts() {
    const run = (tr: ReturnType<typeof changeLevel>) => {
      if (!tr) return false;
      this.editor.view.dispatch(tr);
      return true;
    };
    return {
      Tab: () => run(changeLevel(this.editor.state, 1)) || blockAt(this.editor.state) !== null,
      'Shift-Tab': () => run(changeLevel(this.editor.state, -1)) || blockAt(this.editor.state) !== null,
      'Alt-ArrowUp': () => run(moveSection(this.editor.state, -1)),
      'Alt-ArrowDown': () => run(moveSection(this.editor.state, 1)),
      'Mod-Alt-1': () => run(setLevel(this.editor.state, 'heading', 1)),
      'Mod-Alt-2': () => run(setLevel(this.editor.state, 'heading', 2)),
      'Mod-Alt-3': () => run(setLevel(this.editor.state, 'task', 3)),
      'Mod-Alt-4': () => run(setLevel(this.editor.state, 'task', 4)),
      // The units of the task the caret is in (its parenthetical, or the 设置责任单位 chip).
      'Mod-Alt-u': () => {
        const at = blockAt(this.editor.state);
        if (at?.node.type.name !== 'planTask') return false;
        requestUnitsEdit(this.editor.view.dom, at.pos);
        return true;
      },
      'Mod-Alt-t': () => {
        const at = blockAt(this.editor.state);
        const level =
          at?.node.type.name === 'planTask'
            ? (at.node.attrs.level as number)
            : at?.node.type.name === 'planHeading'
              ? Math.min(4, (at.node.attrs.level as number) + 1)
              : 3;
        return run(insertBlockAfter(this.editor.state, 'task', Math.max(2, level)));
      },
      Enter: () => {
        const { state } = this.editor;
        const { $head, empty } = state.selection;
        if (!empty || this.editor.view.composing) return false;
        const parent = $head.parent.type.name;
        if (parent === 'taskTitle') {
          // Enter in the title: what follows the cursor starts the body.
          const task = $head.node(1);
          const taskPos = $head.before(1);
          const rest = $head.parent.content.cut($head.parentOffset);
          const tr = state.tr.delete($head.pos, $head.end());
          const bodyStart = taskPos + 1 + tr.doc.nodeAt(taskPos)!.child(0).nodeSize + 1;
          tr.insert(bodyStart, rest);
          tr.setSelection(TextSelection.create(tr.doc, bodyStart));
          void task;
          this.editor.view.dispatch(tr.scrollIntoView());
          return true;
        }
        if (parent === 'taskBody') {
          const task = $head.node(1);
          if ($head.parentOffset < $head.parent.content.size) return this.editor.commands.insertContent({ type: 'hardBreak' });
          // At the end of a task: the next task at the same level.
          const tr = state.tr;
          const after = $head.after(1);
          tr.insert(after, newTaskNode(state.schema, task.attrs.level as number));
          tr.setSelection(TextSelection.create(tr.doc, after + 2));
          this.editor.view.dispatch(tr.scrollIntoView());
          return true;
        }
        if (parent === 'planHeading') {
          if ($head.parentOffset < $head.parent.content.size) return true; // a heading is one line
          const level = $head.parent.attrs.level as number;
          const tr = state.tr;
          const after = $head.after(1);
          tr.insert(after, state.schema.nodes.paragraph!.create({ under: level }));
          tr.setSelection(TextSelection.create(tr.doc, after + 1));
          this.editor.view.dispatch(tr.scrollIntoView());
          return true;
        }
        if (parent === 'paragraph') {
          // New paragraphs keep belonging where this one belongs.
          const under = $head.parent.attrs.under as number;
          return this.editor.chain().splitBlock().updateAttributes('paragraph', { under }).run();
        }
        return false;
      },
      Backspace: () => {
        const { state } = this.editor;
        const { $head, empty } = state.selection;
        if (!empty || $head.parentOffset !== 0) return false;
        const parent = $head.parent.type.name;
        if (parent === 'taskBody') {
          // Back from the body into the end of the title.
          const titleEnd = $head.before(2) - 1;
          this.editor.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, titleEnd)));
          return true;
        }
        if (parent === 'taskTitle') {
          const task = $head.node(1);
          if (task.textContent === '') {
            // An empty task becomes an empty paragraph.
            const pos = $head.before(1);
            const tr = state.tr.replaceWith(
              pos,
              pos + task.nodeSize,
              state.schema.nodes.paragraph!.create({ id: task.attrs.id ?? null, under: Math.max(0, (task.attrs.level as number) - 1) }),
            );
            tr.setSelection(TextSelection.create(tr.doc, pos + 1));
            this.editor.view.dispatch(tr);
            return true;
          }
          // Otherwise go to the end of the previous block; never merge a task into it.
          const before = $head.before(1);
          if (before === 0) return true;
          this.editor.view.dispatch(state.tr.setSelection(TextSelection.near(state.doc.resolve(before - 1), -1)));
          return true;
        }
        if (parent === 'planHeading' && $head.parent.content.size === 0) {
          const pos = $head.before(1);
          const tr = state.tr.setNodeMarkup(pos, state.schema.nodes.paragraph!, {
            id: $head.parent.attrs.id ?? null,
            under: Math.max(0, ($head.parent.attrs.level as number) - 1),
          });
          this.editor.view.dispatch(tr);
          return true;
        }
        return false;
      },
    };
  },
});
