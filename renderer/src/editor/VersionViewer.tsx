import { useEffect, useState } from 'react';
import type { VersionSummary } from '../../../shared/contract';
import { flattenOutline } from '../../../shared/plan/outline';
import type { PlanDocument } from '../../../shared/plan/schema';
import { taskRunningText } from '../../../shared/plan/running-text';
import { errorMessage, invoke } from '../api/client';
import { Dialog } from '../components/Dialog';
import { formatDateTime } from '../components/format';

/** A save point, read-only, as running text with its labels. */
export function VersionViewer({ version, onClose, onRestore }: { version: VersionSummary; onClose(): void; onRestore(): void }) {
  const [doc, setDoc] = useState<PlanDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    invoke('versions.get', { versionId: version.id })
      .then((r) => setDoc(r.doc))
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [version.id]);
  return (
    <Dialog
      title={`保存点：${version.message}（${formatDateTime(version.createdAt)}）`}
      onClose={onClose}
      width={760}
      footer={
        <>
          <button type="button" onClick={onClose}>
            关闭
          </button>
          <button type="button" className="primary" onClick={onRestore}>
            恢复到此版本
          </button>
        </>
      }
    >
      {error && <p className="form-error">{error}</p>}
      {doc && (
        <article className="version-view" aria-label="只读版本">
          <h3>{doc.meta.title}</h3>
          {flattenOutline(doc.body).map((item) => (
            <p key={item.path} className={`vv-${item.kind} vv-level-${item.level}`}>
              {item.node.type === 'task' ? taskRunningText(item.node) : `${item.label}${item.title}`}
            </p>
          ))}
        </article>
      )}
    </Dialog>
  );
}
