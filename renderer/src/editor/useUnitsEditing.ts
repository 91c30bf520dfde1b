// 分工 in the editor: the units dialog opened from a task's units parenthetical (a suggestion
// in 修订 mode), renaming a unit across the plan, and the units the plan already names.
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FlatBlock } from '../../../shared/plan/flat';
import { useToast } from '../components/Toasts';
import type { Reviewer } from '../../../shared/contract';
import { isSuggesting, suggestNodeChange } from '../review/suggest-mode';
import { outlineEntries } from './numbering-plugin';
import { EDIT_UNITS_EVENT, type EditUnitsDetail } from './task-view';

export function useUnitsEditing(editor: Editor | null, blocks: FlatBlock[], reviewer: () => Reviewer | null) {
  const toast = useToast();
  const [unitsFor, setUnitsFor] = useState<{ pos: number } | null>(null);

  // Clicking a task's units parenthetical opens the units editor.
  useEffect(() => {
    if (!editor) return;
    const dom = editor.view.dom;
    const onEdit = (e: Event) => setUnitsFor({ pos: (e as CustomEvent<EditUnitsDetail>).detail.pos });
    dom.addEventListener(EDIT_UNITS_EVENT, onEdit);
    return () => dom.removeEventListener(EDIT_UNITS_EVENT, onEdit);
  }, [editor]);

  const renameUnit = useCallback(
    (from: string, to: string) => {
      if (!editor) return;
      const tr = editor.state.tr;
      let n = 0;
      editor.state.doc.forEach((node, pos) => {
        if (node.type.name !== 'planTask') return;
        const lead = (node.attrs.lead as string[]).map((u) => (u === from ? to : u));
        const support = (node.attrs.support as string[]).map((u) => (u === from ? to : u));
        const unitsText = node.attrs.unitsText as string | null;
        const touched = lead.join() !== (node.attrs.lead as string[]).join() || support.join() !== (node.attrs.support as string[]).join();
        if (!touched) return;
        n++;
        tr.setNodeMarkup(pos, undefined, {
          ...node.attrs,
          lead: [...new Set(lead)],
          support: [...new Set(support)],
          unitsText: unitsText ? unitsText.split(from).join(to) : null,
        });
      });
      if (n) {
        editor.view.dispatch(tr);
        toast({ kind: 'info', message: `已将 ${n} 项任务中的“${from}”改为“${to}”` });
      }
    },
    [editor, toast],
  );

  const planUnits = useMemo(() => [...new Set(blocks.flatMap((b) => (b.type === 'task' ? [...b.lead, ...b.support] : [])))], [blocks]);

  // The task whose units are being edited, while the dialog is open.
  const unitsTask = unitsFor && editor ? editor.state.doc.nodeAt(unitsFor.pos) : null;
  const dialog =
    unitsTask && unitsFor && editor
      ? {
          taskLabel: outlineEntries(editor.state).find((e) => e.pos === unitsFor.pos)?.label ?? '',
          lead: unitsTask.attrs.lead as string[],
          support: unitsTask.attrs.support as string[],
        }
      : null;
  const cancel = () => {
    setUnitsFor(null);
    editor?.view.focus();
  };
  const save = (lead: string[], support: string[]) => {
    if (!editor || !unitsFor) return;
    const node = editor.state.doc.nodeAt(unitsFor.pos);
    const who = reviewer();
    if (node?.type.name === 'planTask') {
      const tr =
        isSuggesting(editor.state).enabled && who
          ? suggestNodeChange(editor.state, unitsFor.pos, who, { type: 'units', lead, support })
          : editor.state.tr.setNodeMarkup(unitsFor.pos, undefined, { ...node.attrs, lead, support, unitsText: null });
      if (tr) editor.view.dispatch(tr);
    }
    setUnitsFor(null);
    editor.view.focus();
  };

  return { renameUnit, planUnits, dialog, cancel, save };
}
