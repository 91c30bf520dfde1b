// The plan's fields the editor keeps beside the TipTap document: metadata, numbering settings
// and dismissed checks. Each is state (for rendering) mirrored in a ref (for buildDoc, which
// autosave calls at any time). `changed` is wired to autosave's markChanged by the screen.
import type { Editor } from '@tiptap/react';
import { useCallback, useRef, useState, type MutableRefObject } from 'react';
import type { PlanRecord } from '../../../shared/contract';
import { anchorImportWarnings } from '../../../shared/checks/carried';
import { blocksToNumberedBody } from '../../../shared/plan/flat';
import type { NumberingSettings, PlanDocument, PlanMeta } from '../../../shared/plan/schema';
import { editorDocToBlocks } from './convert';

export function usePlanFields(record: PlanRecord, editorRef: MutableRefObject<Editor | null>) {
  const changed = useRef<() => void>(() => undefined);
  const markChanged = useCallback(() => changed.current(), []);
  const [meta, setMeta] = useState<PlanMeta>(record.doc.meta);
  const metaRef = useRef(meta);
  metaRef.current = meta;
  const [numbering, setNumbering] = useState<NumberingSettings>(record.doc.numbering);
  const numberingRef = useRef(numbering);
  numberingRef.current = numbering;
  const [dismissed, setDismissed] = useState<string[]>(record.doc.dismissedChecks ?? []);
  const dismissedRef = useRef(dismissed);
  dismissedRef.current = dismissed;
  // The importer's warnings with their anchors (issue 18): plans saved before get them now,
  // from the plan as opened, and keep them when saved, so later edits resolve the warnings.
  const [warnings] = useState(() => anchorImportWarnings(record.doc, { stored: true }));

  const buildDoc = useCallback((): PlanDocument | null => {
    const editor = editorRef.current;
    if (!editor || editor.isDestroyed) return null;
    const blocks = editorDocToBlocks(editor.state.doc);
    return {
      ...record.doc,
      // The schema refuses an empty title (issue 16): while the title field is cleared, the plan
      // keeps the title it has in the library.
      meta: metaRef.current.title.trim() ? metaRef.current : { ...metaRef.current, title: record.title },
      numbering: numberingRef.current,
      body: blocksToNumberedBody(blocks, numberingRef.current),
      warnings,
      ...(dismissedRef.current.length ? { dismissedChecks: dismissedRef.current } : {}),
    };
  }, [record, editorRef, warnings]);

  const changeMeta = useCallback(
    (next: PlanMeta) => {
      setMeta(next);
      metaRef.current = next;
      markChanged();
    },
    [markChanged],
  );
  const patchMeta = useCallback((p: Partial<PlanMeta>) => changeMeta({ ...metaRef.current, ...p }), [changeMeta]);
  const dismissCheck = useCallback(
    (id: string) => {
      const next = [...dismissedRef.current, id];
      setDismissed(next);
      dismissedRef.current = next;
      markChanged();
    },
    [markChanged],
  );
  /** New numbering settings into state, the ref and the editor's numbering plugin (no markChanged). */
  const applyNumbering = useCallback(
    (next: NumberingSettings) => {
      setNumbering(next);
      numberingRef.current = next;
      editorRef.current?.commands.setNumbering(next);
    },
    [editorRef],
  );
  const changeNumbering = (level: 2 | 3, mode: 'restart' | 'continuous') => {
    const perLevel = [...numbering.perLevel] as NumberingSettings['perLevel'];
    perLevel[level - 1] = mode;
    applyNumbering({ perLevel });
    markChanged();
  };

  return { changed, meta, numbering, dismissed, warnings, buildDoc, changeMeta, patchMeta, dismissCheck, applyNumbering, changeNumbering };
}
