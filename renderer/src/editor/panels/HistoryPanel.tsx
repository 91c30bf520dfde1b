import { useCallback, useEffect, useState } from 'react';
import type { VersionSummary } from '../../../../shared/contract';
import { errorMessage, invoke } from '../../api/client';
import { formatDateTime } from '../../components/format';

interface Props {
  planId: string;
  /** Bumps after each save point, to reload the list. */
  refreshKey: number;
  onView(version: VersionSummary): void;
  onRestore(version: VersionSummary): void;
}

/** Save points with time and author; open one read-only, or restore it. */
export function HistoryPanel({ planId, refreshKey, onView, onRestore }: Props) {
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setVersions(await invoke('versions.list', { planId }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [planId]);
  useEffect(() => {
    void load();
  }, [load, refreshKey]);
  return (
    <section className="side-section" aria-label="历史">
      <p className="muted">Ctrl+S 保存一个命名的保存点；编辑时自动保存，不会丢失修改。</p>
      {error && <p className="form-error">{error}</p>}
      <ul className="history-list">
        {versions?.map((v) => (
          <li key={v.id} aria-label={`保存点 ${v.message}`}>
            <div>
              <strong>{v.message}</strong>
            </div>
            <div className="muted">
              {formatDateTime(v.createdAt)} {v.author}
            </div>
            <div className="history-actions">
              <button type="button" onClick={() => onView(v)}>
                查看
              </button>
              <button type="button" onClick={() => onRestore(v)}>
                恢复
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
