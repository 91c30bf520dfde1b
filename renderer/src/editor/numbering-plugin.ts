// Shows the labels 一、（一）1.（1）, computed by the one numbering function in shared/ from the
// document and the plan's numbering settings, as the data-label attribute of each heading's and
// task's DOM (styles.css draws it). Nothing is written into the document, so undo and IME input
// are untouched. Not decorations: node decorations on every top-level block made ProseMirror
// search all of them for each block on every keystroke (O(n²), ≈ 1 ms per view update for 450
// blocks). The heading and task node views set the label when they are drawn; this plugin's
// view updates them all when the labels change (a structural change).
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { onlyTextEdits } from './changed-blocks';
import type { Node as PMNode } from '@tiptap/pm/model';
import { computeOrdinals, formatLabel } from '../../../shared/plan/numbering';
import { DEFAULT_NUMBERING, type Level, type NumberingSettings } from '../../../shared/plan/schema';

export interface OutlineEntry {
  /** Index among the document's top-level blocks. */
  index: number;
  pos: number;
  kind: 'heading' | 'task';
  level: Level;
  ordinal: number;
  label: string;
  title: string;
}

interface NumberingState {
  settings: NumberingSettings;
  /** Kind and level of every top-level block: labels change only when this does. */
  shape: string;
  labels: string[];
  /** The label of each top-level block by index ('' for a paragraph). */
  byIndex: string[];
}

export const numberingKey = new PluginKey<NumberingState>('plandesk-numbering');
const SET_SETTINGS = 'plandesk-set-numbering';

/** The outline of a document; cached per document, computed on demand (panels, copy). */
const entriesCache = new WeakMap<PMNode, Map<NumberingSettings, OutlineEntry[]>>();

function computeEntries(doc: PMNode, settings: NumberingSettings): OutlineEntry[] {
  let bySettings = entriesCache.get(doc);
  const hit = bySettings?.get(settings);
  if (hit) return hit;
  const raw: Array<Omit<OutlineEntry, 'ordinal' | 'label'>> = [];
  doc.forEach((node, pos, index) => {
    const name = node.type.name;
    if (name === 'planHeading' || name === 'planTask') {
      raw.push({
        index,
        pos,
        kind: name === 'planHeading' ? 'heading' : 'task',
        level: node.attrs.level as Level,
        title: name === 'planHeading' ? node.textContent : node.child(0).textContent,
      });
    }
  });
  const ordinals = computeOrdinals(
    raw.map((r) => r.level),
    settings,
  );
  const entries = raw.map((r, i) => ({ ...r, ordinal: ordinals[i]!, label: formatLabel(r.level, ordinals[i]!) }));
  if (!bySettings) entriesCache.set(doc, (bySettings = new Map()));
  bySettings.set(settings, entries);
  return entries;
}

function shapeOf(doc: PMNode): string {
  let s = '';
  doc.forEach((node) => {
    const n = node.type.name;
    s += n === 'planHeading' ? 'h' + String(node.attrs.level) : n === 'planTask' ? 't' + String(node.attrs.level) : 'p';
  });
  return s;
}

function compute(doc: PMNode, settings: NumberingSettings, shape = shapeOf(doc)): NumberingState {
  const entries = computeEntries(doc, settings);
  const byIndex = new Array<string>(doc.childCount).fill('');
  for (const e of entries) byIndex[e.index] = e.label;
  return { settings, shape, labels: entries.map((e) => e.label), byIndex };
}

/** Writes a block's label into its DOM (only when it differs). */
function setLabel(dom: HTMLElement, label: string): void {
  if (!label) {
    if (dom.hasAttribute('data-label')) dom.removeAttribute('data-label');
  } else if (dom.getAttribute('data-label') !== label) dom.setAttribute('data-label', label);
}

