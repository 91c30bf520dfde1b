// A headless editor for plugin tests: the real schema (TipTap's getSchema over the editor's
// extensions), the plugins of the extensions under test, and an EditorState that transactions
// are applied to. No browser and no DOM: the "view" the plugins see has only state, dispatch
// and composing, which is all their handlers use.
import { getExtensionField, getSchema, type AnyExtension } from '@tiptap/core';
import { EditorState, TextSelection, type Plugin, type Transaction } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { DecorationSet, EditorView } from '@tiptap/pm/view';
import { planSchemaExtensions } from '../../renderer/src/editor/schema';
import { blocksToEditorJSON } from '../../renderer/src/editor/convert';
import type { FlatBlock } from '../../shared/plan/flat';
import type { Level } from '../../shared/plan/schema';

export const schema = getSchema(planSchemaExtensions);

export const H = (level: Level, title: string): FlatBlock => ({ type: 'heading', level, title });
export const T = (level: Level, title: string, text = '', lead: string[] = []): FlatBlock => ({
  type: 'task',
  level,
  title,
  text,
  lead,
  support: [],
  targets: [],
});
export const P = (text: string, under = 0): FlatBlock => ({ type: 'paragraph', text, under });

export function docOf(blocks: FlatBlock[]): PMNode {
  const doc = schema.nodeFromJSON(blocksToEditorJSON(blocks));
  doc.check();
  return doc;
}

/** The ProseMirror plugins an extension adds (its addProseMirrorPlugins, with its options). */
export function pluginsOf(ext: AnyExtension, editor: unknown = null): Plugin[] {
  const add = getExtensionField<(() => Plugin[]) | undefined>(ext, 'addProseMirrorPlugins', {
    name: ext.name,
    options: ext.options as unknown,
    storage: {},
    editor,
    type: null,
  } as never);
  return add ? add() : [];
}

/** An extension's keyboard shortcuts, bound to a headless editor. */
export function shortcutsOf(ext: AnyExtension, editor: unknown): Record<string, () => boolean> {
  const add = getExtensionField<() => Record<string, () => boolean>>(ext, 'addKeyboardShortcuts', {
    name: ext.name,
    options: ext.options as unknown,
    storage: {},
    editor,
    type: null,
  } as never);
  return add();
}

/** Editor state plus the small part of a view and a TipTap editor the plugins use. */
export class Harness {
  state: EditorState;
  composing = false;

  constructor(blocks: FlatBlock[], plugins: Plugin[] = []) {
    this.state = EditorState.create({ doc: docOf(blocks), plugins });
  }

  dispatch = (tr: Transaction): void => {
    this.state = this.state.apply(tr);
  };

  /** Applies a transaction the way a view would (appendTransaction included). */
  apply(tr: Transaction | null): boolean {
    if (!tr) return false;
    this.dispatch(tr);
    return true;
  }

  get view(): EditorView {
    return this as unknown as EditorView;
  }

  /** What keymap handlers reach through `this.editor`. */
  get editor(): unknown {
    const state = () => this.state;
    return {
      get state() {
        return state();
      },
      view: this,
      commands: {
        insertContent: (c: { type: string }) => {
          this.dispatch(this.state.tr.replaceSelectionWith(schema.nodes[c.type]!.create()));
          return true;
        },
      },
    };
  }

  /** Document position of the `n`-th top-level block (0-based). */
  blockPos(n: number): number {
    let pos = 0;
    for (let i = 0; i < n; i++) pos += this.state.doc.child(i).nodeSize;
    return pos;
  }

  /** Puts the cursor `offset` characters into a block's text: a heading or paragraph, or a task's title / body. */
  cursor(block: number, offset: number, part: 'title' | 'body' = 'title'): void {
    const pos = this.blockPos(block);
    const node = this.state.doc.child(block);
    let at = pos + 1 + offset;
    if (node.type.name === 'planTask') at = part === 'title' ? pos + 2 + offset : pos + 1 + node.child(0).nodeSize + 1 + offset;
    this.dispatch(this.state.tr.setSelection(TextSelection.create(this.state.doc, at)));
  }

  /** Selects [from, to) as document positions. */
  select(from: number, to: number): void {
    this.dispatch(this.state.tr.setSelection(TextSelection.create(this.state.doc, from, to)));
  }

  /** Position inside the whole document's text where `needle` starts. */
  find(needle: string): number {
    let found = -1;
    this.state.doc.descendants((node, pos) => {
      if (found >= 0) return false;
      if (node.isText && node.text!.includes(needle)) found = pos + node.text!.indexOf(needle);
      return true;
    });
    if (found < 0) throw new Error(`not in the document: ${needle}`);
    return found;
  }

  /** Kind, level and title of each top-level block. */
  get shape(): string[] {
    const out: string[] = [];
    this.state.doc.forEach((n) => {
      if (n.type.name === 'planTask') out.push(`t${String(n.attrs.level)} ${n.child(0).textContent}|${n.child(1).textContent}`);
      else if (n.type.name === 'planHeading') out.push(`h${String(n.attrs.level)} ${n.textContent}`);
      else out.push(`p${String(n.attrs.under)} ${n.textContent}`);
    });
    return out;
  }
}

/** Decorations of a plugin state, in document order, with their spec or attributes. */
export function decorationsOf(
  set: DecorationSet | undefined,
): Array<{ from: number; to: number; attrs: Record<string, string>; spec: Record<string, unknown> }> {
  return (set?.find() ?? [])
    .map((d) => ({
      from: d.from,
      to: d.to,
      attrs: (d as unknown as { type: { attrs?: Record<string, string> } }).type.attrs ?? {},
      spec: d.spec as Record<string, unknown>,
    }))
    .sort((a, b) => a.from - b.from || a.to - b.to);
}
