// Shows the labels 一、（一）1.（1） through node decorations, computed by the one numbering
// function in shared/ from the document and the plan's numbering settings. Nothing is written
// into the document, so undo and IME input are untouched.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { changesInsideBlocks } from './changed-blocks';
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
  decorations: DecorationSet;
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
  const decorations = DecorationSet.create(
    doc,
    entries.map((e) => Decoration.node(e.pos, e.pos + doc.child(e.index).nodeSize, { 'data-label': e.label })),
  );
  return { settings, shape, labels: entries.map((e) => e.label), decorations };
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
            // Typing inside a block leaves kinds and levels alone: the labels stay, the
            // decorations only move. Anything structural recomputes (linear, ≈ 0.1 ms per 450).
            const shape = shapeOf(newState.doc);
            if (shape === value.shape && settings === value.settings && changesInsideBlocks(tr)) {
              return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) };
            }
            return compute(newState.doc, settings, shape);
          },
        },
        props: {
          decorations: (state) => numberingKey.getState(state)?.decorations,
        },
      }),
    ];
  },
});