/** For a node view being drawn: shows the label of the top-level block at `pos`. */
export function showBlockLabel(dom: HTMLElement, state: EditorState, pos: number | undefined): void {
  const labels = numberingKey.getState(state)?.byIndex;
  if (!labels || pos === undefined || pos < 0 || pos >= state.doc.content.size) return;
  setLabel(dom, labels[state.doc.resolve(pos).index(0)] ?? '');
}

/** For a node view's ignoreMutation: the label is ours, not a change to read back. */
export function isLabelMutation(m: MutationRecord | { type: string; target: unknown; attributeName?: string | null }, dom: HTMLElement): boolean {
  return m.type === 'attributes' && m.target === dom && m.attributeName === 'data-label';
}

/** True when the first labelled block shows its label (the node views drew with this plugin). */
function labelsShown(view: EditorView): boolean {
  const labels = numberingKey.getState(view.state)?.byIndex ?? [];
  const index = labels.findIndex((l) => l !== '');
  if (index < 0) return true;
  let pos = 0;
  for (let i = 0; i < index; i++) pos += view.state.doc.child(i).nodeSize;
  const dom = view.nodeDOM(pos);
  return !dom || dom.nodeType !== 1 || (dom as HTMLElement).getAttribute('data-label') === labels[index];
}

/** Shows the labels of the top-level blocks overlapping [from, to] (all by default). */
function showLabels(view: EditorView, from = 0, to = view.state.doc.content.size): void {
  const labels = numberingKey.getState(view.state)?.byIndex;
  if (!labels) return;
  view.state.doc.forEach((node, pos, index) => {
    if (pos > to || pos + node.nodeSize < from) return;
    const dom = view.nodeDOM(pos);
    if (dom && dom.nodeType === 1) setLabel(dom as HTMLElement, labels[index] ?? '');
  });
}

export function outlineEntries(state: EditorState): OutlineEntry[] {
  return computeEntries(state.doc, numberingSettings(state));
}

export function numberingSettings(state: EditorState): NumberingSettings {
  return numberingKey.getState(state)?.settings ?? DEFAULT_NUMBERING;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    planNumbering: {
      setNumbering: (settings: NumberingSettings) => ReturnType;
    };
  }
}

export const Numbering = Extension.create<{ settings: NumberingSettings }>({
  name: 'planNumbering',
  addOptions() {
    return { settings: DEFAULT_NUMBERING };
  },
  addCommands() {
    return {
      setNumbering:
        (settings) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(SET_SETTINGS, settings);
          return true;
        },
    };
  },
  addProseMirrorPlugins() {
    const initial = this.options.settings;
    return [
      new Plugin<NumberingState>({
        key: numberingKey,
        state: {
          init: (_config, state) => compute(state.doc, initial),
          apply(tr, value, _old, newState) {
            const settings = (tr.getMeta(SET_SETTINGS) as NumberingSettings | undefined) ?? value.settings;
            if (!tr.docChanged && settings === value.settings) return value;
            // Labels depend only on the kinds and levels of the blocks: typing keeps them (the
            // same state). Anything structural recomputes (linear, ≈ 0.1 ms per 450).
            if (settings === value.settings && onlyTextEdits(tr)) return value;
            const shape = shapeOf(newState.doc);
            if (shape === value.shape && settings === value.settings) return value;
            return compute(newState.doc, settings, shape);
          },
        },
        view: (view) => {
          // The node views label the blocks they draw; a document drawn before this plugin
          // existed (TipTap draws before adding the plugins) is labelled here, once.
          if (!labelsShown(view)) showLabels(view);
          return {
            update(v, prev) {
              if (numberingKey.getState(v.state)?.byIndex !== numberingKey.getState(prev)?.byIndex) return showLabels(v);
              // Same labels, but blocks may have moved with their DOM (two tasks swapped): the
              // changed stretch of the document is looked at again (one block when typing).
              const from = prev.doc.content.findDiffStart(v.state.doc.content);
              if (from === null) return;
              showLabels(v, from, Math.max(from, prev.doc.content.findDiffEnd(v.state.doc.content)?.b ?? v.state.doc.content.size));
            },
          };
        },
      }),
    ];
  },
});
