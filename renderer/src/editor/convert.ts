// Plan body ⇄ editor document: both directions live in shared/plan/editor-json.ts, shared with
// the team server; here only how a ProseMirror node is read in place.
import type { Node as PMNode } from '@tiptap/pm/model';
import type { FlatBlock } from '../../../shared/plan/flat';
import { readBlocks, type NodeAccess } from '../../../shared/plan/editor-json';

export { blocksToEditorJSON, taskTargetsKey } from '../../../shared/plan/editor-json';

/** ProseMirror nodes as the shared block reader reads them. */
const PM_ACCESS: NodeAccess<PMNode> = {
  type: (n) => n.type.name,
  attrs: (n) => n.attrs as Record<string, unknown>,
  text: (n) => n.text ?? '',
  forEachChild: (n, f) => n.forEach((child) => f(child)),
  child: (n, i) => (i < n.childCount ? n.child(i) : undefined),
  forEachMark: (n, f) => {
    for (const m of n.marks) f(m.type.name, m.attrs as Record<string, unknown>);
  },
};

export function editorDocToBlocks(doc: PMNode): FlatBlock[] {
  return readBlocks(doc, PM_ACCESS);
}
