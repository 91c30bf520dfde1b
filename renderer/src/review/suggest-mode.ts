// 修订模式 (suggested edits). While it is on, typing inserts text marked as a suggested
// insertion and deleting marks text as a suggested deletion instead of removing it, each with
// the reviewer's name, unit and time. Chinese IME input: the insertion mark is put in the
// stored marks when a composition starts (before ProseMirror is composing), so the composed
// text usually carries it without any change to the document during the composition.
//
// Usually, not always (issue 18): any transaction between compositionstart and the browser's
// first composed text — on a busy machine, the selection change of the click or arrow key
// just before, read only now — clears the stored marks, and the composition went in as a
// plain edit. So the handlers are not what makes an edit a suggestion: every transaction's
// inserted text is checked (unmarkedInsertions), and text without this reviewer's insertion
// mark gets one in appendTransaction, whatever path it came by. During an open composition the
// document is left alone (re-rendering the composed text would break the IME): such text
// waits in the plugin state (`pending`) and is marked by the first transaction after the
// composition, at the latest the one compositionend dispatches.
import { Extension } from '@tiptap/core';
import { isHistoryTransaction } from '@tiptap/pm/history';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import type { Mapping } from '@tiptap/pm/transform';
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import type { EditorView } from '@tiptap/pm/view';
import { fromSharedDoc } from '../doc/shared-doc';

export interface Suggester {
  name: string;
  unit: string;
}

/** Inserted text that still needs its insertion mark (document positions, mapped on every change). */
interface Pending {
  from: number;
  to: number;
  who: Suggester;
}

interface SuggestState {
  enabled: boolean;
  who: Suggester | null;
  pending: Pending[];
}

export const suggestKey = new PluginKey<SuggestState>('plandesk-suggest');

