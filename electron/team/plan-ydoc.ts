// A plan ⇄ its shared Y.Doc. The Y.Doc holds the body as the Y.XmlFragment `body` in
// y-prosemirror's encoding of the editor document (renderer/src/editor/schema.ts), so that the
// editor's collaboration binding can later edit it directly; the plan's other fields (title,
// meta, numbering) stay in the library's plan JSON.
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import { blocksToNumberedBody, bodyToBlocks, type FlatBlock } from '../../shared/plan/flat';
import { blocksToEditorJSON, editorJSONToBlocks, type EditorJSON } from '../../shared/plan/editor-json';
import type { PlanDocument } from '../../shared/plan/schema';
import { TEAM_BODY_FRAGMENT } from '../../shared/team';
import { planSchema } from './pm-schema';

export function bodyFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(TEAM_BODY_FRAGMENT);
}

/** Writes the plan's body into an empty Y.Doc (one transaction, hence one update). */
export function fillYDoc(ydoc: Y.Doc, plan: PlanDocument): void {
  prosemirrorJSONToYXmlFragment(planSchema, blocksToEditorJSON(bodyToBlocks(plan.body)), bodyFragment(ydoc));
}

export function yDocEditorJSON(ydoc: Y.Doc): EditorJSON {
  return yXmlFragmentToProsemirrorJSON(bodyFragment(ydoc)) as EditorJSON;
}

export function yDocBlocks(ydoc: Y.Doc): FlatBlock[] {
  return editorJSONToBlocks(yDocEditorJSON(ydoc));
}

/** The plan with its body read from the Y.Doc (numbered by the plan's own settings). */
export function planWithYDocBody(plan: PlanDocument, ydoc: Y.Doc): PlanDocument {
  return { ...plan, body: blocksToNumberedBody(yDocBlocks(ydoc), plan.numbering) };
}
