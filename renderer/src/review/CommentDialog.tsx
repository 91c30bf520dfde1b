import { useState } from 'react';
import { Dialog, DialogActions } from '../components/Dialog';

/** A new comment on the selected text. */
export function CommentDialog({ quote, onCancel, onSave }: { quote: string; onCancel(): void; onSave(body: string): void }) {
  const [body, setBody] = useState('');
  return (
    <Dialog
      title="添加批注"
      onClose={onCancel}
      footer={<DialogActions onCancel={onCancel} onOk={() => onSave(body.trim())} okLabel="添加" disabled={!body.trim()} />}
    >
      <p className="muted">「{quote.length > 80 ? `${quote.slice(0, 80)}…` : quote}」</p>
      <textarea aria-label="批注内容" rows={4} className="comment-input" value={body} onChange={(e) => setBody(e.target.value)} />
    </Dialog>
  );
}
