import { useCallback, useEffect, useState } from 'react';
import type { PlanRecord } from '../../../shared/contract';
import { errorMessage, invoke } from '../api/client';
import { EditorScreen } from '../editor/EditorScreen';

interface Props {
  id: string;
  onBack(): void;
}

/** Loads a plan from the library and opens it in the editor. */
export function PlanScreen({ id, onBack }: Props) {
  const [record, setRecord] = useState<PlanRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadKey, setLoadKey] = useState(0);

  const load = useCallback(async () => {
    try {
      setRecord(await invoke('plans.get', { id }));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load, loadKey]);

  if (error) {
    return (
      <main className="library">
        <p className="form-error" role="alert">
          {error}
        </p>
        <button type="button" onClick={onBack}>
          返回资料库
        </button>
      </main>
    );
  }
  if (!record) return <main className="library muted">正在打开…</main>;
  return <EditorScreen key={`${record.id}-${loadKey}`} record={record} onBack={onBack} onReload={() => setLoadKey((k) => k + 1)} />;
}
