// Swap the whole editor document for a stored body, as one editor step (so Ctrl+Z undoes it).
import type { Editor } from '@tiptap/react';
import { bodyToBlocks } from '../../../shared/plan/flat';
import type { BodyNode } from '../../../shared/plan/schema';
import { blocksToEditorJSON } from './convert';

export function replaceBody(editor: Editor, body: readonly BodyNode[]) {
  const json = blocksToEditorJSON(bodyToBlocks(body));
  const nodes = (json.content ?? []).map((c) => editor.state.schema.nodeFromJSON(c));
  editor.view.dispatch(editor.state.tr.replaceWith(0, editor.state.doc.content.size, nodes));
}