function newId(): string {
  return `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function suggestionAttrs(who: Suggester) {
  return { id: newId(), author: who.name, unit: who.unit || null, time: new Date().toISOString() };
}

/** This reviewer's suggestion mark of `type` right next to [from, to), to extend rather than start anew. */
function adjacentMark(doc: PMNode, from: number, to: number, type: 'insertion' | 'deletion', who: Suggester): Mark | null {
  const near = [doc.resolve(from).nodeBefore, doc.resolve(Math.min(to, doc.content.size)).nodeAfter];
  for (const n of near) {
    const m = n?.marks.find((x) => x.type.name === type && x.attrs.author === who.name);
    if (m) return m;
  }
  return null;
}

/** Marks [from, to) as a suggested deletion; text this reviewer suggested inserting is removed instead. */
export function suggestDelete(tr: Transaction, from: number, to: number, who: Suggester): void {
  const schema = tr.doc.type.schema;
  // Deleting on from a deletion just made continues the same suggestion.
  const del = adjacentMark(tr.doc, from, to, 'deletion', who) ?? schema.marks.deletion!.create(suggestionAttrs(who));
  const own: Array<[number, number]> = [];
  const mark: Array<[number, number]> = [];
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return;
    const a = Math.max(from, pos);
    const b = Math.min(to, pos + node.nodeSize);
    const ins = node.marks.find((m) => m.type.name === 'insertion');
    if (ins && ins.attrs.author === who.name) own.push([a, b]);
    else if (!node.marks.some((m) => m.type.name === 'deletion')) mark.push([a, b]);
  });
  for (const [a, b] of mark) tr.addMark(a, b, del);
  for (const [a, b] of own.reverse()) tr.delete(a, b);
}

function insertSuggested(view: EditorView, from: number, to: number, text: string, who: Suggester): void {
  const { state } = view;
  const tr = state.tr;
  if (from < to) suggestDelete(tr, from, to, who);
  const at = tr.mapping.map(to);
  // Typing on after one's own insertion continues it: one suggestion, not one per keystroke.
  const ins = adjacentMark(tr.doc, at, at, 'insertion', who) ?? state.schema.marks.insertion!.create(suggestionAttrs(who));
  const keep = state.doc
    .resolve(from)
    .marks()
    .filter((m) => m.type.name === 'comment');
  tr.insert(at, state.schema.text(text, [...keep, ins]));
  tr.setSelection(TextSelection.create(tr.doc, at + text.length));
  view.dispatch(tr.scrollIntoView());
}

function insertionMarkFor(state: EditorState, who: Suggester): Mark[] {
  const here = state.selection.$from.marks().filter((m) => m.type.name !== 'insertion' && m.type.name !== 'deletion');
  const pos = state.selection.from;
  return [...here, adjacentMark(state.doc, pos, pos, 'insertion', who) ?? state.schema.marks.insertion!.create(suggestionAttrs(who))];
}

export function isSuggesting(state: EditorState): SuggestState {
  return suggestKey.getState(state) ?? { enabled: false, who: null, pending: [] };
}

/** The reviewer whose edits are suggestions now, or null outside 修订 mode. */
export function activeSuggester(state: EditorState): Suggester | null {
  const s = isSuggesting(state);
  return s.enabled ? s.who : null;
}

/**
 * Replaces [from, to) with `content` as a suggestion: the old text is marked deleted (one's own
 * suggested insertions are removed), the new content goes in right after it and gets its
 * insertion mark from appendTransaction like any other text inserted in 修订 mode.
 */
export function suggestReplace(tr: Transaction, from: number, to: number, content: PMNode[], who: Suggester): void {
  const steps = tr.mapping.maps.length;
  if (to > from) suggestDelete(tr, from, to, who);
  if (content.length) tr.insert(tr.mapping.slice(steps).map(to), content);
}

/** Text nodes in [from, to) without `who`'s insertion mark, as ranges. */
function unmarkedIn(doc: PMNode, from: number, to: number, who: Suggester, out: Array<[number, number]>): void {
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return;
    if (node.marks.some((m) => m.type.name === 'insertion' && m.attrs.author === who.name)) return;
    out.push([Math.max(from, pos), Math.min(to, pos + node.nodeSize)]);
  });
}

/**
 * The text a transaction inserted inside a textblock (typing, an IME, a drop, a replacement)
 * that does not carry `who`'s insertion mark. Whole blocks inserted (a moved section, a
 * restored version) are structure, not typed text; undo and redo restore what was there.
 */
export function unmarkedInsertions(tr: Transaction, who: Suggester): Array<[number, number]> {
  if (!tr.docChanged || isHistoryTransaction(tr)) return [];
  const out: Array<[number, number]> = [];
  tr.mapping.maps.forEach((map, i) => {
    map.forEach((_oldFrom, _oldTo, start, end) => {
      if (end <= start) return;
      const rest = tr.mapping.slice(i + 1);
      const from = rest.map(start, 1);
      const to = rest.map(end, -1);
      if (from >= to) return;
      const $from = tr.doc.resolve(from);
      if (!$from.parent.inlineContent || !$from.sameParent(tr.doc.resolve(to))) return;
      unmarkedIn(tr.doc, from, to, who, out);
    });
  });
  return out;
}

function mapPending(pending: Pending[], mapping: Mapping): Pending[] {
  return pending.map((p) => ({ ...p, from: mapping.map(p.from, 1), to: mapping.map(p.to, -1) })).filter((p) => p.from < p.to);
}

/** Gives the pending text its insertion marks (continuing an adjacent suggestion of the same reviewer). */
function markPending(tr: Transaction, pending: Pending[]): void {
  for (const p of pending) {
    const ranges: Array<[number, number]> = [];
    unmarkedIn(tr.doc, p.from, Math.min(p.to, tr.doc.content.size), p.who, ranges);
    for (const [a, b] of ranges) {
      const mark = adjacentMark(tr.doc, a, b, 'insertion', p.who) ?? tr.doc.type.schema.marks.insertion!.create(suggestionAttrs(p.who));
      tr.addMark(a, b, mark);
    }
  }
}

/** The suggest plugin's state after a transaction: the mode (from setSuggesting) and the pending text. */
function nextState(tr: Transaction, v: SuggestState): SuggestState {
  const meta = tr.getMeta(suggestKey) as Partial<SuggestState> | undefined;
  const next: SuggestState = {
    enabled: meta?.enabled ?? v.enabled,
    who: meta && 'who' in meta ? (meta.who ?? null) : v.who,
    pending: meta?.pending ?? (tr.docChanged && v.pending.length ? mapPending(v.pending, tr.mapping) : v.pending),
  };
  // Another person's edit arriving through the shared document (team mode) is theirs, not this reviewer's.
  if (next.enabled && next.who && !fromSharedDoc(tr)) {
    const who = next.who;
    const found = unmarkedInsertions(tr, who);
    if (found.length) next.pending = [...next.pending, ...found.map(([from, to]) => ({ from, to, who }))];
  }
  return next;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    suggestMode: {
      setSuggesting: (enabled: boolean, who: Suggester | null) => ReturnType;
    };
  }
}

function deleteRange(state: EditorState, forward: boolean): [number, number] | null {
  const { from, to, empty, $from } = state.selection;
  if (!empty) return [from, to];
  if (forward) return $from.parentOffset < $from.parent.content.size ? [from, from + 1] : null;
  return $from.parentOffset > 0 ? [from - 1, from] : null;
}

export const SuggestMode = Extension.create({
  name: 'suggestMode',
  priority: 1100, // before the plan keymap: Backspace and Delete mean something else here
  addCommands() {
    return {
      setSuggesting:
        (enabled, who) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(suggestKey, { enabled, who });
          return true;
        },
    };
  },
  addProseMirrorPlugins() {
    // The view, to know whether an IME composition is open (none in headless tests).
    let editorView: EditorView | null = null;
    return [
      new Plugin<SuggestState>({
        key: suggestKey,
        state: {
          init: () => ({ enabled: false, who: null, pending: [] }),
          apply: nextState,
        },
        view(v) {
          editorView = v;
          return {
            destroy: () => {
              editorView = null;
            },
          };
        },
        appendTransaction(trs, oldState, newState) {
          const s = isSuggesting(newState);
          let tr: Transaction | null = null;
          // Inserted text without its insertion mark gets it, once no composition is open.
          if (s.pending.length && !editorView?.composing) {
            tr = newState.tr;
            markPending(tr, s.pending);
            tr.setMeta(suggestKey, { ...s, pending: [] });
            if (newState.storedMarks) tr.setStoredMarks(newState.storedMarks);
          }
          // A task or heading created while suggesting (empty, new) is a suggested insertion.
          if (!s.enabled || !s.who || !trs.some((t) => t.docChanged && !fromSharedDoc(t)) || trs.some((t) => t.getMeta('composition'))) return tr;
          const before = new Set<PMNode>();
          oldState.doc.forEach((n) => before.add(n));
          const doc = tr?.doc ?? newState.doc;
          doc.forEach((node, pos) => {
            const name = node.type.name;
            if ((name === 'planTask' || name === 'planHeading') && !before.has(node) && !node.attrs.suggestion && node.textContent === '') {
              tr ??= newState.tr;
              tr.setNodeMarkup(pos, undefined, { ...node.attrs, suggestion: { type: 'insert', ...suggestionAttrs(s.who!) } });
            }
          });
          return tr;
        },
        props: {
          handleTextInput(view, from, to, text) {
            const s = isSuggesting(view.state);
            if (!s.enabled || !s.who || view.composing) return false;
            insertSuggested(view, from, to, text, s.who);
            return true;
          },
          handleKeyDown(view, event) {
            const s = isSuggesting(view.state);
            if (!s.enabled || !s.who || view.composing) return false;
            if (event.key !== 'Backspace' && event.key !== 'Delete') return false;
            const range = deleteRange(view.state, event.key === 'Delete');
            if (!range) return true; // at a block edge: nothing to suggest, and no merging
            const tr = view.state.tr;
            suggestDelete(tr, range[0], range[1], s.who);
            const pos = event.key === 'Delete' ? tr.mapping.map(range[1]) : tr.mapping.map(range[0], -1);
            tr.setSelection(TextSelection.create(tr.doc, Math.max(0, Math.min(pos, tr.doc.content.size))));
            view.dispatch(tr.scrollIntoView());
            event.preventDefault();
            return true;
          },
          handleDrop(view, event, slice, moved) {
            const s = isSuggesting(view.state);
            if (!s.enabled || !s.who) return false;
            // A drag inside the page moves text: what leaves its place is a suggested deletion,
            // what arrives a suggested insertion (as text, like a paste). Blocks are moved with
            // the outline, not by dragging.
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
            const text = slice.content.textBetween(0, slice.content.size, '', '').replace(/\s*\n\s*/g, '');
            if (!at || !text || !view.state.doc.resolve(at.pos).parent.inlineContent) return true;
            const { from, to } = view.state.selection;
            if (moved && at.pos > from && at.pos < to) return true; // dropped onto itself
            const tr = view.state.tr;
            const steps = tr.mapping.maps.length;
            if (moved && to > from) suggestDelete(tr, from, to, s.who);
            const pos = tr.mapping.slice(steps).map(at.pos);
            tr.insertText(text, pos);
            tr.setSelection(TextSelection.create(tr.doc, pos, pos + text.length));
            view.dispatch(tr);
            return true;
          },
          handlePaste(view, event) {
            const s = isSuggesting(view.state);
            if (!s.enabled || !s.who) return false;
            const text = event.clipboardData?.getData('text/plain') ?? '';
            if (!text) return true;
            const { from, to } = view.state.selection;
            insertSuggested(view, from, to, text.replace(/\s*\n\s*/g, ''), s.who);
            return true;
          },
          handleDOMEvents: {
            compositionstart(view) {
              const s = isSuggesting(view.state);
              if (!s.enabled || !s.who) return false;
              // Before the composition begins: a selection becomes a suggested deletion, and the
              // composed text will carry an insertion mark through the stored marks.
              const tr = view.state.tr;
              const { from, to, empty } = view.state.selection;
              if (!empty) {
                suggestDelete(tr, from, to, s.who);
                tr.setSelection(TextSelection.create(tr.doc, tr.mapping.map(to)));
              }
              tr.setStoredMarks(insertionMarkFor(view.state.apply(tr), s.who));
              view.dispatch(tr);
              return false;
            },
            compositionend(view) {
              // The composition's text, if it went in unmarked, is marked once ProseMirror has
              // read the last of it and closed the composition (its own compositionend handler
              // runs after this one, and reads pending changes in a microtask).
              setTimeout(() => {
                if (!view.isDestroyed && !view.composing && isSuggesting(view.state).pending.length) view.dispatch(view.state.tr);
              }, 0);
              return false;
            },
            cut(view, event) {
              const s = isSuggesting(view.state);
              if (!s.enabled || !s.who) return false;
              const { from, to, empty } = view.state.selection;
              if (empty) return true;
              event.clipboardData?.setData('text/plain', view.state.doc.textBetween(from, to, '\n', '\n'));
              event.preventDefault();
              const tr = view.state.tr;
              suggestDelete(tr, from, to, s.who);
              view.dispatch(tr);
              return true;
            },
          },
        },
      }),
    ];
  },
});

/** A suggestion found in the document: text marks by id, and node-level suggestions. */
export interface SuggestionEntry {
  id: string;
  kind: 'insertion' | 'deletion' | 'insert' | 'delete' | 'units';
  author: string;
  unit: string;
  time: string;
  text: string;
  /** Position of its first piece, for ordering and jumping. */
  pos: number;
}

export function listSuggestions(doc: PMNode): SuggestionEntry[] {
  const byId = new Map<string, SuggestionEntry>();
  doc.descendants((node, pos) => {
    const s = node.attrs?.suggestion as { id: string; type: 'insert' | 'delete' | 'units'; author?: string; unit?: string; time?: string } | null | undefined;
    if (s && (node.type.name === 'planTask' || node.type.name === 'planHeading')) {
      byId.set(s.id, { id: s.id, kind: s.type, author: s.author ?? '', unit: s.unit ?? '', time: s.time ?? '', text: node.textContent.slice(0, 60), pos });
    }
    if (!node.isText) return;
    for (const m of node.marks) {
      if (m.type.name !== 'insertion' && m.type.name !== 'deletion') continue;
      const id = String(m.attrs.id);
      const e = byId.get(id);
      if (e) e.text += node.text;
      else
        byId.set(id, {
          id,
          kind: m.type.name,
          author: String(m.attrs.author ?? ''),
          unit: String(m.attrs.unit ?? ''),
          time: String(m.attrs.time ?? ''),
          text: node.text ?? '',
          pos,
        });
    }
  });
  return [...byId.values()].sort((a, b) => a.pos - b.pos);
}

/** Accepts or rejects suggestions (by id) in one transaction. */
export function decideSuggestions(state: EditorState, ids: ReadonlySet<string>, accept: boolean): Transaction {
  const tr = state.tr;
  const removeText: Array<[number, number]> = [];
  const nodes: Array<{ pos: number; node: PMNode; type: string }> = [];
  state.doc.descendants((node, pos) => {
    const s = node.attrs?.suggestion as { id: string; type: string; old?: { lead: string[]; support: string[]; unitsText?: string } } | null | undefined;
    if (s && ids.has(s.id)) nodes.push({ pos, node, type: s.type });
    if (!node.isText) return;
    for (const m of node.marks) {
      if (!ids.has(String(m.attrs.id))) continue;
      const drop = (m.type.name === 'insertion' && !accept) || (m.type.name === 'deletion' && accept);
      if (m.type.name !== 'insertion' && m.type.name !== 'deletion') continue;
      if (drop) removeText.push([pos, pos + node.nodeSize]);
      else tr.removeMark(pos, pos + node.nodeSize, m.type);
    }
  });
  // Node suggestions: an accepted insertion or a rejected deletion keeps the node.
  for (const { pos, node, type } of [...nodes].reverse()) {
    const s = node.attrs.suggestion as { old?: { lead: string[]; support: string[]; unitsText?: string } };
    const removeNode = (type === 'insert' && !accept) || (type === 'delete' && accept);
    const p = tr.mapping.map(pos);
    if (removeNode) tr.delete(p, p + node.nodeSize);
    else if (type === 'units' && !accept && s.old)
      tr.setNodeMarkup(p, undefined, { ...node.attrs, ...s.old, unitsText: s.old.unitsText ?? null, suggestion: null });
    else tr.setNodeMarkup(p, undefined, { ...node.attrs, suggestion: null });
  }
  for (const [a, b] of removeText.reverse()) tr.delete(tr.mapping.map(a), tr.mapping.map(b));
  return tr;
}

/** Marks the task or heading at `pos` as suggested for deletion (or for a units change). */
export function suggestNodeChange(
  state: EditorState,
  pos: number,
  who: Suggester,
  change: { type: 'delete' } | { type: 'units'; lead: string[]; support: string[] },
): Transaction | null {
  const node = state.doc.nodeAt(pos);
  if (!node || (node.type.name !== 'planTask' && node.type.name !== 'planHeading')) return null;
  const existing = node.attrs.suggestion as { type: string } | null;
  if (change.type === 'delete') {
    if (existing?.type === 'insert') return state.tr.delete(pos, pos + node.nodeSize); // own new task: just remove it
    return state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, suggestion: { type: 'delete', ...suggestionAttrs(who) } });
  }
  const old =
    existing?.type === 'units'
      ? (node.attrs.suggestion as { old: unknown }).old
      : { lead: node.attrs.lead, support: node.attrs.support, ...(node.attrs.unitsText ? { unitsText: node.attrs.unitsText } : {}) };
  return state.tr.setNodeMarkup(pos, undefined, {
    ...node.attrs,
    lead: change.lead,
    support: change.support,
    unitsText: null,
    suggestion: existing?.type === 'insert' ? existing : { type: 'units', ...suggestionAttrs(who), old },
  });
}
