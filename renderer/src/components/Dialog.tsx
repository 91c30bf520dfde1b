import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  width?: number;
}

/** A modal dialog: role=dialog with its title as accessible name, Esc closes, focus kept inside. */
export function Dialog({ title, onClose, children, footer, width = 460 }: DialogProps) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('input, select, textarea, button:not([data-close])');
    first?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={id}
        style={{ width }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
          if (e.key === 'Tab' && ref.current) {
            const f = Array.from(ref.current.querySelectorAll<HTMLElement>('button, input, select, textarea, [tabindex]:not([tabindex="-1"])')).filter(
              (el) => !el.hasAttribute('disabled'),
            );
            if (!f.length) return;
            const [first, last] = [f[0]!, f[f.length - 1]!];
            if (e.shiftKey && document.activeElement === first) {
              e.preventDefault();
              last.focus();
            } else if (!e.shiftKey && document.activeElement === last) {
              e.preventDefault();
              first.focus();
            }
          }
        }}
      >
        <header className="dialog-header">
          <h2 id={id}>{title}</h2>
          <button type="button" className="icon-button" data-close aria-label="关闭" title="关闭（Esc）" onClick={onClose}>
            ×
          </button>
        </header>
        <div className="dialog-body">{children}</div>
        {footer && <footer className="dialog-footer">{footer}</footer>}
      </div>
    </div>
  );
}

/** The usual footer: 取消 and one primary action. */
export function DialogActions({
  onCancel,
  onOk,
  okLabel,
  disabled,
  danger,
}: {
  onCancel(): void;
  onOk(): void;
  okLabel: string;
  disabled?: boolean;
  danger?: boolean;
}) {
  return (
    <>
      <button type="button" onClick={onCancel}>
        取消
      </button>
      <button type="button" className={danger ? 'danger' : 'primary'} disabled={disabled} onClick={onOk}>
        {okLabel}
      </button>
    </>
  );
}
