import { useState } from 'react';
import { Dialog, DialogActions } from '../components/Dialog';

/** Ctrl+S: name a save point (a version in the history). */
export function SavePointDialog({
  onCancel,
  onSave,
  title = '保存版本',
  label = '版本说明（如“征求意见前”）',
  initial,
}: {
  onCancel(): void;
  onSave(name: string): void;
  title?: string;
  label?: string;
  initial?: string;
}) {
  const now = new Date();
  const [name, setName] = useState(initial ?? `保存点 ${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`);
  const submit = () => onSave(name.trim() || '保存点');
  return (
    <Dialog title={title} onClose={onCancel} footer={<DialogActions onCancel={onCancel} onOk={submit} okLabel="保存" />}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label>
          <span>{label}</span>
          <input aria-label={label.replace(/（.*$/, '')} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </label>
      </form>
    </Dialog>
  );
}
