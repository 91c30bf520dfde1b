// The editor's document schema for the team server: the same node and mark names, contents and
// attributes as renderer/src/editor/schema.ts (which is built with TipTap for the page; electron/
// does not import the page). y-prosemirror needs a ProseMirror schema to turn the plan's editor
// JSON into the shared Y.XmlFragment. test/electron/team-schema.test.ts fails when the two drift.
import { Schema, type AttributeSpec } from '@tiptap/pm/model';

const REVIEW_MARKS = 'comment insertion deletion';

const attrs = (defaults: Record<string, unknown>): Record<string, AttributeSpec> =>
  Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, { default: v }]));

const suggestionAttrs = attrs({ id: '', author: null, unit: null, time: null });

export const planSchema = new Schema({
  topNode: 'doc',
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'text*', marks: REVIEW_MARKS, attrs: attrs({ id: null, under: 0 }) },
    text: { group: 'inline' },
    planHeading: {
      group: 'block',
      content: 'text*',
      marks: REVIEW_MARKS,
      defining: true,
      attrs: attrs({ id: null, level: 1, text: null, targets: null, targetsFor: null, suggestion: null }),
    },
    planTask: {
      group: 'block',
      content: 'taskTitle taskBody',
      defining: true,
      attrs: attrs({ id: null, level: 3, lead: [], support: [], unitsText: null, unitsNote: null, targets: [], targetsFor: null, suggestion: null }),
    },
    taskTitle: { content: 'text*', marks: REVIEW_MARKS, defining: true },
    taskBody: { content: '(text | hardBreak)*', marks: REVIEW_MARKS },
    hardBreak: { group: 'inline', inline: true, selectable: false },
  },
  marks: {
    comment: { excludes: '', inclusive: false, attrs: attrs({ id: '' }) },
    insertion: { excludes: 'deletion', inclusive: true, attrs: suggestionAttrs },
    deletion: { excludes: 'insertion', inclusive: false, attrs: suggestionAttrs },
  },
});
