// The editor bound to a plan's shared Y.Doc (issue 20): y-prosemirror's sync plugin in place of
// the document's own content, its undo manager in place of ProseMirror's history (so that undo
// takes back only this user's changes), and the carets of the others with their names.
import { Extension } from '@tiptap/core';
import type { Plugin } from '@tiptap/pm/state';
import { redo, undo, yCursorPlugin, ySyncPlugin, yUndoPlugin, yUndoPluginKey } from 'y-prosemirror';
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
    return [ySyncPlugin(fragment), keptUndoPlugin(), ...(awareness ? [yCursorPlugin(awareness)] : [])];
  },
  addKeyboardShortcuts() {
    return {
      'Mod-z': () => undo(this.editor.state),
      'Mod-y': () => redo(this.editor.state),
      'Mod-Shift-z': () => redo(this.editor.state),
    };
  },
});

type KeptUndoManager = Y.UndoManager & {
  restore?: () => void;
  afterTransactionHandler: (tr: Y.Transaction) => void;
  _observers: unknown;
};

/**
 * yUndoPlugin, with its undo manager surviving a re-creation of the plugin views. ProseMirror
 * destroys and re-creates every plugin view when the plugin list changes (TipTap's EditorContent
 * registers a plugin as it mounts); yUndoPlugin's view destroys the undo manager then, and undo
 * would do nothing from then on. The destroy is undone when the view comes back (the same fix as
 * in @tiptap/extension-collaboration).
 */
function keptUndoPlugin(): Plugin {
  const plugin = yUndoPlugin() as unknown as Plugin;
  const original = plugin.spec.view!;
  plugin.spec.view = (view) => {
    const undoManager = (yUndoPluginKey.getState(view.state) as { undoManager: KeptUndoManager }).undoManager;
    if (undoManager.restore) {
      undoManager.restore();
      undoManager.restore = undefined;
    }
    const inner = original(view);
    return {
      destroy: () => {
        const trackSelf = undoManager.trackedOrigins.has(undoManager);
        const observers = undoManager._observers;
        undoManager.restore = () => {
          if (trackSelf) undoManager.trackedOrigins.add(undoManager);
          undoManager.doc.on('afterTransaction', undoManager.afterTransactionHandler);
          undoManager._observers = observers;
        };
        inner.destroy?.();
      },
    };
  };
  return plugin;
}

const COLORS = ['#1f6feb', '#b35900', '#2e7d32', '#8e24aa', '#c62828', '#00838f', '#6d4c41'];

/** A steady colour for a person's caret, from their name. */
export function colorFor(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return COLORS[h % COLORS.length]!;
}
