// Team mode's Y.Doc of a plan (issue 20): built from the plan JSON, read back to the same plan,
// with the same ProseMirror schema as the editor (so the editor's collaboration binding can
// edit it), and the shared JSON reading equal to the editor's own.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import { planSchemaExtensions } from '../../renderer/src/editor/schema';
import { editorDocToBlocks } from '../../renderer/src/editor/convert';
import { planSchema } from '../../electron/team/pm-schema';
import { fillYDoc, planWithYDocBody, yDocEditorJSON } from '../../electron/team/plan-ydoc';
import { editorJSONToBlocks } from '../../shared/plan/editor-json';
import { bodyToBlocks } from '../../shared/plan/flat';
import { loadSamplePlan, SAMPLE_NAMES, syntheticPlan } from '../helpers/sample-plans';

const editorSchema = getSchema(planSchemaExtensions);

describe('team mode: the plan as a Y.Doc', () => {
  it('has the editor schema: the same nodes, contents, attributes and marks', () => {
    const shape = (s: typeof planSchema) => ({
      nodes: Object.fromEntries(
        Object.entries(s.nodes).map(([name, t]) => [
          name,
          {
            content: t.spec.content ?? '',
            marks: t.spec.marks ?? null,
            inline: t.isInline,
            attrs: Object.fromEntries(Object.entries(t.spec.attrs ?? {}).map(([k, a]) => [k, a.default])),
          },
        ]),
      ),
      marks: Object.fromEntries(
        Object.entries(s.marks).map(([name, m]) => [
          name,
          {
            excludes: m.spec.excludes,
            inclusive: m.spec.inclusive,
            attrs: Object.fromEntries(Object.entries(m.spec.attrs ?? {}).map(([k, a]) => [k, a.default])),
          },
        ]),
      ),
    });
    expect(shape(planSchema)).toEqual(shape(editorSchema));
  });

  for (const name of SAMPLE_NAMES) {
    it(`${name}: plan → Y.Doc → plan keeps the body, and reads as the editor reads it`, () => {
      const { doc: plan } = loadSamplePlan(name);
      const ydoc = new Y.Doc();
      fillYDoc(ydoc, plan);
      // Through an update, as a client or the store receives it.
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
      expect(planWithYDocBody(plan, copy).body).toEqual(plan.body);
      const json = yDocEditorJSON(copy);
      const node = editorSchema.nodeFromJSON(json);
      node.check();
      expect(editorJSONToBlocks(json)).toEqual(editorDocToBlocks(node));
      expect(editorJSONToBlocks(json)).toEqual(bodyToBlocks(plan.body));
    });
  }

  it('an edit in the Y.Doc reaches the plan body', () => {
    const plan = syntheticPlan(3);
    const ydoc = new Y.Doc();
    fillYDoc(ydoc, plan);
    const p = new Y.XmlElement('paragraph');
    p.setAttribute('under', 0 as unknown as string);
    p.insert(0, [new Y.XmlText('新增的说明段落')]);
    ydoc.getXmlFragment('body').insert(0, [p]);
    const body = planWithYDocBody(plan, ydoc).body;
    expect(body[0]).toMatchObject({ type: 'paragraph', text: '新增的说明段落' });
    expect(body.slice(1)).toEqual(plan.body);
  });
});
