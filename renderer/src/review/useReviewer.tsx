// Who is reviewing: name and unit, asked once and remembered (settings), carried by every
// comment and suggestion.
import { useCallback, useEffect, useState } from 'react';
import type { Reviewer } from '../../../shared/contract';
import { invoke } from '../api/client';
import { Dialog, DialogActions } from '../components/Dialog';

const KEY = 'reviewer';

export function useReviewer() {
  const [reviewer, setReviewer] = useState<Reviewer | null>(null);
  const [asking, setAsking] = useState<null | ((r: Reviewer | null) => void)>(null);
  useEffect(() => {
    invoke('settings.get', { key: KEY })
      .then(({ value }) => {
        const v = value as Partial<Reviewer> | null;
        if (v?.name) setReviewer({ name: v.name, unit: v.unit ?? '' });
      })
      .catch(() => undefined);
  }, []);
  /** The reviewer, asking for the name and unit the first time. */
  const ensure = useCallback(
    (): Promise<Reviewer | null> => (reviewer ? Promise.resolve(reviewer) : new Promise((resolve) => setAsking(() => resolve))),
    [reviewer],
  );
  const save = async (r: Reviewer) => {
    await invoke('settings.set', { key: KEY, value: { name: r.name, unit: r.unit } });
    localStorage.setItem('plandesk.author', r.unit ? `${r.name}（${r.unit}）` : r.name);
    setReviewer(r);
  };
  const dialog = asking ? (
    <ReviewerDialog
      onCancel={() => {
        asking(null);
        setAsking(null);
      }}
      onSave={async (r) => {
        await save(r);
        asking(r);
        setAsking(null);
      }}
    />
  ) : null;
  return { reviewer, ensure, dialog, change: () => setAsking(() => () => undefined) };
}

function ReviewerDialog({ onCancel, onSave }: { onCancel(): void; onSave(r: Reviewer): void }) {
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    if (!name.trim()) return setError('请填写姓名。');
    onSave({ name: name.trim(), unit: unit.trim() });
  };
  return (
    <Dialog title="您是谁" onClose={onCancel} footer={<DialogActions onCancel={onCancel} onOk={submit} okLabel="确定" />}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <p className="muted">批注和修订会署上您的姓名和单位。只需填写一次。</p>
        <label>
          <span>姓名</span>
          <input aria-label="姓名" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          <span>单位</span>
          <input aria-label="单位" value={unit} onChange={(e) => setUnit(e.target.value)} placeholder="如：县应急管理局" />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
