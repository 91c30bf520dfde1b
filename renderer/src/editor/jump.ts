import type { Editor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import { blockPositions } from './structure';

/** Puts the cursor at the start of top-level block `index` and scrolls it to the middle. */
export function jumpToBlock(editor: Editor, index: number): void {
  const positions = blockPositions(editor.state.doc);
  const pos = positions[index];
  if (pos === undefined) return;
  const tr = editor.state.tr.setSelection(TextSelection.near(editor.state.doc.resolve(pos + 1)));
  editor.view.dispatch(tr);
  editor.view.focus();
  const dom = editor.view.nodeDOM(pos);
  if (dom instanceof HTMLElement) {
    dom.scrollIntoView({ block: 'center' });
    dom.classList.add('flash');
    setTimeout(() => dom.classList.remove('flash'), 900);
  }
}

/**
 * Puts the cursor at the block with node id `id` (issue 14: panels address blocks by id, so a
 * click on a list made before the latest edit still finds its block, or nothing). False when
 * no block has that id.
 */
export function jumpToNodeId(editor: Editor, id: string): boolean {
  let index = -1;
  let k = 0;
  editor.state.doc.forEach((node) => {
    if (index < 0 && node.attrs.id === id) index = k;
    k++;
  });
  if (index < 0) return false;
  jumpToBlock(editor, index);
  return true;
}
