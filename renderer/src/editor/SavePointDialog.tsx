import { useState } from 'react';
import { Dialog } from '../components/Dialog';

/** Ctrl+S: name a save point (a version in the history). */
export function SavePointDialog({ onCancel, onSave }: { onCancel(): void; onSave(name: string): void }) {
  const now = new Date();
  const [name, setName] = useState(`保存点 ${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`);
  const submit = () => onSave(name.trim() || '保存点');
  return (
    <Dialog
      title="保存版本"
      onClose={onCancel}
      footer={
        <>
          <button type="button" onClick={onCancel}>
            取消
          </button>
          <button type="button" className="primary" onClick={submit}>
            保存
          </button>
        </>
      }
    >
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label>
          <span>版本说明（如“征求意见前”）</span>
          <input aria-label="版本说明" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </label>
      </form>
    </Dialog>
  );
}
