// Marks the top-level blocks holding the selection's ends with `has-cursor`. The stylesheet lets
// blocks off screen skip layout (content-visibility: auto, issue 17) except these: a block the
// caret has just entered — a new task made by Enter, a block scrolled to by a jump — is then
// laid out from its first frame, so the browser never reads or places the caret in a skipped one.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

const key = new PluginKey('plandesk-cursor-block');

function cursorBlocks(state: EditorState): DecorationSet {
  const { doc, selection } = state;
  const decorations: Decoration[] = [];
  const seen = new Set<number>();
  for (const $pos of [selection.$from, selection.$to]) {
    if ($pos.depth < 1) continue;
    const start = $pos.before(1);
    if (seen.has(start)) continue;
    seen.add(start);
    decorations.push(Decoration.node(start, start + $pos.node(1).nodeSize, { class: 'has-cursor' }));
  }
  return DecorationSet.create(doc, decorations);
}

export const CursorBlock = Extension.create({
  name: 'cursorBlock',
  addProseMirrorPlugins() {
    return [new Plugin({ key, props: { decorations: cursorBlocks } })];
  },
});
