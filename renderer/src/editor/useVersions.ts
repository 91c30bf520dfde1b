// Versions: save points (Ctrl+S), the review round (entering a round saves a version),
// the version being viewed and restoring one. `historyKey` refreshes the history panel.
import type { Editor } from '@tiptap/react';
import { useState } from 'react';
import { STATUS_LABELS, type PlanStatus, type VersionSummary } from '../../../shared/contract';
import { roundSavePoint } from '../../../shared/plan/status';
import type { NumberingSettings, PlanMeta } from '../../../shared/plan/schema';
import { errorMessage, invoke } from '../api/client';
import { formatDateTime } from '../components/format';
import { useToast } from '../components/Toasts';
import { replaceBody } from './replace-body';

interface Options {
  editor: Editor | null;
  initialRound: PlanStatus;
  saveNow(savePoint?: string, status?: PlanStatus): Promise<boolean>;
  changeMeta(meta: PlanMeta): void;
  applyNumbering(numbering: NumberingSettings): void;
}

export function useVersions({ editor, initialRound, saveNow, changeMeta, applyNumbering }: Options) {
  const toast = useToast();
  const [round, setRound] = useState<PlanStatus>(initialRound);
  const [savePointOpen, setSavePointOpen] = useState(false);
  const [viewing, setViewing] = useState<VersionSummary | null>(null);
  const [historyKey, setHistoryKey] = useState(0);

  const changeRound = (next: PlanStatus) => {
    void saveNow(roundSavePoint(next), next).then((ok) => {
      if (ok) {
        setRound(next);
        setHistoryKey((k) => k + 1);
        toast({ kind: 'info', message: `已进入“${STATUS_LABELS[next]}”，并保存了一个版本。` });
      }
    });
  };

  const savePoint = async (name: string) => {
    setSavePointOpen(false);
    const ok = await saveNow(name);
    if (ok) {
      setHistoryKey((k) => k + 1);
      toast({ kind: 'info', message: `已保存版本“${name}”` });
    }
  };

  const restoreVersion = async (v: VersionSummary) => {
    if (!editor) return;
    try {
      // The current state is kept as a save point first; the swap itself is one editor step,
      // so Ctrl+Z undoes the restore too.
      await saveNow('恢复前自动保存');
      const { doc } = await invoke('versions.get', { versionId: v.id });
      replaceBody(editor, doc.body);
      changeMeta(doc.meta);
      applyNumbering(doc.numbering);
      await saveNow(`恢复到 ${formatDateTime(v.createdAt)} 的保存点`);
      setHistoryKey((k) => k + 1);
      toast({ kind: 'info', message: `已恢复到“${v.message}”（${formatDateTime(v.createdAt)}）。按 Ctrl+Z 可撤销。` });
    } catch (err) {
      toast({ kind: 'error', message: errorMessage(err) });
    }
  };

  return { round, changeRound, savePointOpen, setSavePointOpen, savePoint, viewing, setViewing, historyKey, restoreVersion };
}
