// The editor bound to a plan's shared Y.Doc (issue 20): y-prosemirror's sync plugin in place of
// the document's own content, its undo manager in place of ProseMirror's history (so that undo
// takes back only this user's changes), and the carets of the others with their names.
import { Extension } from '@tiptap/core';
import { redo, undo, yCursorPlugin, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

export interface CollaborationOptions {
  fragment: Y.XmlFragment | null;
  awareness: Awareness | null;
}

export const Collaboration = Extension.create<CollaborationOptions>({
  name: 'planCollaboration',
  priority: 1000,
  addOptions() {
    return { fragment: null, awareness: null };
  },
  addProseMirrorPlugins() {
    const { fragment, awareness } = this.options;
    if (!fragment) return [];
    return [ySyncPlugin(fragment), yUndoPlugin(), ...(awareness ? [yCursorPlugin(awareness)] : [])];
  },
  addKeyboardShortcuts() {
    return {
      'Mod-z': () => undo(this.editor.state),
      'Mod-y': () => redo(this.editor.state),
      'Mod-Shift-z': () => redo(this.editor.state),
    };
  },
});

const COLORS = ['#1f6feb', '#b35900', '#2e7d32', '#8e24aa', '#c62828', '#00838f', '#6d4c41'];

/** A steady colour for a person's caret, from their name. */
export function colorFor(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return COLORS[h % COLORS.length]!;
}
