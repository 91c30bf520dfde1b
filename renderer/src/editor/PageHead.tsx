// The top of the page as the plan will print (issue 18): the 文号 centred with the red line
// under it when there is one (GB/T 9704 版头), then the title centred in 二号 小标宋, broken
// into lines as the export breaks it (shared/export/title-lines.ts). The title is the plan's
// meta.title — the same field as the header and 文档信息 show: click it (or Enter) to edit it
// here; Enter or leaving the field keeps the change, Escape takes it back.
import { memo, useEffect, useRef, useState } from 'react';
import { splitTitle } from '../../../shared/export/title-lines';

interface Props {
  title: string;
  docNumber: string | undefined;
  onTitle(title: string): void;
}

export const PageHead = memo(function PageHead({ title, docNumber, onTitle }: Props) {
  /** The title before this edit (for Escape) while the field is open. */
  const [editingFrom, setEditingFrom] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  /** Closed from the keyboard: the focus goes back to the title (not after a click elsewhere). */
  const refocus = useRef(false);
  useEffect(() => {
    if (editingFrom !== null || !refocus.current) return;
    refocus.current = false;
    button.current?.focus();
  }, [editingFrom]);
  const close = (keep: boolean) => {
    if (editingFrom === null) return;
    if (!keep || !title.trim()) onTitle(editingFrom);
    setEditingFrom(null);
  };
  const number = docNumber?.trim();
  return (
    <header className="page-head" aria-label="标题和文号">
      {number && <p className="page-doc-number">{number}</p>}
      {editingFrom === null ? (
        // Not a second heading: the header's h1 is the title's heading; this is its printed form.
        <div className="page-title">
          <button ref={button} type="button" title="点击修改标题" onClick={() => setEditingFrom(title)}>
            {(title.trim() ? splitTitle(title) : ['（无标题）']).map((line, i) => (
              <span key={i} className="page-title-line">
                {line}
              </span>
            ))}
          </button>
        </div>
      ) : (
        <input
          className="page-title-input"
          aria-label="标题"
          autoFocus
          value={title}
          onChange={(e) => onTitle(e.target.value)}
          onBlur={() => close(true)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === 'Escape') {
              e.preventDefault();
              refocus.current = true;
              close(e.key === 'Enter');
            }
          }}
        />
      )}
    </header>
  );
});
