// Creates the TipTap editor for a plan and exposes a throttled view of its blocks for panels.
import { useEditor, type Editor } from '@tiptap/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FlatBlock } from '../../../shared/plan/flat';
import type { NumberingSettings } from '../../../shared/plan/schema';
import { blocksToEditorJSON, editorDocToBlocks } from './convert';
import { planEditorExtensions } from './extensions';
import { repairIds } from './ids-plugin';
import { outlineEntries, type OutlineEntry } from './numbering-plugin';

export interface EditorSnapshot {
  blocks: FlatBlock[];
  outline: OutlineEntry[];
  /** Bumps on every change, for memoisation. */
  version: number;
}

export function usePlanEditor(initial: FlatBlock[], numbering: NumberingSettings, onChange: () => void, editable = true) {
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const content = useMemo(() => blocksToEditorJSON(initial), [initial]);
  const editor = useEditor(
    {
      extensions: planEditorExtensions(numbering, { editable }),
      content,
      editable,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      // TipTap's "delete" events (nobody here listens) cost a replay of every transaction.
      enableCoreExtensions: { delete: false },
      editorProps: {
        attributes: { class: 'plan-page', 'aria-label': '计划正文', spellcheck: 'false' },
      },
      onUpdate: () => onChangeRef.current(),
      // When EditorContent mounts, TipTap makes the node views anew (for React node views; these
      // are plain DOM) and ProseMirror then draws the whole plan a second time: the views the
      // editor was created with are kept.
      onBeforeCreate: ({ editor: e }) => {
        e.createNodeViews = () => undefined;
      },
      // A document opened without ids (never the case for the library's plans) gets them now,
      // outside the undo history; typing alone never triggers the ids plugin (ids-plugin.ts).
      onCreate: ({ editor: e }) => {
        if (!editable) return;
        const tr = repairIds(e.state);
        if (tr) e.view.dispatch(tr.setMeta('addToHistory', false));
      },
    },
    [content],
  );
  const [snapshot, setSnapshot] = useState<EditorSnapshot>(() => ({ blocks: initial, outline: editor ? outlineEntries(editor.state) : [], version: 0 }));

  // Panels read the document at most every 250 ms, never while an IME composition is open.
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      if (editor.isDestroyed) return;
      if (editor.view.composing) {
        timer = setTimeout(refresh, 250);
        return;
      }
      setSnapshot((s) => ({ blocks: editorDocToBlocks(editor.state.doc), outline: outlineEntries(editor.state), version: s.version + 1 }));
    };
    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(refresh, 250);
    };
    refresh();
    editor.on('transaction', schedule);
    return () => {
      editor.off('transaction', schedule);
      if (timer) clearTimeout(timer);
    };
  }, [editor]);

  return { editor: editor as Editor | null, snapshot };
}
