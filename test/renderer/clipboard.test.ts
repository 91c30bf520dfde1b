// Copy writes each task as it reads in output: label, title, one 。 (none after a title that
// already ends with ；。！？), body, units in brackets.
import { getSchema } from '@tiptap/core';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { planSchemaExtensions } from '../../renderer/src/editor/schema';
import { blocksToEditorJSON } from '../../renderer/src/editor/convert';
import { selectionTextWithLabels } from '../../renderer/src/editor/clipboard';
import type { FlatBlock } from '../../shared/plan/flat';

const schema = getSchema(planSchemaExtensions);

function copyAll(blocks: FlatBlock[]): string {
  const doc = schema.nodeFromJSON(blocksToEditorJSON(blocks));
  const state = EditorState.create({ doc, selection: TextSelection.create(doc, 1, doc.content.size - 1) });
  return selectionTextWithLabels({ state });
}

const task = (title: string, extra: Partial<Extract<FlatBlock, { type: 'task' }>> = {}): FlatBlock => ({
  type: 'task',
  level: 3,
  title,
  text: '加大考核比重。',
  lead: ['县应急局'],
  support: ['各乡镇'],
  targets: [],
  ...extra,
});

describe('copy as running text', () => {
  it('adds one 。 after a plain title, with label, body and units', () => {
    expect(copyAll([task('加强安全生产考核')])).toBe('1.加强安全生产考核。加大考核比重。（县应急局牵头，各乡镇负责落实）');
  });

  it('does not write "；。" or "。。" after a title that already ends a sentence', () => {
    const text = copyAll([task('加强安全生产考核；'), task('严格执法。')]);
    expect(text).not.toMatch(/[；。！？]。/);
    expect(text.split('\n')).toEqual([
      '1.加强安全生产考核；加大考核比重。（县应急局牵头，各乡镇负责落实）',
      '2.严格执法。加大考核比重。（县应急局牵头，各乡镇负责落实）',
    ]);
  });

  it('keeps the written units text', () => {
    expect(copyAll([task('加强考核', { unitsText: '县应急局牵头，各乡镇配合' })])).toBe('1.加强考核。加大考核比重。（县应急局牵头，各乡镇配合）');
  });
});
