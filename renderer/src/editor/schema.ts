// The editor's document schema (TipTap 3 on ProseMirror). A plan is a flat list of blocks
// (see shared/plan/flat.ts): paragraphs, headings (levels 1–4) and tasks (levels 2–4).
// Labels (一、（一）1.（1）) are never in the document: the numbering plugin shows them.
import { Mark, Node, mergeAttributes } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';

export const PlanDocument = Document.extend({ content: 'block+' });

/** The review marks text may carry (see TextMark in shared/plan/schema.ts). */
const REVIEW_MARKS = 'comment insertion deletion';

/** A comment anchor: the thread lives in the library; several comments may overlap. */
export const CommentMark = Mark.create({
  name: 'comment',
  excludes: '',
  inclusive: false,
  addAttributes() {
    return { id: { default: '', parseHTML: (el) => el.getAttribute('data-comment') ?? '', renderHTML: (a) => ({ 'data-comment': a.id }) } };
  },
  parseHTML() {
    return [{ tag: 'span[data-comment]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { class: 'comment-mark' }), 0];
  },
});

const suggestionAttrs = () => ({
  id: { default: '' },
  author: { default: null },
  unit: { default: null },
  time: { default: null },
});

/** A suggested insertion (修订): shown underlined until accepted or rejected. */
export const InsertionMark = Mark.create({
  name: 'insertion',
  excludes: 'deletion',
  inclusive: true,
  addAttributes: suggestionAttrs,
  parseHTML() {
    return [{ tag: 'ins[data-suggestion]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return [
      'ins',
      mergeAttributes({ 'data-suggestion': HTMLAttributes.id, title: `${String(HTMLAttributes.author ?? '')} 建议增加`, class: 'suggest-ins' }),
      0,
    ];
  },
});

/** A suggested deletion: the text stays, struck through, until the suggestion is decided. */
export const DeletionMark = Mark.create({
  name: 'deletion',
  excludes: 'insertion',
  inclusive: false,
  addAttributes: suggestionAttrs,
  parseHTML() {
    return [{ tag: 'del[data-suggestion]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return [
      'del',
      mergeAttributes({ 'data-suggestion': HTMLAttributes.id, title: `${String(HTMLAttributes.author ?? '')} 建议删除`, class: 'suggest-del' }),
      0,
    ];
  },
});

/**
 * A block's stable id (shared/plan/ids.ts), an attribute so that undo/redo and moves keep it.
 * Kept in the DOM as data-node-id; pasted copies lose it (ids-plugin.ts transformPasted) and
 * the ids plugin gives new ones, as it does to any block without an id or with a duplicate.
 */
const idAttr = () => ({
  id: {
    default: null,
    parseHTML: (el: HTMLElement) => el.getAttribute('data-node-id'),
    renderHTML: (a: Record<string, unknown>) => (a.id ? { 'data-node-id': a.id } : {}),
  },
});

/** The node types that carry an id: every top-level block. */
export const ID_NODE_TYPES: ReadonlySet<string> = new Set(['paragraph', 'planHeading', 'planTask']);

/** A free paragraph; `under` is the level of the outline item it belongs to (0 = top). */
export const PlanParagraph = Paragraph.extend({
  content: 'text*',
  marks: REVIEW_MARKS,
  addAttributes() {
    return {
      ...idAttr(),
      under: {
        default: 0,
        parseHTML: (el) => Number(el.getAttribute('data-under')) || 0,
        renderHTML: (a) => ({ 'data-under': a.under }),
      },
    };
  },
});

/** An attribute holding JSON, kept in the DOM as data-<kebab-name> so copy/paste keeps it. */
const jsonAttr = (name: string, fallback: unknown) => ({
  default: fallback,
  parseHTML: (el: HTMLElement) => {
    const raw = el.getAttribute(`data-${kebab(name)}`);
    if (!raw) return fallback;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return fallback;
    }
  },
  renderHTML: (attrs: Record<string, unknown>) => (attrs[name] == null ? {} : { [`data-${kebab(name)}`]: JSON.stringify(attrs[name]) }),
});

function kebab(s: string): string {
  return s.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

export const PlanHeading = Node.create({
  name: 'planHeading',
  group: 'block',
  content: 'text*',
  marks: REVIEW_MARKS,
  defining: true,
  addAttributes() {
    return {
      ...idAttr(),
      level: {
        default: 1,
        parseHTML: (el) => Number(el.getAttribute('data-level')) || 1,
        renderHTML: (a) => ({ 'data-level': a.level }),
      },
      /** A lead-in after the title on the same line (kept as written). */
      text: jsonAttr('text', null),
      targets: jsonAttr('targets', null),
      targetsFor: { default: null, rendered: false },
      suggestion: jsonAttr('suggestion', null),
    };
  },
  parseHTML() {
    return [{ tag: 'div[data-plan-heading]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-plan-heading': '', class: 'plan-heading' }), 0];
  },
});

export const TaskTitle = Node.create({
  name: 'taskTitle',
  content: 'text*',
  marks: REVIEW_MARKS,
  defining: true,
  parseHTML() {
    return [{ tag: 'span[data-task-title]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { 'data-task-title': '', class: 'task-title' }), 0];
  },
});

export const TaskBody = Node.create({
  name: 'taskBody',
  content: '(text | hardBreak)*',
  marks: REVIEW_MARKS,
  parseHTML() {
    return [{ tag: 'span[data-task-body]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { 'data-task-body': '', class: 'task-body' }), 0];
  },
});

export const TaskBreak = Node.create({
  name: 'hardBreak',
  group: 'inline',
  inline: true,
  selectable: false,
  parseHTML() {
    return [{ tag: 'br' }];
  },
  renderHTML() {
    return ['br'];
  },
  renderText() {
    return '\n';
  },
  addKeyboardShortcuts() {
    return { 'Shift-Enter': () => this.editor.commands.insertContent({ type: 'hardBreak' }) };
  },
});

/** A task: title sentence, body, and its responsible units (attributes, shown as chips). */
export const PlanTask = Node.create({
  name: 'planTask',
  group: 'block',
  content: 'taskTitle taskBody',
  defining: true,
  addAttributes() {
    return {
      ...idAttr(),
      level: {
        default: 3,
        parseHTML: (el) => Number(el.getAttribute('data-level')) || 3,
        renderHTML: (a) => ({ 'data-level': a.level }),
      },
      lead: jsonAttr('lead', []),
      support: jsonAttr('support', []),
      unitsText: jsonAttr('unitsText', null),
      unitsNote: jsonAttr('unitsNote', null),
      targets: jsonAttr('targets', []),
      targetsFor: { default: null, rendered: false },
      suggestion: jsonAttr('suggestion', null),
    };
  },
  parseHTML() {
    return [{ tag: 'div[data-plan-task]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-plan-task': '', class: 'plan-task' }), 0];
  },
});

export const planSchemaExtensions = [
  PlanDocument,
  PlanParagraph,
  Text,
  PlanHeading,
  PlanTask,
  TaskTitle,
  TaskBody,
  TaskBreak,
  CommentMark,
  InsertionMark,
  DeletionMark,
];
