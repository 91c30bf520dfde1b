// The editor's header (back, title, review round, save state) and the banners under it
// (save conflict or failure, a local draft the library does not have).
import { useEffect, useState } from 'react';
import { STATUS_LABELS, type PlanStatus } from '../../../shared/contract';
import type { PlanDocument } from '../../../shared/plan/schema';
import { formatDateTime } from '../components/format';
import { clearDrafts, findDraft, readLocalDraft, type LocalDraft } from './useAutosave';

const SAVE_LABELS = { saved: '已保存', dirty: '未保存', saving: '保存中…', error: '保存失败', conflict: '保存冲突' } as const;
type SaveStatus = keyof typeof SAVE_LABELS;

interface HeaderProps {
  title: string;
  round: PlanStatus;
  saveStatus: SaveStatus;
  saveMessage: string | null | undefined;
  onBack(): void;
  onRound(next: PlanStatus): void;
}

export function EditorHeader({ title, round, saveStatus, saveMessage, onBack, onRound }: HeaderProps) {
  return (
    <header className="editor-header">
      <button type="button" onClick={onBack} title="返回资料库（Ctrl+L）">
        ← 资料库
      </button>
      <h1 id="plan-title">{title}</h1>
      <label className="round-select" title="审阅轮次：进入新的轮次时自动保存一个版本">
        <span className="visually-hidden">轮次</span>
        <select aria-label="轮次" value={round} onChange={(e) => onRound(e.target.value as PlanStatus)}>
          {(Object.keys(STATUS_LABELS) as PlanStatus[]).map((st) => (
            <option key={st} value={st}>
              {STATUS_LABELS[st]}
            </option>
          ))}
        </select>
      </label>
      <span className={`save-state save-${saveStatus}`} role="status" aria-label="保存状态" title={saveMessage ?? ''}>
        {SAVE_LABELS[saveStatus]}
      </span>
    </header>
  );
}

interface BannerProps {
  planId: string;
  revision: number;
  saveStatus: SaveStatus;
  saveMessage: string | null | undefined;
  onReload(): void;
  /** Put the draft's document into the editor. Returns false when the editor is not ready. */
  onRestoreDraft(doc: PlanDocument): boolean;
}

export function EditorBanners({ planId, revision, saveStatus, saveMessage, onReload, onRestoreDraft }: BannerProps) {
  // This browser's copy at once; the library's journal (which every start of the server
  // finds, whatever the page's origin) when it answers, if it is newer.
  const [draft, setDraft] = useState<LocalDraft | null>(() => {
    const d = readLocalDraft(planId);
    return d && d.revision === revision ? d : null;
  });
  useEffect(() => {
    let cancelled = false;
    void findDraft(planId, revision).then((d) => {
      if (!cancelled && d) setDraft((shown) => (shown && shown.savedAt >= d.savedAt ? shown : d));
    });
    return () => {
      cancelled = true;
    };
    // Looked up once, for the revision the plan was opened at.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [planId]);
  return (
    <>
      {saveStatus === 'conflict' && (
        <div className="banner banner-error" role="alert">
          {saveMessage}{' '}
          <button type="button" onClick={onReload}>
            重新打开
          </button>
        </div>
      )}
      {saveStatus === 'error' && (
        <div className="banner banner-error" role="alert">
          {saveMessage}（修改仍保留在本窗口和本机草稿中，稍后会自动重试。）
        </div>
      )}
      {draft && (
        <div className="banner" role="alert">
          发现 {formatDateTime(draft.savedAt)} 未保存到资料库的修改。
          <button
            type="button"
            onClick={() => {
              if (onRestoreDraft(draft.doc)) setDraft(null);
            }}
          >
            恢复这些修改
          </button>
          <button
            type="button"
            onClick={() => {
              clearDrafts(planId, revision + 1);
              setDraft(null);
            }}
          >
            丢弃
          </button>
        </div>
      )}
    </>
  );
}
